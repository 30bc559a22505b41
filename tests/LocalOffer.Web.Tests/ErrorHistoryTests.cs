using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Playwright;

namespace LocalOffer.Web.Tests;

/// <summary>
/// Issue 28: a form that does not pass its checks is answered by a redirect to a GET that shows the
/// errors, so Back and Forward after an error never ask to resend a form. Every question page: the
/// person, each kind of item, and check your answers. In Chromium (the navigation that shows the errors
/// is a GET redirected from the POST; Back and Forward show pages, never a resend prompt or a cache-miss
/// page), and over HTTP (303, the typed answers and the errors on the GET, in the order of the questions).
/// </summary>
[Trait(Lane.Key, Lane.Slow), Trait(Lane.Category, Lane.Browser)]
public sealed class ErrorHistoryTests(LiveServer server) : IClassFixture<LiveServer>
{
    private static readonly string[] Slugs = ["episodes", "detentions", "living-with-parent", "other-care", "education",
        "support-requests"];

    private static string Handle(string url) => Regex.Match(url, "[?&]s=([^&#]+)").Groups[1].Value;

    /// <summary>Submits, and checks the errors arrived by a GET redirected from the POST; then Back and Forward.</summary>
    private static async Task SubmitWithErrorsThenBackAndForward(IPage page, string button, string expectedError)
    {
        var response = await page.RunAndWaitForNavigationAsync(() => page.ClickAsync(button));
        response!.Request.Method.Should().Be("GET", page.Url);
        response.Request.RedirectedFrom!.Method.Should().Be("POST");
        (await page.TextContentAsync(".govuk-error-summary"))!.Should().Contain(expectedError, page.Url);
        var shown = page.Url;
        await page.GoBackAsync();
        (await page.ContentAsync()).Should().NotContain("ERR_CACHE_MISS").And.NotContain("Confirm Form Resubmission");
        await page.GoForwardAsync();
        page.Url.Should().Be(shown);
        (await page.TextContentAsync(".govuk-error-summary"))!.Should().Contain(expectedError, "forward shows the errors again");
    }

    [Fact]
    public async Task Back_and_forward_after_an_error_on_every_question_page_never_resend()
    {
        await using var context = await server.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var dialogs = new List<string>();
        page.Dialog += (_, d) => dialogs.Add(d.Message);
        await page.GotoAsync(server.Url + "/check/person");
        await SubmitWithErrorsThenBackAndForward(page, "#continue", "Enter the date of birth");
        await page.FillAsync("#dob-day", "20");
        await page.FillAsync("#dob-month", "1");
        await page.FillAsync("#dob-year", "2010");
        await page.CheckAsync("input[name=council][value=wakefield]");
        await page.ClickAsync("#continue");
        var s = Handle(page.Url);
        foreach (var slug in Slugs)
        {
            await page.GotoAsync($"{server.Url}/check/{slug}/add?s={s}");
            await SubmitWithErrorsThenBackAndForward(page, "#save", "Enter");
        }
        // Two episodes that overlap: each passes on its own page, the answers do not.
        await page.GotoAsync($"{server.Url}/check/episodes/add?s={s}");
        await Episode(page, ("6", "11", "2023"), "V2", ("12", "8", "2024"));
        await Episode(page, ("1", "1", "2024"), "C2", null);
        await page.GotoAsync($"{server.Url}/check/answers?s={Handle(page.Url)}");
        await SubmitWithErrorsThenBackAndForward(page, "#check", "overlaps episode 1");
        dialogs.Should().BeEmpty();
    }

    private static async Task Episode(IPage page, (string D, string M, string Y) start, string ls, (string D, string M, string Y)? end)
    {
        if (!page.Url.Contains("/add")) await page.ClickAsync("#add-episodes");
        await page.FillAsync("#start-day", start.D);
        await page.FillAsync("#start-month", start.M);
        await page.FillAsync("#start-year", start.Y);
        await CodeList.Choose(page, "legalStatus", ls);
        if (end is { } e)
        {
            await page.CheckAsync("#ended");
            await page.FillAsync("#end-day", e.D);
            await page.FillAsync("#end-month", e.M);
            await page.FillAsync("#end-year", e.Y);
            await CodeList.Choose(page, "reasonEnded", "X1");
        }
        else await page.CheckAsync("#ended-no");
        await page.ClickAsync("#save");
    }
}

/// <summary>The same over HTTP: the post is a 303, and the GET it names shows the typed answers and the errors.</summary>
public sealed class ErrorRedirectTests(WebApplicationFactory<WebEntryPoint> factory) : IClassFixture<WebApplicationFactory<WebEntryPoint>>
{
    private static string Af(string page) => Regex.Match(page, "name=\"__af\" value=\"([^\"]+)\"").Groups[1].Value;

    [Fact]
    public async Task A_person_page_with_errors_is_a_redirect_to_a_get_showing_them_with_the_answers_typed()
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var form = await client.GetStringAsync("/check/person");
        var r = await client.PostAsync("/check/person", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__af"] = Af(form), ["dob-day"] = "31", ["dob-month"] = "2", ["dob-year"] = "2008<b>",
            ["asAt-day"] = "", ["asAt-month"] = "", ["asAt-year"] = "",
        }));
        r.StatusCode.Should().Be(HttpStatusCode.SeeOther);
        var location = r.Headers.Location!.ToString();
        location.Should().StartWith("/check/person?s=");
        var shown = await client.GetAsync(location);
        shown.StatusCode.Should().Be(HttpStatusCode.BadRequest, "a page showing errors says so in its status, as before");
        var html = await shown.Content.ReadAsStringAsync();
        html.Should().Contain("govuk-error-summary").And.Contain("value=\"2008&lt;b&gt;\"").And.NotContain("<b>");
        var summary = Regex.Matches(html, "<li><a href=\"#([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        summary.Should().Equal("dob-day", "council", "asAt-day");
        var again = await (await client.GetAsync(location)).Content.ReadAsStringAsync();
        again.Should().Contain("govuk-error-summary", "a reload shows the same errors, never a resend");
        var next = Regex.Match(html, "name=\"s\" value=\"([^\"]+)\"").Groups[1].Value;
        (await client.GetStringAsync("/check/person?s=" + next)).Should().NotContain("govuk-error-summary",
            "the form's own handle carries no errors onward");
    }

    [Fact]
    public async Task An_item_page_lists_its_errors_in_the_order_of_the_questions()
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var person = await client.GetStringAsync("/check/person");
        var r = await client.PostAsync("/check/person", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__af"] = Af(person), ["dob-day"] = "20", ["dob-month"] = "1", ["dob-year"] = "2010", ["council"] = "wakefield",
            ["asAt-day"] = "22", ["asAt-month"] = "11", ["asAt-year"] = "2026",
        }));
        var s = Regex.Match(r.Headers.Location!.ToString(), "s=([^&]+)").Groups[1].Value;
        var add = await client.GetStringAsync($"/check/episodes/add?s={s}");
        // Started before birth (a check made after every question) and no legal status: the start comes first.
        r = await client.PostAsync("/check/episodes/add", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__af"] = Af(add), ["s"] = Regex.Match(add, "name=\"s\" value=\"([^\"]+)\"").Groups[1].Value,
            ["start-day"] = "1", ["start-month"] = "1", ["start-year"] = "2009", ["ended"] = "no",
        }));
        r.StatusCode.Should().Be(HttpStatusCode.SeeOther);
        r.Headers.Location!.ToString().Should().StartWith("/check/episodes/add?s=");
        var html = await (await client.GetAsync(r.Headers.Location)).Content.ReadAsStringAsync();
        var summary = Regex.Matches(html, "<li><a href=\"#([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        summary.Should().Equal("start-day", "legalStatus");
    }
}
