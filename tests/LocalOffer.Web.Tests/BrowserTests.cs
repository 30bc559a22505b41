using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LocalOffer.Web.Tests;

/// <summary>The real app on a free loopback port and one headless Debian Chromium, shared by the browser tests.</summary>
public sealed class LiveServer : IAsyncLifetime
{
    private WebApplication _app = null!;
    public string Url { get; private set; } = "";
    public IPlaywright Playwright { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _app = WebApp.Create(["--urls", "http://127.0.0.1:0"]);
        await _app.StartAsync();
        Url = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Chromium.LaunchAsync(Playwright);
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        Playwright.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>
/// The adviser's journey in a real browser: fill in the form for several histories and read the
/// answer off the page; do it by keyboard alone; axe finds no WCAG 2.2 AA violation on any page.
/// </summary>
public sealed class BrowserTests(LiveServer server) : IClassFixture<LiveServer>
{
    private static readonly AxeRunOptions WcagAa = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
    };

    private async Task<IPage> Open(string path = "/")
    {
        var page = await server.Browser.NewPageAsync();
        await page.GotoAsync(server.Url + path);
        return page;
    }

    // The entitlement ids on the result page, from data attributes (the text itself carries no ids).
    private static async Task<IReadOnlyList<string>> Entitlements(IPage page) =>
        (await page.Locator("#entitlements > li[data-entitlement]").EvaluateAllAsync<string[]>(
            "els => els.map(e => e.dataset.entitlement)")).ToList();

    private static async Task<List<string>> Axe(IPage page) =>
        (await page.RunAxe(WcagAa)).Violations.Select(v => $"{page.Url}: {v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Take(2).Select(n => n.Html))})").ToList();

    [Fact]
    public async Task Former_relevant_care_leaver_from_the_form()
    {
        var page = await Open();
        await page.FillAsync("#dob", "2008-06-15");
        await page.FillAsync("#ep0-start", "2022-01-10");
        await page.FillAsync("#ep0-end", "2024-09-01");
        await page.SelectOptionAsync("#ep0-ls", "C2");
        await page.SelectOptionAsync("#ep0-rec", "E5");
        await page.SelectOptionAsync("#council", "wakefield");
        await page.FillAsync("#asAt", "2026-11-22");
        await page.ClickAsync("button[value=check]");
        (await page.TextContentAsync("#status"))!.Should().Contain("former relevant child");
        (await Entitlements(page)).Should().Contain(["personal-adviser", "pathway-plan", "keep-in-touch"]);
        (await page.TextContentAsync("#entitlements"))!.Should().NotContain("[personal-adviser]", "no internal ids in the text");
        (await page.Locator("svg[role=img] title").TextContentAsync()).Should().Contain("14 to 25");
        (await page.Locator("svg[role=img] > text").AllTextContentsAsync()).Should().Contain(["former relevant", "relevant", "looked after"], "the picture has a key, not colour alone");
        (await Axe(page)).Should().BeEmpty();
        // The result page as an adviser sees it, for the docs: LOCALOFFER_SCREENSHOT=/tmp/result.png dotnet test ...
        if (Environment.GetEnvironmentVariable("LOCALOFFER_SCREENSHOT") is { Length: > 0 } shot)
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = shot, FullPage = true });
        await page.ClickAsync("button[value=print]");
        (await page.TextContentAsync("#status"))!.Should().Contain("former relevant child");
        (await page.Locator("button[value=print]").CountAsync()).Should().Be(0);
        (await page.Locator("nav").CountAsync()).Should().Be(0, "the print view drops the navigation");
        (await Axe(page)).Should().BeEmpty("the print view is a page too");
    }

    [Fact]
    public async Task Eligible_child_with_two_episodes_added_one_by_one()
    {
        var page = await Open();
        await page.FillAsync("#dob", "2010-01-20");
        await page.FillAsync("#ep0-start", "2023-11-06");
        await page.FillAsync("#ep0-end", "2024-08-12");
        await page.SelectOptionAsync("#ep0-ls", "V2");
        await page.SelectOptionAsync("#ep0-rec", "X1");
        await page.ClickAsync("button[value=add-episode]");
        (await page.InputValueAsync("#ep0-start")).Should().Be("2023-11-06", "a round trip keeps what was typed");
        await page.FillAsync("#ep1-start", "2024-08-12");
        await page.SelectOptionAsync("#ep1-ls", "C2");
        await page.FillAsync("#asAt", "2026-11-22");
        await page.ClickAsync("button[value=check]");
        (await page.TextContentAsync("#status"))!.Should().Contain("eligible child");
        (await Entitlements(page)).Should().Contain("personal-adviser").And.NotContain("keep-in-touch");
    }

    [Fact]
    public async Task Qualifying_after_private_fostering()
    {
        var page = await Open();
        await page.FillAsync("#dob", "2009-05-05");
        await page.FillAsync("#other-start", "2025-01-06");
        await page.FillAsync("#other-end", "2025-12-19");
        await page.SelectOptionAsync("#other-kind", "privateFostering");
        await page.FillAsync("#asAt", "2026-11-22");
        await page.ClickAsync("button[value=check]");
        (await page.TextContentAsync("#status"))!.Should().Contain("qualifying care leaver");
        // s.24B is only for s.24(1A) and s.24(2)(a): private fostering brings advice, not education help.
        (await Entitlements(page)).Should().Contain("advocacy").And.NotContain("education-training-assistance");
    }

    [Fact]
    public async Task Bad_input_shows_an_error_summary_linked_to_the_field_and_is_accessible()
    {
        var page = await Open();
        await page.FillAsync("#dob", "2008-02-30");
        await page.ClickAsync("button[value=check]");
        (await page.TextContentAsync(".govuk-error-summary"))!.Should().Contain("dateOfBirth: '2008-02-30' is not a date");
        (await page.GetAttributeAsync(".govuk-error-summary a", "href")).Should().Be("#dob");
        (await Axe(page)).Should().BeEmpty();
    }

    [Fact]
    public async Task The_form_can_be_completed_by_keyboard_alone()
    {
        var page = await Open();
        var values = new Dictionary<string, string> { ["dob"] = "2008-06-15", ["ep0-start"] = "2022-01-10", ["ep0-end"] = "2024-09-01", ["asAt"] = "2026-11-22" };
        var selects = new Dictionary<string, string> { ["ep0-ls"] = "Full care order (C2)", ["ep0-rec"] = "Moved into independent living (supportive) (E5)" };
        for (var presses = 0; presses < 200; presses++)
        {
            await page.Keyboard.PressAsync("Tab");
            var id = await page.EvaluateAsync<string>("() => document.activeElement?.id || document.activeElement?.value || ''");
            if (values.Remove(id, out var text)) await page.Keyboard.TypeAsync(text);
            else if (selects.Remove(id, out var option))
            {
                // A closed select changes with the keyboard: type the start of the option's words.
                await page.Keyboard.TypeAsync(option[..12]);
            }
            else if (id == "check" && values.Count == 0 && selects.Count == 0)
            {
                await page.Keyboard.PressAsync("Enter");
                break;
            }
        }
        await page.WaitForSelectorAsync("#status");
        (await page.TextContentAsync("#status"))!.Should().Contain("former relevant child");
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/councils")]
    [InlineData("/councils/wakefield/")]
    [InlineData("/councils/wakefield/law.html")]
    [InlineData("/councils/dfe-illustrative/finances.html")]
    public async Task Every_page_has_no_wcag_22_aa_violations(string path)
    {
        var page = await Open(path);
        (await Axe(page)).Should().BeEmpty();
    }
}
