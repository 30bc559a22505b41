using System.Diagnostics;
using System.Runtime.CompilerServices;
using LocalOffer.Core;
using LocalOffer.Offers.Render;
using Microsoft.Playwright;

namespace LocalOffer.Web.Tests;

/// <summary>
/// Issue 27: "Your support" in each language (?lang=) at 390 px with no WCAG 2.2 AA violation,
/// right to left where the language is; its PDF in Arabic and in Tigrinya embeds a font for the
/// script, and the text pdftotext reads back from it is the page's own (no missing glyph).
/// </summary>
[Trait(Lane.Key, Lane.Slow), Trait(Lane.Category, Lane.Accessibility)]
public sealed class LanguageBrowserTests(LiveServer server) : IClassFixture<LiveServer>
{
    private static readonly string Shots = Path.Combine(TestPaths.RepoRoot(), "artifacts", "screenshots");

    private static readonly ViewportSize Phone = new() { Width = 390, Height = 900 };

    /// <summary>
    /// The journey to "Your support", walked once for each server: every test reads the same page, each in its own
    /// language, so each gets a new context holding that journey's session cookie, without which the page's handle
    /// is nothing (issue 30: nine journeys were about a fifth of this class's CPU).
    /// </summary>
    private static readonly ConditionalWeakTable<LiveServer, Task<(string Yours, string State)>> Journeys = new();

    /// <summary>A new 390 px page in the journey's session, and the address of "Your support" there.</summary>
    private async Task<(IPage Page, string Yours)> Yours()
    {
        var (yours, state) = await Journeys.GetValue(server, Walk);
        var context = await server.Browser.NewContextAsync(
            new BrowserNewContextOptions { ViewportSize = Phone, StorageState = state });
        return (await context.NewPageAsync(), yours);
    }

    /// <summary>The former relevant sample uploaded, Wakefield, 22 November 2026, up to the result page.</summary>
    private static async Task<(string Yours, string State)> Walk(LiveServer server)
    {
        var context = await server.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = Phone });
        var page = await context.NewPageAsync();
        await page.GotoAsync(server.Url + "/check/upload");
        await page.SetInputFilesAsync("#history",
            Path.Combine(TestPaths.RepoRoot(), "samples", "young-people", "former-relevant.json"));
        await page.ClickAsync("#upload");
        await page.ClickAsync("input[name=council][value=wakefield]");
        foreach (var (part, value) in new[] { ("day", "22"), ("month", "11"), ("year", "2026") })
            await page.FillAsync($"#asAt-{part}", value);
        await page.ClickAsync("#continue");
        await page.ClickAsync("#check");
        await page.WaitForSelectorAsync("#yours-link");
        var yours = server.Url + await page.GetAttributeAsync("#yours-link", "href");
        var state = await context.StorageStateAsync();
        await context.CloseAsync();
        return (yours, state);
    }

    public static TheoryData<string, string> Languages => new()
    {
        { "ar", "rtl" }, { "fa", "rtl" }, { "ps", "rtl" }, { "ti", "ltr" }, { "sq", "ltr" }, { "en-easy", "ltr" },
    };

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task Your_support_in_each_language_has_no_violations_at_390_px(string code, string dir)
    {
        var (page, yours) = await Yours();
        await page.GotoAsync($"{yours}&lang={code}");
        (await page.GetAttributeAsync("html", "dir")).Should().Be(dir);
        (await page.GetAttributeAsync("html", "lang")).Should().Be(code == "en-easy" ? "en-GB" : code);
        (await page.Locator(".lo-translation-banner").CountAsync()).Should().Be(1, "every string is a draft");
        (await page.Locator(".lo-translation-banner a").First.GetAttributeAsync("href")).Should().NotContain("lang=");
        (await page.Locator($"nav.lo-languages [aria-current=page]").TextContentAsync()).Should().NotBeNullOrEmpty();
        var violations = (await Wcag.Axe(page)).Violations.Select(v => $"{code}: {v.Id}: {v.Help}").ToList();
        if (code == "en-easy")
        {
            Directory.CreateDirectory(Shots);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Shots, "yours-en-easy-390.png"), FullPage = true });
        }
        violations.Should().BeEmpty();
        (await page.GetAttributeAsync("#pdf-link", "href")).Should().EndWith($"&lang={code}");
    }

    /// <summary>
    /// The published site (publish --languages) opened from disk with no server: each language's home
    /// page at 390 px has the language's lang and dir, the banner, and no WCAG 2.2 AA violation.
    /// </summary>
    [Theory]
    [MemberData(nameof(Languages))]
    public async Task The_published_home_page_in_each_language_has_no_violations_at_390_px(string code, string dir)
    {
        var site = Path.Combine(Path.GetTempPath(), $"lo-site-{Guid.NewGuid():N}");
        try
        {
            var core = SharedRules.Core;
            var catalog = LocalOffer.Offers.Policy.OfferCatalog.LoadDefault(core);
            var templates = TemplateSet.LoadDefault(core.Law);
            new SitePublisher(core, templates, catalog.National).Publish(catalog.Find("hackney")!, new NodaTime.LocalDate(2026, 11, 22), site,
                languages: [templates.Languages.Find(code)!]);
            var context = await server.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = Phone });
            var page = await context.NewPageAsync();
            await page.GotoAsync(new Uri(Path.Combine(site, code, "index.html")).AbsoluteUri);
            (await page.GetAttributeAsync("html", "dir")).Should().Be(dir);
            (await page.GetAttributeAsync("html", "lang")).Should().Be(code == "en-easy" ? "en-GB" : code);
            (await page.Locator(".lo-translation-banner").CountAsync()).Should().Be(1);
            if (code == "ar")
            {
                Directory.CreateDirectory(Shots);
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Shots, "home-ar-390.png"), FullPage = true });
            }
            var violations = (await Wcag.Axe(page)).Violations.Select(v => $"{code}: {v.Id}: {v.Help}").ToList();
            violations.Should().BeEmpty();
            await context.CloseAsync();
        }
        finally
        {
            if (Directory.Exists(site)) Directory.Delete(site, true);
        }
    }

    [Fact]
    public async Task An_unknown_language_is_the_english_page()
    {
        var (page, yours) = await Yours();
        await page.GotoAsync($"{yours}&lang=%3Cx%3E");
        (await page.GetAttributeAsync("html", "lang")).Should().Be("en-GB");
        (await page.Locator(".lo-translation-banner").CountAsync()).Should().Be(0);
    }

    [Theory]
    [InlineData("ar", "Noto", "الترجمة")]
    [InlineData("ti", "NotoSansEthiopic", "ትርጉም")]
    public async Task The_pdf_in_arabic_and_tigrinya_embeds_a_font_for_the_script(string code, string font, string heading)
    {
        var (page, yours) = await Yours();
        await page.GotoAsync($"{yours}&lang={code}");
        var pdf = await page.APIRequest.GetAsync(server.Url + await page.GetAttributeAsync("#pdf-link", "href"));
        pdf.Status.Should().Be(200);
        var bytes = await pdf.BodyAsync();
        Directory.CreateDirectory(Shots);
        var file = Path.Combine(Shots, $"your-support-{code}.pdf");
        await File.WriteAllBytesAsync(file, bytes);
        var fonts = Run("pdffonts", file);
        fonts.Should().Contain(font);
        // Every font is embedded ("emb" yes): nothing is left to the reader's machine.
        fonts.Split('\n').Skip(2).Where(l => l.Trim().Length > 0).Should().OnlyContain(l => l.Contains(" yes "), fonts);
        var text = Run("pdftotext", file, "-");
        text.Should().Contain(heading, "the banner's heading reads back from the PDF: its glyphs are there");
        text.Should().NotContain("\uFFFD");
    }

    private static string Run(string tool, params string[] args)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var p = Process.Start(start)!;
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return output;
    }
}
