using Microsoft.Playwright;

namespace LocalOffer.Web.Tests;

/// <summary>
/// Issue 25 on a 390 px phone (844 px a screen), in Debian Chromium: Wakefield's start, money and age
/// pages (served by the web app, as publish refuses Wakefield) and "Your support", each with no axe
/// WCAG 2.2 AA violation; an age page's answer to "what changes" fits 3 screens before its list of
/// items, and "Your support" fits 4 screens. Screenshots and heights go to artifacts/screenshots.
/// </summary>
[Trait(Lane.Key, Lane.Slow), Trait(Lane.Category, Lane.Browser)]
public sealed class PhonePagesTests(LiveServer server) : IClassFixture<LiveServer>
{
    private const int Width = 390;
    private const int Screen = 844;
    private static readonly string Shots = Path.Combine(TestPaths.RepoRoot(), "artifacts", "screenshots");


    private async Task<IPage> Phone()
    {
        var context = await server.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = Width, Height = Screen },
        });
        return await context.NewPageAsync();
    }

    /// <summary>Axe's violations, a full-page screenshot and the page's height in CSS pixels.</summary>
    private static async Task<(List<string> Violations, int Height)> Check(IPage page, string shot)
    {
        var violations = (await Wcag.Axe(page)).Violations
            .Select(v => $"{page.Url}: {v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Take(2).Select(n => n.Html))})").ToList();
        Directory.CreateDirectory(Shots);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Shots, shot), FullPage = true });
        var height = await page.EvaluateAsync<int>("() => document.documentElement.scrollHeight");
        await File.AppendAllTextAsync(Path.Combine(Shots, "heights-390.txt"), $"{shot}: {height} px ({height / (double)Screen:0.0} screens)\n");
        return (violations, height);
    }

    [Theory]
    [InlineData("index.html", "wakefield-home-390.png")]
    [InlineData("finances.html", "wakefield-money-390.png")]
    [InlineData("aged-18-to-21.html", "wakefield-18-to-21-390.png")]
    [InlineData("aged-21-to-25.html", "wakefield-21-to-25-390.png")]
    [InlineData("words.html", "wakefield-words-390.png")]
    public async Task Wakefields_pages_fit_a_phone_with_no_violations(string file, string shot)
    {
        var page = await Phone();
        await page.GotoAsync($"{server.Url}/councils/wakefield/{file}?asAt=2026-11-22");
        var (violations, _) = await Check(page, shot);
        violations.Should().BeEmpty();
        (await page.TextContentAsync("main"))!.Should().Contain("Who to contact first");
        if (file.StartsWith("aged-", StringComparison.Ordinal))
        {
            // The answer comes before the list of the council's items, within three screens.
            var top = await page.EvaluateAsync<int>("() => document.getElementById('items').getBoundingClientRect().top + window.scrollY");
            await File.AppendAllTextAsync(Path.Combine(Shots, "heights-390.txt"), $"{shot}: list of items starts at {top} px\n");
            top.Should().BeLessThan(3 * Screen, $"{file}: what changes must fit three screens before the items");
            (await page.TextContentAsync("main"))!.Should().Contain("What changes at");
        }
    }

    /// <summary>
    /// The adviser's journey for a young person who left care at 16 (Wakefield, 22 November 2026), at
    /// university from September 2026, up to the result page.
    /// </summary>
    private async Task<IPage> ResultPage()
    {
        var page = await Phone();
        await page.GotoAsync(server.Url + "/check/person");
        await Date(page, "dob", 15, 6, 2008);
        await page.ClickAsync("input[name=council][value=wakefield]");
        foreach (var part in new[] { "day", "month", "year" }) await page.FillAsync($"#asAt-{part}", "");
        await Date(page, "asAt", 22, 11, 2026);
        await page.ClickAsync("#continue");
        await page.ClickAsync("#add-episodes");
        await Date(page, "start", 10, 1, 2022);
        await CodeList.Choose(page, "legalStatus", "C2");
        await page.ClickAsync("#ended");
        await Date(page, "end", 1, 9, 2024);
        await CodeList.Choose(page, "reasonEnded", "E5");
        await page.ClickAsync("#save");
        await page.ClickAsync("#other-facts");
        // At university from September 2026: help after 21 then depends on it, and the page must say so.
        await page.ClickAsync("a[href*='/check/education/add']");
        await page.ClickAsync("input[name=kind][value=higherEducation]");
        await page.ClickAsync("#fullTime");
        await Date(page, "start", 20, 9, 2026);
        await page.ClickAsync("#ended-no");
        await page.ClickAsync("#save");
        await page.ClickAsync("#continue");
        await page.ClickAsync("#check");
        await page.WaitForSelectorAsync("#status");
        return page;
    }

    [Fact]
    public async Task The_result_puts_its_summary_in_two_screens_with_dates_in_words()
    {
        var page = await ResultPage();
        // Status, why, who to contact, what they get now and the next change, in the first two screens.
        var bottom = await page.EvaluateAsync<int>("() => { const r = document.querySelector('#next-change').getBoundingClientRect(); return r.bottom + scrollY; }");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Shots, "result-top-390.png"), FullPage = false, Clip = new Clip { X = 0, Y = 0, Width = Width, Height = 2 * Screen } });
        bottom.Should().BeLessThan(2 * Screen, "the summary fits two phone screens");
        (await page.TextContentAsync("#first-contact"))!.Should().Contain("Who to contact first");
        (await page.TextContentAsync("#get-now"))!.Should().Contain("A personal adviser, until");
        (await page.TextContentAsync("#next-change"))!.Should().MatchRegex(@"On \d{1,2} [A-Z][a-z]+ \d{4}: ");
        var text = (await page.TextContentAsync("main"))!;
        System.Text.RegularExpressions.Regex.IsMatch(text, @"\b\d{4}-\d{2}-\d{2}\b").Should().BeFalse("one date style: 13 March 2034");
        (await page.Locator("details#timeline").CountAsync()).Should().Be(1);
        (await page.Locator("details#explanation").CountAsync()).Should().Be(1);
        await page.SetViewportSizeAsync(320, Screen);
        (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).Should().BeLessThanOrEqualTo(320);
        await page.SetViewportSizeAsync(Width, Screen);
        foreach (var d in await page.Locator("details summary").AllAsync()) await d.ClickAsync();
        var (violations, _) = await Check(page, "result-390.png");
        violations.Should().BeEmpty();
        await File.AppendAllTextAsync(Path.Combine(Shots, "heights-390.txt"), $"result-390.png: summary ends at {bottom} px\n");
    }

    /// <summary>The document is no wider than a 320 px window (issue 28: every page type, tables in their own boxes).</summary>
    private static async Task<string?> Wider(IPage page)
    {
        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        return width > 320 ? $"{page.Url}: {width} px" : null;
    }

    [Fact]
    public async Task Every_page_type_fits_a_320_px_phone()
    {
        var page = await Phone();
        await page.SetViewportSizeAsync(320, Screen);
        var wide = new List<string?>();
        foreach (var path in new[]
        {
            "/", "/check/person", "/check/upload", "/caseload", "/councils", "/councils/wakefield/",
            "/councils/wakefield/finances.html", "/councils/wakefield/aged-18-to-21.html", "/councils/wakefield/law.html",
            "/councils/wakefield/words.html", "/compare", "/accessibility",
        })
        {
            await page.GotoAsync(server.Url + path);
            wide.Add(await Wider(page));
        }
        page = await ResultPage();
        await page.SetViewportSizeAsync(320, Screen);
        foreach (var d in await page.Locator("details summary").AllAsync()) await d.ClickAsync();
        wide.Add(await Wider(page));
        var result = page.Url;
        foreach (var link in new[] { "#print-link", "#yours-link", "#whatif-link" })
        {
            await page.GotoAsync(result);
            // Measured once the link's page has loaded: under load a measure straight after the click ran
            // while the document was being replaced (documentElement null).
            await Task.WhenAll(page.WaitForURLAsync(u => u != result), page.ClickAsync(link));
            wide.Add(await Wider(page));
        }
        await page.GotoAsync(result.Replace("/check/result", "/check/answers"));
        wide.Add(await Wider(page));
        await page.GotoAsync(result.Replace("/check/result", "/check/episodes"));
        wide.Add(await Wider(page));
        wide.OfType<string>().Should().BeEmpty();
    }

    [Fact]
    public async Task Compare_fits_a_phone_with_money_first_and_the_template_apart()
    {
        var page = await Phone();
        await page.GotoAsync(server.Url + "/compare?asAt=2026-11-22");
        foreach (var width in new[] { 390, 320 })
        {
            await page.SetViewportSizeAsync(width, Screen);
            (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).Should()
                .BeLessThanOrEqualTo(width, "the table scrolls in its own box; the page does not (2,156 px before issue 28)");
        }
        await page.SetViewportSizeAsync(Width, Screen);
        var headings = await page.Locator("#councils thead th").AllTextContentsAsync();
        headings[1].Should().StartWith("Setting up home (£)", "amounts first");
        headings.Count.Should().BeLessThan(12);
        (await page.Locator("#councils a[href='/councils/hackney/']").CountAsync()).Should().Be(1);
        (await page.Locator("#councils").TextContentAsync())!.Should().NotContain("DfE template").And.Contain("£");
        (await page.Locator("#templates").TextContentAsync())!.Should().Contain("DfE template");
        System.Text.RegularExpressions.Regex.IsMatch((await page.TextContentAsync("main"))!, @"\d{4}-\d{2}-\d{2}").Should().BeFalse();
        var (violations, _) = await Check(page, "compare-390.png");
        violations.Should().BeEmpty();
        await page.ClickAsync("#all-columns");
        (await page.Locator("#councils thead th").CountAsync()).Should().Be(LocalOffer.Offers.Compare.OfferComparison.Columns.Count);
    }

    [Fact]
    public async Task Your_support_fits_four_screens_and_says_each_condition()
    {
        var page = await ResultPage();
        await page.ClickAsync("#yours-link");
        (await page.TextContentAsync("h1")).Should().Be("Your support");
        var (violations, height) = await Check(page, "yours-phone-390.png");
        violations.Should().BeEmpty();
        height.Should().BeLessThan(4 * Screen, "Your support fits four phone screens");
        var now = (await page.TextContentAsync("#get-now"))!;
        now.Should().Contain("Your personal adviser: until you are 21, then while you are in education or training, until you are 25");
        (await page.TextContentAsync("#next"))!.Should().Contain("carry on only while you are in education or training");
        (await page.TextContentAsync("main"))!.Should().NotContainAny("s.23", "Children Act", "former relevant", "eligible", "13 March 2034");
    }

    private static async Task Date(IPage page, string name, int day, int month, int year)
    {
        await page.FillAsync($"#{name}-day", day.ToString());
        await page.FillAsync($"#{name}-month", month.ToString());
        await page.FillAsync($"#{name}-year", year.ToString());
    }
}
