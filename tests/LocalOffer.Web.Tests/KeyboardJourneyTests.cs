using Microsoft.Playwright;

namespace LocalOffer.Web.Tests;

/// <summary>
/// Issue 28: the adviser's journey by keyboard alone, every key counted (Tab, typing, Enter, Space,
/// arrows): the young person, two episodes, one change from Check your answers, the result. The code
/// lists are found by typing the code ("V2", "X1") in GOV.UK's accessible-autocomplete; without it
/// (<see cref="LocalOffer.Web.Journey.WebAssets"/> not enhancing) the same journey takes an arrow press per
/// option passed in each select, which is what the issue counted by hand (245 keys).
/// </summary>
[Trait(Lane.Key, Lane.Slow), Trait(Lane.Category, Lane.Browser)]
public sealed class KeyboardJourneyTests(LiveServer server) : IClassFixture<LiveServer>
{
    /// <summary>The issue's target for the same journey (placements given, as the issue's adviser did).</summary>
    private const int MostKeys = 120;

    private sealed class Keys(IPage page)
    {
        public int Count;

        public async Task Press(string key)
        {
            await page.Keyboard.PressAsync(key);
            Count++;
        }

        public async Task Type(string text)
        {
            await page.Keyboard.TypeAsync(text);
            Count += text.Length;
        }

        /// <summary>On a new page: Tab to the skip link and follow it, as keyboard users do (2 keys, not 8).</summary>
        public async Task Skip()
        {
            // A page that already put focus in its content (the item just added or changed) needs no skip.
            if (await page.EvaluateAsync<bool>("() => document.activeElement && document.activeElement !== document.body"))
                return;
            await Press("Tab");
            if (!await page.EvaluateAsync<bool>("() => document.activeElement?.matches('.govuk-skip-link') ?? false"))
                throw new InvalidOperationException($"the first Tab did not reach the skip link on {page.Url}");
            await Press("Enter");
        }

        /// <summary>Tab until the element is focused, counting each press.</summary>
        public async Task TabTo(string selector)
        {
            for (var i = 0; i < 80; i++)
            {
                if (await page.EvaluateAsync<bool>("s => document.activeElement?.matches(s) ?? false", selector))
                {
                    Console.WriteLine($"  {i} tabs to {selector}");
                    return;
                }
                await Press("Tab");
            }
            throw new InvalidOperationException($"Tab never reached {selector} on {page.Url}");
        }

        /// <summary>
        /// Tab to a link or button and press Enter on it (one key). The Enter goes to that element even if
        /// something moved focus between the Tab and the key: once, at load 13 to 16, an Enter pressed just after
        /// Tab reached the Change link never left Check your answers (CI, 2026-12-07).
        /// </summary>
        public async Task Follow(string selector)
        {
            await TabTo(selector);
            await page.Locator(selector).PressAsync("Enter");
            Count++;
        }

        /// <summary>
        /// Sends the form with Enter from where focus is; a plain select does not send its form on Enter, so
        /// from one the keys go to the button first.
        /// </summary>
        public async Task Send(string button)
        {
            if (await page.EvaluateAsync<bool>("() => document.activeElement?.tagName === 'SELECT'")) await TabTo(button);
            await Press("Enter");
        }

        /// <summary>A code list: typed into the autocomplete and chosen with Enter, or arrowed to in a plain select.</summary>
        public async Task Choose(string id, string code)
        {
            await TabTo($"#{id}");
            var tag = await page.EvaluateAsync<string>($"() => document.getElementById('{id}').tagName");
            if (tag == "SELECT")
            {
                var index = await page.EvaluateAsync<int>(
                    $"c => [...document.getElementById('{id}').options].findIndex(o => o.value === c)", code);
                for (var i = 0; i < index; i++) await Press("ArrowDown");
                return;
            }
            await Type(code);
            await page.WaitForSelectorAsync($"#{id}__listbox li");
            await Press("Enter");
        }
    }

    [Fact]
    public async Task Two_episodes_and_a_change_by_keyboard_take_under_120_keys()
    {
        var keys = await Journey(autocomplete: true);
        keys.Should().BeLessThan(MostKeys);
    }

    /// <summary>
    /// The same journey with the code lists left as plain selects (the autocomplete's script refused), as
    /// before issue 28: an arrow press per option passed. The figure for the note, and a check that the
    /// autocomplete is what saves the keys.
    /// </summary>
    [Fact]
    public async Task Without_the_autocomplete_the_same_journey_takes_more_keys()
    {
        var without = await Journey(autocomplete: false);
        without.Should().BeGreaterThan(await Journey(autocomplete: true));
    }

    private async Task<int> Journey(bool autocomplete)
    {
        await using var context = await server.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        if (!autocomplete)
            await context.RouteAsync("**/accessible-autocomplete.min.js", r => r.FulfillAsync(new RouteFulfillOptions { Status = 404 }));
        // The whole suite runs its test projects at once on 2 cores (load about 10): a page can take longer
        // than Playwright's 30 s default to arrive, which is not what this test measures.
        context.SetDefaultTimeout(90_000);
        context.SetDefaultNavigationTimeout(90_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync(server.Url + "/check/person");
        var k = new Keys(page);
        await k.Skip();
        await k.TabTo("#dob-day");
        await k.Type("20");
        await k.Press("Tab");
        await k.Type("1");
        await k.Press("Tab");
        await k.Type("2010");
        await k.Press("Tab");
        // The councils are radios: Tab lands on the first, arrows move and choose.
        var council = await page.EvaluateAsync<int>(
            "() => [...document.querySelectorAll('input[name=council]')].findIndex(r => r.value === 'wakefield')");
        for (var i = 0; i < council; i++) await k.Press("ArrowDown");
        if (council == 0) await k.Press("Space");
        // Enter on a chosen radio sends the form (the date to check is today already).
        await k.Press("Enter");
        await Arrive(page, "**/check/episodes**");
        await Episode(page, k, "6", "11", "2023", "V2", "U6", ("12", "8", "2024", "X1"));
        await Episode(page, k, "12", "8", "2024", "C2", "K2", null);
        await k.Follow("#continue");
        await Arrive(page, "**/check/answers**");
        // The change: episode 1 started a day later, from Check your answers.
        await k.Skip();
        await k.Follow("a[href*='/check/episodes/1/change']");
        await Arrive(page, "**/check/episodes/1/change**");
        await k.Skip();
        await k.TabTo("#start-day");
        await k.Press("Control+A");
        await k.Type("7");
        // Enter in a text box sends the form.
        await k.Press("Enter");
        await Arrive(page, "**/check/answers**");
        (await page.TextContentAsync("h1")).Should().Be("Check your answers");
        await k.Skip();
        await k.Follow("#check");
        await Arrive(page, "**/check/result**");
        (await page.TextContentAsync("#status"))!.Should().NotBeNullOrWhiteSpace();
        var shots = Path.Combine(TestPaths.RepoRoot(), "artifacts", "screenshots");
        Directory.CreateDirectory(shots);
        var name = autocomplete ? "keyboard-journey.txt" : "keyboard-journey-plain-selects.txt";
        File.WriteAllText(Path.Combine(shots, name), $"{k.Count} key presses\n");
        Console.WriteLine($"keyboard journey ({(autocomplete ? "autocomplete" : "plain selects")}): {k.Count} key presses");
        return k.Count;
    }

    private static async Task Episode(IPage page, Keys k, string d, string m, string y, string legalStatus,
        string placement, (string D, string M, string Y, string Reason)? end)
    {
        await k.Skip();
        await k.Follow("#add-episodes");
        await Arrive(page, "**/check/episodes/add**");
        await k.Skip();
        await k.TabTo("#start-day");
        await k.Type(d);
        await k.Press("Tab");
        await k.Type(m);
        await k.Press("Tab");
        await k.Type(y);
        await k.Choose("legalStatus", legalStatus);
        await k.Choose("placement", placement);
        // "Has this ended?": Tab lands on "Yes"; Space chooses it, or the arrow moves to "No" and chooses it.
        await k.TabTo("input[name=ended]");
        if (end is { } e)
        {
            await k.Press("Space");
            await k.TabTo("#end-day");
            await k.Type(e.D);
            await k.Press("Tab");
            await k.Type(e.M);
            await k.Press("Tab");
            await k.Type(e.Y);
            await k.Choose("reasonEnded", e.Reason);
        }
        else await k.Press("ArrowDown");
        // Enter sends the form (from the chosen radio, or the code list once its menu is closed).
        await k.Send("#save");
        await Arrive(page, "**/check/episodes?**");
    }

    /// <summary>
    /// Waits for the page to reach <paramref name="glob"/> and finish loading, or says where it is instead and what
    /// its error summary says. Under load `WaitForURLAsync` waiting for the load event timed out now and then (90 s)
    /// with the page already there, loaded and its focus moved (`...&amp;added=1#episodes-1`, focus on "Episode 1":
    /// CI6 of 2026-12-08): the navigation's load was missed. So the wait is for the address to be committed, then
    /// for the load state, which answers at once when the page has loaded already.
    /// </summary>
    private static async Task Arrive(IPage page, string glob)
    {
        try
        {
            await page.WaitForURLAsync(glob, new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit });
            await page.WaitForLoadStateAsync(LoadState.Load);
        }
        catch (TimeoutException e)
        {
            var errors = await page.Locator(".govuk-error-summary, .govuk-error-message").AllTextContentsAsync();
            var focused = await page.EvaluateAsync<string>(
                "() => document.activeElement?.outerHTML.slice(0, 200) ?? ''");
            throw new TimeoutException($"not at {glob} but at {page.Url}; errors: {string.Join(" | ", errors)}; " +
                $"focus on: {focused}", e);
        }
    }
}
