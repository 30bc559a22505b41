using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using LocalOffer.Core;
using LocalOffer.Core.Output;
using Microsoft.AspNetCore.Mvc.Testing;

namespace LocalOffer.Web.Tests;

/// <summary>Every endpoint through WebApplicationFactory: answers, bad input, oversize bodies, headers.</summary>
public sealed class ApiTests(WebApplicationFactory<WebEntryPoint> factory) : IClassFixture<WebApplicationFactory<WebEntryPoint>>
{
    private static string Sample(string name) => File.ReadAllText(Path.Combine(TestPaths.RepoRoot(), "samples", "young-people", name + ".json"));
    private static StringContent Json(string s) => new(s, Encoding.UTF8, "application/json");

    [Fact]
    public async Task Health_is_ok()
    {
        var r = await factory.CreateClient().GetFromJsonAsync<JsonObject>("/health");
        r!["status"]!.GetValue<string>().Should().Be("ok");
    }

    [Fact]
    public async Task Check_returns_exactly_the_json_of_the_check_command()
    {
        var response = await factory.CreateClient().PostAsync("/api/check?asAt=2026-11-22", Json(Sample("former-relevant")));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var core = SharedRules.Core;
        var (history, _) = core.Reader.Read(Sample("former-relevant"));
        var expected = AssessmentJson.Serialize(core.Engine.Assess(history!, new NodaTime.LocalDate(2026, 11, 22)));
        (await response.Content.ReadAsStringAsync()).Should().Be(expected);
    }

    [Fact]
    public async Task Bad_history_is_a_problem_details_400_naming_each_field()
    {
        var response = await factory.CreateClient().PostAsync("/api/check",
            Json("""{"dateOfBirth":"2008-06-15","episodes":[{"start":"2023-02-01","end":"2023-01-01","legalStatus":"Q9"}]}"""));
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        body["status"]!.GetValue<int>().Should().Be(400);
        body["errors"]!["episodes[0].end"]![0]!.GetValue<string>().Should().Be("2023-01-01 is before start 2023-02-01");
        body["errors"]!["episodes[0].legalStatus"].Should().NotBeNull();
    }

    [Theory]
    [InlineData("/api/check?asAt=22-11-2026", "asAt")]
    [InlineData("/api/check", "$")]
    public async Task Bad_date_or_not_json_is_400(string url, string field)
    {
        var response = await factory.CreateClient().PostAsync(url, Json(field == "$" ? "{not json" : Sample("relevant")));
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]![field].Should().NotBeNull();
    }

    [Fact]
    public async Task Oversize_body_is_413()
    {
        var big = "{\"dateOfBirth\":\"2008-06-15\",\"id\":\"" + new string('x', 100_000) + "\"}";
        var response = await factory.CreateClient().PostAsync("/api/check", Json(big));
        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Personal_offer_and_unknown_council()
    {
        var client = factory.CreateClient();
        var ok = await client.PostAsync("/api/offer?council=wakefield&asAt=2026-11-22", Json(Sample("former-relevant")));
        ok.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = JsonNode.Parse(await ok.Content.ReadAsStringAsync())!;
        body["assessment"]!["status"]!.GetValue<string>().Should().Be("former_relevant");
        body["councilItems"]!.AsArray().Should().NotBeEmpty();
        var bad = await client.PostAsync("/api/offer?council=atlantis", Json(Sample("former-relevant")));
        bad.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        JsonNode.Parse(await bad.Content.ReadAsStringAsync())!["errors"]!["council"].Should().NotBeNull();
    }

    [Fact]
    public async Task Councils_and_a_councils_offer()
    {
        var client = factory.CreateClient();
        var list = JsonNode.Parse(await client.GetStringAsync("/api/councils"))!.AsArray();
        list.Select(c => c!["id"]!.GetValue<string>()).Should().BeEquivalentTo("blackpool", "dfe-illustrative", "hackney", "kirklees", "lancashire", "leeds", "rutland", "surrey", "wakefield", "wirral");
        // An offer stays in force until a newer one: Wakefield's 2021 version ends when the 2026 one starts.
        list.Single(c => c!["id"]!.GetValue<string>() == "wakefield")!["versions"]![0]!["inForceTo"]!.GetValue<string>().Should().Be("2026-01-01");
        var offer = JsonNode.Parse(await client.GetStringAsync("/api/councils/wakefield/offer?asAt=2026-11-22"))!;
        offer["inForceFrom"]!.GetValue<string>().Should().Be("2026-01-01");
        offer["items"]!.AsArray().Count.Should().BeGreaterThan(10);
        (await client.GetAsync("/api/councils/atlantis/offer")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Rules_in_force_on_a_date_with_references()
    {
        var client = factory.CreateClient();
        var rules = JsonNode.Parse(await client.GetStringAsync("/api/rules?asAt=2026-11-22"))!["parameters"]!.AsArray();
        var bursary = rules.Single(p => p!["id"]!.GetValue<string>() == "amounts.apprenticeship_bursary")!;
        bursary["value"]!.GetValue<int>().Should().Be(3000);
        bursary["references"]![0]!["url"]!.GetValue<string>().Should().StartWith("https://");
        var old = JsonNode.Parse(await client.GetStringAsync("/api/rules?asAt=2020-01-01"))!["parameters"]!.AsArray();
        old.Single(p => p!["id"]!.GetValue<string>() == "amounts.apprenticeship_bursary")!["value"]!.GetValue<int>().Should().Be(1000);
        (await client.GetAsync("/api/rules?asAt=soon")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task OpenApi_document_describes_the_api()
    {
        var doc = JsonNode.Parse(await factory.CreateClient().GetStringAsync("/openapi/v1.json"))!;
        var paths = doc["paths"]!.AsObject().Select(p => p.Key).ToList();
        paths.Should().Contain(["/api/check", "/api/offer", "/api/councils", "/api/councils/{id}/offer", "/api/rules", "/health"]);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/health")]
    [InlineData("/councils/wakefield/")]
    public async Task Security_headers_on_every_response(string url)
    {
        var r = await factory.CreateClient().GetAsync(url);
        r.StatusCode.Should().Be(HttpStatusCode.OK);
        r.Headers.GetValues("Content-Security-Policy").Single().Should().Contain("default-src 'none'").And.Contain("script-src 'self'").And.NotContain("unsafe-inline");
        r.Headers.GetValues("X-Content-Type-Options").Single().Should().Be("nosniff");
        r.Headers.GetValues("X-Frame-Options").Single().Should().Be("DENY");
        r.Headers.GetValues("Referrer-Policy").Single().Should().Be("no-referrer");
    }

    [Fact]
    public async Task The_form_refuses_a_post_without_its_antiforgery_token()
    {
        var r = await factory.CreateClient().PostAsync("/check/person", new FormUrlEncodedContent(new Dictionary<string, string> { ["dob-day"] = "15" }));
        r.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await r.Content.ReadAsStringAsync()).Should().Contain("Sorry, your answers could not be read", "a GOV.UK page, not JSON");
    }

    [Fact]
    public async Task Pages_have_no_inline_script_or_style()
    {
        var client = factory.CreateClient();
        foreach (var url in new[] { "/", "/check/person", "/check/episodes/add", "/councils", "/councils/wakefield/", "/councils/wakefield/law.html" })
        {
            var html = await client.GetStringAsync(url);
            // The one script is a file from this server (progressive enhancement), never inline.
            System.Text.RegularExpressions.Regex.IsMatch(html, "<script(?![^>]*\\bsrc=\"/assets/)").Should().BeFalse(url);
            html.Should().NotContain("style=").And.NotContain("<style", url);
        }
    }

    [Fact]
    public async Task Compare_sorts_by_links_and_refuses_an_unknown_column()
    {
        var client = factory.CreateClient();
        var html = await client.GetStringAsync("/compare?sort=setting-up-home-gbp&desc=1&asAt=2026-11-22");
        html.Should().Contain("aria-sort=\"descending\"").And.Contain("href=\"/compare?sort&#x3D;setting-up-home-gbp&amp;asAt&#x3D;2026-11-22\"");
        html.IndexOf("Lancashire County Council", StringComparison.Ordinal).Should().BeLessThan(html.IndexOf("Kirklees Council", StringComparison.Ordinal));
        (await client.GetAsync("/compare?sort=nonsense")).StatusCode.Should().Be(System.Net.HttpStatusCode.BadRequest);
        var csv = await client.GetStringAsync("/compare.csv?asAt=2026-11-22");
        csv.Should().StartWith("Council,Offer in force from");
    }
}
