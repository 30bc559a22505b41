using System.Diagnostics;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace LocalOffer.Web.Tests;

/// <summary>
/// The adviser's journey (issue 10) in Debian Chromium: dates entered as day, month and year; two
/// episodes added to a list, one changed from Check your answers; Back and Reload after the result
/// send no form again; download then upload gives the same result; every error message pattern;
/// the young person's page and its PDF; screenshots at 390 px; axe WCAG 2.2 AA on every page, errors
/// included, at 390 px and 1280 px.
/// </summary>
[Trait(Lane.Key, Lane.Slow), Trait(Lane.Category, Lane.Browser)]
public sealed class JourneyBrowserTests(LiveServer server) : IClassFixture<LiveServer>
{
    /// <summary>Screenshots for the note and for people reviewing a change: artifacts/screenshots in the repository.</summary>
    private static readonly string Shots = Path.Combine(TestPaths.RepoRoot(), "artifacts", "screenshots");

    private sealed class Counter
    {
        public int Loads;
        public int Keys;
    }

    private async Task<(IPage Page, Counter Count)> Open(int width = 1280, string path = "/check/person")
    {
        var context = await server.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = 900 }, AcceptDownloads = true,
        });
        var page = await context.NewPageAsync();
        var count = new Counter();
        page.Load += (_, _) => count.Loads++;
        // A "Confirm form resubmission" prompt would be a dialog: none may ever appear.
        page.Dialog += (_, d) => throw new InvalidOperationException($"unexpected dialog: {d.Message}");
        await page.GotoAsync(server.Url + path);
        return (page, count);
    }

    private static async Task Type(IPage page, Counter c, string selector, string text)
    {
        await page.FocusAsync(selector);
        await page.Keyboard.TypeAsync(text);
        c.Keys += text.Length;
    }

    private static async Task Date(IPage page, Counter c, string name, int day, int month, int year)
    {
        await Type(page, c, $"#{name}-day", day.ToString());
        await Type(page, c, $"#{name}-month", month.ToString());
        await Type(page, c, $"#{name}-year", year.ToString());
    }

    private static async Task Click(IPage page, Counter c, string selector)
    {
        await page.ClickAsync(selector);
        c.Keys++;
    }

    private static async Task<List<string>> Axe(IPage page) =>
        (await Wcag.Axe(page)).Violations
            .Select(v => $"{page.Url}: {v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Take(2).Select(n => n.Html))})").ToList();

    private static async Task AxeAtBothWidths(IPage page, List<string> found)
    {
        foreach (var width in new[] { 390, 1280 })
        {
            await page.SetViewportSizeAsync(width, 900);
            found.AddRange(await Axe(page));
        }
    }

    private static async Task Person(IPage page, Counter c, int dobYear = 2010, int dobMonth = 1, int dobDay = 20)
    {
        await Date(page, c, "dob", dobDay, dobMonth, dobYear);
        const string council = "wakefield";
        await Click(page, c, $"input[name=council][value={council}]");
        await page.FillAsync("#asAt-day", "");
        await page.FillAsync("#asAt-month", "");
        await page.FillAsync("#asAt-year", "");
        await Date(page, c, "asAt", 22, 11, 2026);
        await Click(page, c, "#continue");
    }

    private static async Task Episode(IPage page, Counter c, (int D, int M, int Y) start, string ls, (int D, int M, int Y)? end,
        string? rec)
    {
        await Click(page, c, "#add-episodes");
        await Date(page, c, "start", start.D, start.M, start.Y);
        await CodeList.Choose(page, "legalStatus", ls);
        c.Keys++;
        if (end is { } e)
        {
            await Click(page, c, "#ended");
            await Date(page, c, "end", e.D, e.M, e.Y);
            await CodeList.Choose(page, "reasonEnded", rec!);
            c.Keys++;
        }
        else await Click(page, c, "#ended-no");
        await Click(page, c, "#save");
    }

    [Fact]
    public async Task Two_episodes_entered_changed_from_check_your_answers_and_rechecked()
    {
        var (page, c) = await Open();
        var clock = Stopwatch.StartNew();
        // The journey's time leaves out the checks the test makes along the way (axe).
        async Task Untimed(Func<Task> check)
        {
            clock.Stop();
            await check();
            clock.Start();
        }
        var axe = new List<string>();
        await Untimed(() => AxeAtBothWidths(page, axe));
        await Person(page, c);
        await Episode(page, c, (6, 11, 2023), "V2", (12, 8, 2024), "X1");
        (await page.TextContentAsync(".govuk-notification-banner")).Should().Contain("Episode 1 added");
        (await page.EvaluateAsync<string>("() => document.activeElement.id")).Should().Be("episodes-1",
            "after adding, focus moves to the new item");
        await Episode(page, c, (12, 8, 2024), "C2", null, null);
        await Untimed(() => AxeAtBothWidths(page, axe));
        await Click(page, c, "#continue");
        (await page.TextContentAsync("h1")).Should().Be("Check your answers");
        (await page.TextContentAsync("#episodes-2")).Should().Be("Episode 2");
        await Untimed(() => AxeAtBothWidths(page, axe));
        await Click(page, c, "#check");
        (await page.TextContentAsync("#status"))!.Should().Contain("eligible child");
        var before = (await page.Locator("#entitlements > li[data-entitlement]").CountAsync());
        before.Should().BeGreaterThan(2);
        var journey = clock.Elapsed;
        var (loads, keys) = (c.Loads, c.Keys);
        // The form at a phone's width, for the note (after the journey is counted).
        var result = page.Url;
        await page.SetViewportSizeAsync(390, 900);
        Directory.CreateDirectory(Shots);
        await page.GotoAsync(result.Replace("/check/result", "/check/episodes/add"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Shots, "form-390.png"), FullPage = true });
        await page.GotoAsync(result);
        await page.SetViewportSizeAsync(1280, 900);

        // Change episode 1 from Check your answers: it ended on 12 August 2024; now it ended in 2025.
        await page.ClickAsync("text=Change your answers");
        await page.ClickAsync("a[href*='/check/episodes/1/change']");
        (await page.InputValueAsync("#start-day")).Should().Be("6", "the answers are carried into the page");
        await page.FillAsync("#end-year", "2025");
        await page.ClickAsync("#save");
        (await page.TextContentAsync("h1")).Should().Be("Check your answers", "a change returns to Check your answers");
        (await page.TextContentAsync("dl:has(#episodes-1)"))!.Should().Contain("to 12 August 2025");
        // The second episode now overlaps the first: the answers say so in words, linked to the change page.
        await page.ClickAsync("#check");
        (await page.TextContentAsync(".govuk-error-summary"))!.Should().Contain("Episode 2").And.Contain("overlaps episode 1")
            .And.NotContain("episodes[");
        await AxeAtBothWidths(page, axe);
        await page.ClickAsync("a[href*='/check/episodes/1/change']");
        await page.FillAsync("#end-year", "2024");
        await page.ClickAsync("#save");
        await page.ClickAsync("#check");
        (await page.TextContentAsync("#status"))!.Should().Contain("eligible child");
        axe.Should().BeEmpty();
        Console.WriteLine($"journey: two episodes to the result in {journey.TotalSeconds:F1} s, {loads} page loads, {keys} key presses and clicks");
        File.WriteAllText(Path.Combine(Shots, "journey-timing.txt"),
            $"two-episode journey: {journey.TotalSeconds:F1} s, {loads} page loads, {keys} key presses and clicks\n");
    }

    /// <summary>Born 15 June 2008, in care from 10 January 2022 to 1 September 2024: former relevant, to the result page.</summary>
    private async Task<(IPage Page, Counter Count)> FormerRelevantResult()
    {
        var (page, c) = await Open();
        await Person(page, c, 2008, 6, 15);
        await Episode(page, c, (10, 1, 2022), "C2", (1, 9, 2024), "E5");
        await page.ClickAsync("#continue");
        await page.ClickAsync("#check");
        await page.WaitForSelectorAsync("#status");
        return (page, c);
    }

    [Fact]
    public async Task Back_and_reload_after_the_result_send_no_form_again()
    {
        var (page, _) = await FormerRelevantResult();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        page.Url.Should().Contain("/check/result?s=");
        var methods = new List<string>();
        page.Request += (_, r) => { if (r.IsNavigationRequest) methods.Add(r.Method); };
        await page.ReloadAsync();
        (await page.TextContentAsync("#status"))!.Should().Contain("former relevant child");
        await page.GoBackAsync();
        (await page.TextContentAsync("h1")).Should().Be("Check your answers");
        await page.GoForwardAsync();
        (await page.TextContentAsync("#status"))!.Should().Contain("former relevant child");
        methods.Should().OnlyContain(m => m == "GET", "Back, Reload and Forward fetch pages, never post a form");
        (await page.ContentAsync()).Should().NotContain("\"errors\"", "never raw JSON");
    }

    [Fact]
    public async Task Download_then_upload_gives_the_same_result()
    {
        var (page, c) = await Open();
        await Person(page, c, 2008, 6, 15);
        await Episode(page, c, (10, 1, 2022), "C2", (1, 9, 2024), "E5");
        await page.ClickAsync("#other-facts");
        await page.ClickAsync("a[href*='/check/education/add']");
        await page.ClickAsync("input[name=kind][value=higherEducation]");
        await page.ClickAsync("#fullTime");
        await Date(page, c, "start", 20, 9, 2026);
        await page.ClickAsync("#ended-no");
        await page.ClickAsync("#save");
        await page.ClickAsync("#continue");
        await page.ClickAsync("#check");
        var status = await page.TextContentAsync("#status");
        var ids = await page.Locator("#entitlements > li[data-entitlement]").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.entitlement)");
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#download-link"));
        var file = Path.Combine(Path.GetTempPath(), $"history-{Guid.NewGuid():N}.json");
        await download.SaveAsAsync(file);
        try
        {
            var json = await File.ReadAllTextAsync(file);
            json.Should().Contain("\"dateOfBirth\": \"2008-06-15\"").And.Contain("higherEducation").And.NotContain("\"id\"");
            await page.GotoAsync(server.Url + "/check/upload");
            await page.SetInputFilesAsync("#history", file);
            await page.ClickAsync("#upload");
            (await page.InputValueAsync("#dob-day")).Should().Be("15");
            (await page.Locator("input[name=council]:checked").CountAsync()).Should().Be(0, "the council is chosen, never assumed");
            await page.ClickAsync("input[name=council][value=wakefield]");
            await page.FillAsync("#asAt-day", "22");
            await page.FillAsync("#asAt-month", "11");
            await page.FillAsync("#asAt-year", "2026");
            await page.ClickAsync("#continue");
            (await page.TextContentAsync("h1")).Should().Be("Check your answers");
            await page.ClickAsync("#check");
            (await page.TextContentAsync("#status")).Should().Be(status);
            (await page.Locator("#entitlements > li[data-entitlement]").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.entitlement)"))
                .Should().Equal(ids);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Every_error_message_pattern_is_in_govuk_style_linked_from_the_summary()
    {
        var (page, c) = await Open();
        var axe = new List<string>();
        await page.FillAsync("#asAt-day", "");
        await page.FillAsync("#asAt-month", "");
        await page.FillAsync("#asAt-year", "");
        await page.ClickAsync("#continue");
        (await Summary(page)).Should().Equal(
            ("#dob-day", "Enter the date of birth"),
            ("#council", "Select the council whose local offer to use"),
            ("#asAt-day", "Enter the date to check"));
        await AxeAtBothWidths(page, axe);
        await Date(page, c, "dob", 1, 1, 2099);
        await Date(page, c, "asAt", 31, 2, 2026);
        await page.ClickAsync("#continue");
        (await Summary(page)).Should().Equal(
            ("#dob-day", "Date of birth must be in the past"),
            ("#council", "Select the council whose local offer to use"),
            ("#asAt-day", "Date to check must be a real date"));
        await page.FillAsync("#dob-day", "20");
        await page.FillAsync("#dob-month", "");
        await page.FillAsync("#dob-year", "2010");
        await page.ClickAsync("#continue");
        (await Summary(page))[0].Should().Be(("#dob-day", "Date of birth must include a month"));
        await page.FillAsync("#dob-month", "1");
        await page.ClickAsync("input[name=council][value=wakefield]");
        await page.FillAsync("#asAt-day", "22");
        await page.FillAsync("#asAt-month", "11");
        await page.ClickAsync("#continue");
        await page.ClickAsync("#add-episodes");
        await page.ClickAsync("#save");
        (await Summary(page)).Should().Equal(
            ("#start-day", "Enter the date care started"),
            ("#legalStatus", "Select the legal status"),
            ("#ended", "Select yes if the episode has ended"));
        await AxeAtBothWidths(page, axe);
        await Date(page, c, "start", 1, 9, 2024);
        await CodeList.Choose(page, "legalStatus", "C2");
        await page.ClickAsync("#ended");
        await Date(page, c, "end", 1, 3, 2024);
        await CodeList.Choose(page, "reasonEnded", "E5");
        await page.ClickAsync("#save");
        (await Summary(page)).Should().Equal(("#end-day", "Date care ended must be after the date care started"));
        (await page.EvaluateAsync<string>("() => document.activeElement.closest('.govuk-error-summary') ? 'summary' : ''"))
            .Should().Be("summary", "GOV.UK Frontend moves focus to the error summary");
        await page.ClickAsync(".govuk-error-summary a");
        (await page.EvaluateAsync<string>("() => document.activeElement.id")).Should().Be("end-day");
        await AxeAtBothWidths(page, axe);
        axe.Should().BeEmpty();
    }

    private static async Task<List<(string, string)>> Summary(IPage page) =>
        (await page.Locator(".govuk-error-summary__list a").EvaluateAllAsync<string[][]>(
            "els => els.map(a => [a.getAttribute('href'), a.textContent.trim()])"))
        .Select(x => (x[0], x[1])).ToList();

    [Fact]
    public async Task The_young_persons_page_speaks_to_them_prints_and_downloads_as_a_pdf()
    {
        var (page, _) = await FormerRelevantResult();
        var axe = new List<string>();
        await AxeAtBothWidths(page, axe);
        await page.SetViewportSizeAsync(390, 900);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Shots, "result-390.png"), FullPage = true });
        await page.ClickAsync("#yours-link");
        (await page.TextContentAsync("h1")).Should().Be("Your support");
        var main = (await page.TextContentAsync("main"))!;
        main.Should().Contain("Who to contact first").And.Contain("Wakefield").And.Contain("You ");
        main.Should().NotContainAny("s.23", "Children Act", "reg ", "[", "former_relevant", "personal-adviser");
        await AxeAtBothWidths(page, axe);
        await page.SetViewportSizeAsync(390, 900);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Shots, "yours-390.png"), FullPage = true });
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        (await page.Locator(".lo-no-print").First.IsVisibleAsync()).Should().BeFalse("the print view drops links for the screen");
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Screen });
        var pdf = await page.APIRequest.GetAsync(await page.GetAttributeAsync("#pdf-link", "href") is { } href ? server.Url + href : "");
        pdf.Status.Should().Be(200);
        pdf.Headers["content-type"].Should().Be("application/pdf");
        var bytes = await pdf.BodyAsync();
        bytes.AsSpan(0, 5).ToArray().Should().Equal("%PDF-"u8.ToArray());
        bytes.Length.Should().BeGreaterThan(10_000);
        await File.WriteAllBytesAsync(Path.Combine(Shots, "your-support.pdf"), bytes);
        axe.Should().BeEmpty();
    }

    [Fact]
    public async Task The_page_of_the_law_not_yet_in_force_speaks_to_them_and_passes_axe_with_and_without_an_error()
    {
        var (page, _) = await FormerRelevantResult();
        await page.ClickAsync("#yours-link");
        await page.ClickAsync("#whatif-link");
        (await page.TextContentAsync("h1"))!.Should().StartWith("If the new law began on");
        var main = (await page.TextContentAsync("main"))!;
        main.Should().Contain("Staying close support").And.Contain("you would also be owed")
            .And.NotContainAny("s.23", "Children Act", "Housing Act", "s.191", "former_relevant", "staying-close");
        var axe = new List<string>();
        await AxeAtBothWidths(page, axe);
        await page.FillAsync("#from-day", "31");
        await page.FillAsync("#from-month", "2");
        await page.FillAsync("#from-year", "2027");
        await page.ClickAsync("button.govuk-button");
        (await page.TextContentAsync(".govuk-error-summary"))!.Should().Contain("Day the new law starts must be a real date");
        (await Summary(page)).Should().Equal([("#from", "Day the new law starts must be a real date")]);
        await AxeAtBothWidths(page, axe);
        axe.Should().BeEmpty();
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/check/person")]
    [InlineData("/check/upload")]
    [InlineData("/check/other")]
    [InlineData("/check/education/add")]
    [InlineData("/check/detentions/add")]
    [InlineData("/accessibility")]
    [InlineData("/check/result?s=tampered")]
    [InlineData("/councils")]
    [InlineData("/councils/wakefield/")]
    [InlineData("/councils/wakefield/law.html")]
    [InlineData("/councils/dfe-illustrative/finances.html")]
    public async Task Every_page_has_no_wcag_22_aa_violations_at_390_and_1280(string path)
    {
        var (page, _) = await Open(path: path);
        var found = new List<string>();
        await AxeAtBothWidths(page, found);
        found.Should().BeEmpty();
    }

    [Fact]
    public async Task Follow_up_questions_appear_only_when_they_apply()
    {
        var (page, _) = await Open(path: "/check/episodes/add");
        (await page.IsVisibleAsync("#end-day")).Should().BeFalse("the end date is asked only once 'Yes, it has ended' is chosen");
        await page.ClickAsync("#ended");
        (await page.IsVisibleAsync("#end-day")).Should().BeTrue();
        (await page.IsVisibleAsync("#reasonEnded")).Should().BeTrue();
    }

    [Fact]
    public async Task Council_pages_link_back_to_the_adviser_service()
    {
        var (page, _) = await Open(path: "/councils/wakefield/");
        await page.ClickAsync("text=Back to the adviser service");
        (await page.TextContentAsync("h1")).Should().Be("Check a young person's care leaver status");
    }
}
