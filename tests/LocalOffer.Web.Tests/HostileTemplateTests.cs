using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using LocalOffer.Offers.Render;
using LocalOffer.Tests.Shared;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LocalOffer.Web.Tests;

/// <summary>
/// Issue 26 on the web app's templates: every text of every view model is made hostile before it is
/// rendered (the app's templates swapped for a set that appends an attack to each), and the pages of
/// a whole journey, the caseload and the council pages must show it only as text.
/// </summary>
public sealed class HostileTemplateTests(WebApplicationFactory<WebEntryPoint> factory) : IClassFixture<WebApplicationFactory<WebEntryPoint>>
{
    private const string Attack = "\"'><script>alert(1)</script><img src=x onerror=alert(2)>";

    private static readonly TemplateSet Shipped = TemplateSet.LoadDefault();

    private HttpClient Client() => factory.WithWebHostBuilder(b => b.ConfigureServices(s =>
        s.AddSingleton(new TemplateSet(Shipped.Directory, null, Shipped.Languages) { EveryText = t => t + Attack })))
        .CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private static void Inert(string html, string where)
    {
        html.Should().Contain("&lt;script&gt;", where).And.NotContain("<script>alert", where).And.NotContain("<img", where);
        Regex.IsMatch(html, @"<[^>]*\son\w+=").Should().BeFalse(where);
        Regex.IsMatch(html, "=\"[^\"<>]*\"&#x27;").Should().BeFalse(where + ": a value's quote ended an attribute");
    }

    /// <summary>The form token, with the attack the test appended to it (and to the field's name) taken off again.</summary>
    private static string Af(string html) =>
        WebUtility.HtmlDecode(Regex.Match(html, "name=\"__af[^\"]*\" value=\"([^\"]+)\"").Groups[1].Value).Replace(Attack, "");

    [Fact]
    public async Task Hostile_view_model_text_renders_inert_on_every_page()
    {
        var client = Client();
        var pages = new List<string> { "/", "/accessibility", "/councils", "/compare", "/caseload", "/check/upload",
            "/councils/wakefield/", "/councils/wakefield/finances.html", "/councils/wakefield/law.html" };
        foreach (var path in pages)
        {
            var r = await client.GetAsync(path);
            Inert(await r.Content.ReadAsStringAsync(), path);
        }
        // A journey: upload a history, then its person page, answers, result, print view and the young person's page.
        var upload = await client.GetStringAsync("/check/upload");
        var sample = LongJourneyTests.History(3); // born 15 June 2008, as the person page below says
        var r2 = await client.PostAsync("/check/upload", new MultipartFormDataContent
        {
            { new StringContent(Af(upload)), "__af" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(sample)), "history", "history.json" },
        });
        r2.StatusCode.Should().Be(HttpStatusCode.SeeOther);
        var person = r2.Headers.Location!.ToString();
        var handle = Regex.Match(person, "[?&]s=([A-Za-z0-9_-]+)").Groups[1].Value;
        var personPage = await client.GetStringAsync(person);
        Inert(personPage, "person");
        var r3 = await client.PostAsync("/check/person", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__af"] = Af(personPage), ["s"] = handle, ["dob-day"] = "15", ["dob-month"] = "6", ["dob-year"] = "2008",
            ["council"] = "wakefield", ["asAt-day"] = "22", ["asAt-month"] = "11", ["asAt-year"] = "2026",
        }));
        var next = r3.Headers.Location!.ToString();
        handle = Regex.Match(next, "[?&]s=([A-Za-z0-9_-]+)").Groups[1].Value; // each saved step has its own handle
        foreach (var path in new[] { next, $"/check/answers?s={handle}", $"/check/episodes/add?s={handle}",
            $"/check/episodes/1/change?s={handle}", $"/check/episodes/1/remove?s={handle}", $"/check/other?s={handle}",
            $"/check/result?s={handle}", $"/check/result?s={handle}&view=print", $"/check/result?s={handle}&view=yours" })
        {
            var r = await client.GetAsync(path);
            Inert(await r.Content.ReadAsStringAsync(), $"{path} ({(int)r.StatusCode} {r.Headers.Location})");
        }
        // An error page and the caseload's result.
        var err = await client.PostAsync("/check/person", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__af"] = Af(personPage), ["s"] = handle, ["dob-day"] = "31", ["dob-month"] = "2", ["dob-year"] = "2008",
        }));
        // Errors come back by a redirect to a GET (issue 28), so the page with the errors is that GET.
        err.StatusCode.Should().Be(HttpStatusCode.SeeOther);
        var errPage = await client.GetAsync(err.Headers.Location!.ToString());
        Inert(await errPage.Content.ReadAsStringAsync(), "person with errors");
        var form = await client.GetStringAsync("/caseload");
        var fake = Path.Combine(TestPaths.Shared(), "data", "ssda903-fake");
        var caseload = new MultipartFormDataContent
        {
            { new StringContent(Af(form)), "__af" }, { new StringContent("23"), "asAt-day" }, { new StringContent("11"), "asAt-month" },
            { new StringContent("2026"), "asAt-year" }, { new StringContent("60"), "within" },
            { new ByteArrayContent(File.ReadAllBytes(Path.Combine(fake, "header.csv"))), "header", "header.csv" },
            { new ByteArrayContent(File.ReadAllBytes(Path.Combine(fake, "episodes.csv"))), "episodes", "episodes.csv" },
        };
        var c = await client.PostAsync("/caseload", caseload);
        var html = await c.Content.ReadAsStringAsync();
        html.Should().Contain("govuk-table__row", "the caseload rendered");
        Inert(html, "caseload");
    }
}
