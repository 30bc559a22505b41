using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LocalOffer.Web.Journey;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LocalOffer.Web.Tests;

/// <summary>
/// Issue 24, items 1 and 6: the answers are kept on the server, encrypted, bound to the browser
/// session and for a bounded time, so a 100-episode history works end to end (it broke at about 28
/// episodes when the whole answers travelled in a 1 KB form value), a handle copied to another
/// browser is refused, and an old one expires.
/// </summary>
public sealed class LongJourneyTests(WebApplicationFactory<WebEntryPoint> factory) : IClassFixture<WebApplicationFactory<WebEntryPoint>>
{
    /// <summary>A history of <paramref name="n"/> consecutive episodes of 20 days each from the 10th birthday.</summary>
    public static string History(int n)
    {
        var episodes = new JsonArray();
        var start = new DateOnly(2018, 6, 15);
        for (var i = 0; i < n; i++)
        {
            var end = start.AddDays(20);
            episodes.Add(new JsonObject
            {
                ["start"] = start.ToString("yyyy-MM-dd"), ["end"] = end.ToString("yyyy-MM-dd"),
                ["legalStatus"] = "C2", ["placement"] = i % 2 == 0 ? "U4" : "U1", ["reasonEnded"] = "E8",
            });
            start = end.AddDays(1);
        }
        return new JsonObject { ["id"] = "YP-LONG", ["dateOfBirth"] = "2008-06-15", ["episodes"] = episodes }.ToJsonString();
    }

    private static string Af(string html) => Regex.Match(html, "name=\"__af\" value=\"([^\"]+)\"").Groups[1].Value;
    private static string Handle(string url) => Regex.Match(url, "[?&]s=([A-Za-z0-9_-]+)").Groups[1].Value;

    /// <summary>Uploads a history and fills in the person page: returns the client and the answers page's URL.</summary>
    public static async Task<(HttpClient Client, string Answers)> Start(WebApplicationFactory<WebEntryPoint> f, string history)
    {
        var client = f.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var upload = new MultipartFormDataContent
        {
            { new StringContent(Af(await client.GetStringAsync("/check/upload"))), "__af" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(history)), "history", "history.json" },
        };
        var r = await client.PostAsync("/check/upload", upload);
        r.StatusCode.Should().Be(HttpStatusCode.SeeOther, await r.Content.ReadAsStringAsync());
        var person = r.Headers.Location!.ToString();
        var post = new Dictionary<string, string>
        {
            ["__af"] = Af(await client.GetStringAsync(person)), ["s"] = Handle(person), ["return"] = "answers",
            ["dob-day"] = "15", ["dob-month"] = "6", ["dob-year"] = "2008", ["council"] = "wakefield",
            ["asAt-day"] = "22", ["asAt-month"] = "11", ["asAt-year"] = "2026",
        };
        r = await client.PostAsync("/check/person", new FormUrlEncodedContent(post));
        r.StatusCode.Should().Be(HttpStatusCode.SeeOther);
        return (client, r.Headers.Location!.ToString());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(40)]
    [InlineData(100)]
    public async Task A_history_of_many_episodes_goes_from_upload_to_result_and_takes_one_more_episode(int n)
    {
        var (client, answers) = await Start(factory, History(n));
        answers.Should().StartWith("/check/answers?s=");
        var page = await client.GetStringAsync(answers);
        Regex.Matches(page, "Change<span class=\"govuk-visually-hidden\"> episode").Count.Should().Be(n);
        // The handle is short whatever the history: it fits any form value and URL.
        Handle(answers).Length.Should().Be(22);

        var add = new Dictionary<string, string>
        {
            ["__af"] = Af(page), ["s"] = Handle(answers), ["start-day"] = "1", ["start-month"] = "1",
            ["start-year"] = "2026", ["legalStatus"] = "C2", ["placement"] = "U4", ["ended"] = "no",
            ["return"] = "answers",
        };
        var r = await client.PostAsync("/check/episodes/add", new FormUrlEncodedContent(add));
        r.StatusCode.Should().Be(HttpStatusCode.SeeOther, await r.Content.ReadAsStringAsync());
        var after = r.Headers.Location!.ToString();
        page = await client.GetStringAsync(after);
        Regex.Matches(page, "Change<span class=\"govuk-visually-hidden\"> episode").Count.Should().Be(n + 1);

        r = await client.PostAsync("/check/answers", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__af"] = Af(page), ["s"] = Handle(after),
        }));
        r.StatusCode.Should().Be(HttpStatusCode.SeeOther);
        var result = await client.GetAsync(r.Headers.Location);
        result.StatusCode.Should().Be(HttpStatusCode.OK);
        (await result.Content.ReadAsStringAsync()).Should().Contain("looked after");
        var download = await client.GetStringAsync("/check/download?s=" + Handle(after));
        JsonNode.Parse(download)!["episodes"]!.AsArray().Count.Should().Be(n + 1);
    }

    [Fact]
    public async Task A_handle_copied_to_another_browser_is_refused()
    {
        var (client, answers) = await Start(factory, History(3));
        (await client.GetAsync(answers)).StatusCode.Should().Be(HttpStatusCode.OK);
        // Another browser with no session, and another with a session of its own.
        var (stranger, own) = await Start(factory, History(3));
        (await stranger.GetAsync(own)).StatusCode.Should().Be(HttpStatusCode.OK);
        foreach (var other in new[] { factory.CreateClient(), stranger })
        {
            var r = await other.GetAsync(answers);
            r.StatusCode.Should().Be(HttpStatusCode.BadRequest);
            (await r.Content.ReadAsStringAsync()).Should().Contain("Sorry, your answers could not be read");
        }
    }

    [Fact]
    public async Task The_session_cookie_is_http_only_and_strict()
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var upload = new MultipartFormDataContent
        {
            { new StringContent(Af(await client.GetStringAsync("/check/upload"))), "__af" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(History(1))), "history", "history.json" },
        };
        var r = await client.PostAsync("/check/upload", upload);
        var cookie = r.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(JourneySession.Cookie));
        cookie.Should().Contain("httponly").And.Contain("samesite=strict").And.NotContain("expires");
    }

    private sealed class Clock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = DateTimeOffset.UtcNow;
        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Fact]
    public async Task A_handle_expires_after_its_lifetime_and_the_lifetime_is_a_setting()
    {
        var clock = new Clock();
        using var f = factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("Journey:LifetimeHours", "2");
            b.ConfigureServices(s => s.AddSingleton<TimeProvider>(clock));
        });
        var (client, answers) = await Start(f, History(3));
        clock.Now += TimeSpan.FromHours(1.9);
        (await client.GetAsync(answers)).StatusCode.Should().Be(HttpStatusCode.OK);
        clock.Now += TimeSpan.FromHours(0.2);
        var r = await client.GetAsync(answers);
        r.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await r.Content.ReadAsStringAsync()).Should().Contain("Sorry, your answers could not be read");
    }

    [Fact]
    public async Task The_same_answers_shown_again_keep_one_entry()
    {
        var (client, answers) = await Start(factory, History(2));
        var store = factory.Services.GetRequiredService<JourneyStore>();
        await client.GetStringAsync(answers);
        var before = store.Count;
        for (var i = 0; i < 20; i++) await client.GetStringAsync(answers);
        store.Count.Should().Be(before);
    }

    [Theory]
    [InlineData("%0D%0ALocation:%20http://evil")]
    [InlineData("%0A")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAA%0D%0A")]
    public async Task A_handle_with_cr_or_lf_is_the_expired_page_not_a_500(string suffix)
    {
        var (client, answers) = await Start(factory, History(2));
        foreach (var path in new[] { "/check/result", "/check/download", "/check/yours.pdf", "/check/answers" })
        {
            var r = await client.GetAsync($"{path}?s={Handle(answers)}{suffix}");
            r.StatusCode.Should().Be(HttpStatusCode.BadRequest, path);
            r.Headers.Location.Should().BeNull();
        }
    }
}
