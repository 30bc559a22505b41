using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LocalOffer.Core;
using LocalOffer.Offers.Policy;
using LocalOffer.Offers.Render;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LocalOffer.Web.Tests;

/// <summary>
/// Issue 9 on the web app, one test per class: markup in every form field and in a council's name
/// or id is escaped; far dates, lone surrogates, duplicate keys and overlapping floods are 400s;
/// too many form fields 400, oversize chunked bodies 413; a 500 keeps its security headers and
/// shows no internals.
/// </summary>
public sealed class HardeningTests(WebApplicationFactory<WebEntryPoint> factory) : IClassFixture<WebApplicationFactory<WebEntryPoint>>
{
    private const string Markup = "\"><script>alert(1)</script><img src=x onerror=alert(2)>";

    private static StringContent Json(string s) => new(s, Encoding.UTF8, "application/json");

    private static async Task<string> Token(HttpClient client)
    {
        var html = await client.GetStringAsync("/check/person");
        return Regex.Match(html, "name=\"__af\" value=\"([^\"]+)\"").Groups[1].Value;
    }

    private static void Inert(string html)
    {
        html.Should().NotContain("<script>alert").And.NotContain("<img src=x").And.NotContain("\"><script");
    }

    // Every input name of the journey's forms: the person page and each list's item page.
    public static readonly (string Path, string[] Fields)[] Forms =
    [
        ("/check/person", ["dob-day", "dob-month", "dob-year", "council", "asAt-day", "asAt-month", "asAt-year", "return", "s"]),
        ("/check/episodes/add", ["start-day", "start-month", "start-year", "legalStatus", "placement", "ended", "end-day",
            "end-month", "end-year", "reasonEnded", "return"]),
        ("/check/detentions/add", ["kind", "start-day", "start-month", "start-year", "ended", "end-day", "end-month", "end-year"]),
        ("/check/living-with-parent/add", ["start-day", "start-month", "start-year", "ended", "end-day", "end-month", "end-year"]),
        ("/check/other-care/add", ["kind", "start-day", "start-month", "start-year", "ended", "end-day", "end-month", "end-year"]),
        ("/check/education/add", ["kind", "fullTime", "start-day", "start-month", "start-year", "ended", "end-day", "end-month", "end-year"]),
        ("/check/support-requests/add", ["date-day", "date-month", "date-year"]),
    ];

    [Fact]
    public async Task Markup_in_every_form_field_is_escaped_on_the_form_and_its_errors()
    {
        var client = factory.CreateClient();
        var token = await Token(client);
        var posts = 0;
        foreach (var (path, fields) in Forms)
            foreach (var field in fields)
            {
                var values = new Dictionary<string, string> { ["__af"] = token, ["ended"] = "yes", [field] = Markup };
                var r = await client.PostAsync(path, new FormUrlEncodedContent(values));
                Inert(await r.Content.ReadAsStringAsync());
                ((int)r.StatusCode).Should().BeLessThan(500, $"{path} {field}");
                posts++;
            }
        posts.Should().BeGreaterThan(40);
    }

    [Fact]
    public async Task Markup_in_extra_fields_is_escaped_and_ignored()
    {
        var client = factory.CreateClient();
        var values = new Dictionary<string, string>
        {
            ["__af"] = await Token(client), ["dob-day"] = "15", ["dob-month"] = "6", ["dob-year"] = "2008",
            ["council"] = "wakefield", ["asAt-day"] = "22", ["asAt-month"] = "11", ["asAt-year"] = "2026",
            ["x\"><script>alert(9)</script>"] = Markup,
        };
        var r = await client.PostAsync("/check/person", new FormUrlEncodedContent(values));
        r.StatusCode.Should().Be(HttpStatusCode.OK, "the redirect to the episodes page is followed");
        Inert(await r.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/check/person?s=not-a-token")]
    [InlineData("/check/answers?s=CfDJ8AAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("/check/result?s=%3Cscript%3Ealert(1)%3C%2Fscript%3E")]
    [InlineData("/check/episodes/1/change?s=x")]
    public async Task A_tampered_or_expired_token_is_a_govuk_page_not_a_500(string url)
    {
        var r = await factory.CreateClient().GetAsync(url);
        r.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        r.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        var html = await r.Content.ReadAsStringAsync();
        html.Should().Contain("Sorry, your answers could not be read");
        Inert(html);
    }

    [Fact]
    public async Task A_token_from_another_server_process_cannot_be_read()
    {
        // Keys live in memory only: a second app (as after a restart) cannot read the first one's token.
        var first = factory.CreateClient();
        var post = new Dictionary<string, string>
        {
            ["__af"] = await Token(first), ["dob-day"] = "15", ["dob-month"] = "6", ["dob-year"] = "2008",
            ["council"] = "wakefield", ["asAt-day"] = "22", ["asAt-month"] = "11", ["asAt-year"] = "2026",
        };
        var noFollow = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var tokenPage = await noFollow.GetStringAsync("/check/person");
        post["__af"] = Regex.Match(tokenPage, "name=\"__af\" value=\"([^\"]+)\"").Groups[1].Value;
        var r = await noFollow.PostAsync("/check/person", new FormUrlEncodedContent(post));
        r.StatusCode.Should().Be(HttpStatusCode.SeeOther, "post/redirect/get");
        var location = r.Headers.Location!.ToString();
        location.Should().StartWith("/check/episodes?s=");
        await using var other = new WebApplicationFactory<WebEntryPoint>();
        (await other.CreateClient().GetAsync(location)).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await noFollow.GetAsync(location)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_upload_that_is_too_large_or_not_a_history_is_a_govuk_error()
    {
        var client = factory.CreateClient();
        async Task<(HttpStatusCode, string)> Upload(byte[] bytes)
        {
            var form = new MultipartFormDataContent { { new StringContent(await Token(client)), "__af" } };
            form.Add(new ByteArrayContent(bytes), "history", "history.json");
            var r = await client.PostAsync("/check/upload", form);
            return (r.StatusCode, await r.Content.ReadAsStringAsync());
        }
        var (big, bigHtml) = await Upload(new byte[100_000]);
        bigHtml.Should().Contain("The selected file must be smaller than 64 KB");
        var (_, junk) = await Upload(Encoding.UTF8.GetBytes("<script>alert(1)</script>"));
        junk.Should().Contain("The selected file is not a care history LocalOffer can read");
        Inert(junk);
        var deep = new string('[', 5000) + new string(']', 5000);
        var (deepStatus, _) = await Upload(Encoding.UTF8.GetBytes(deep));
        deepStatus.Should().Be(HttpStatusCode.BadRequest);
        var (farStatus, far) = await Upload(Encoding.UTF8.GetBytes("""{"dateOfBirth":"9999-01-01"}"""));
        farStatus.Should().Be(HttpStatusCode.BadRequest);
        far.Should().Contain("1 January 1900");
        var (_, bad) = await Upload([0xff, 0xfe, 0x00]);
        bad.Should().Contain("must be a care history saved from LocalOffer");
    }

    [Fact]
    public async Task A_council_name_and_id_holding_markup_are_escaped_in_the_select_and_lists()
    {
        var dir = Directory.CreateTempSubdirectory("councils-").FullName;
        try
        {
            var folder = Directory.CreateDirectory(Path.Combine(dir, "evil\"><script>alert(3)</script>")).FullName;
            File.WriteAllText(Path.Combine(folder, "council.yaml"), "name: \"<script>alert(4)</script>\"\nsource: s\n");
            File.Copy(Path.Combine(TestPaths.RepoRoot(), "rules", "councils", "wakefield", "offer-2026.yaml"), Path.Combine(folder, "offer-2026.yaml"));
            var client = factory.WithWebHostBuilder(b => b.ConfigureServices(s =>
                s.AddSingleton(sp => OfferCatalog.Load(dir, sp.GetRequiredService<RulesCore>())))).CreateClient();
            Inert(await client.GetStringAsync("/check/person"));
            Inert(await client.GetStringAsync("/councils"));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Theory]
    [InlineData("/api/check?asAt=9999-12-31", """{"dateOfBirth":"2008-06-15"}""", "asAt")]
    [InlineData("/api/check", """{"dateOfBirth":"9999-12-31"}""", "dateOfBirth")]
    [InlineData("/api/check", """{"dateOfBirth":"2008-06-15","episodes":[{"start":"0001-01-01","legalStatus":"C2"}]}""", "episodes[0].start")]
    [InlineData("/api/check", """{"id":"\ud800","dateOfBirth":"2008-06-15"}""", "$")]
    [InlineData("/api/check", """{"dateOfBirth":"2008-06-15","dateOfBirth":"2009-01-01"}""", "dateOfBirth")]
    [InlineData("/api/check", """{"dateOfBirth":"2008-06-15","episodes":[{"start":"2022-01-01","start":"2023-01-01","legalStatus":"C2"}]}""", "episodes[0].start")]
    [InlineData("/api/offer?council=wakefield&asAt=2199-13-01", """{"dateOfBirth":"2008-06-15"}""", "asAt")]
    public async Task Bad_dates_lone_surrogates_and_duplicate_keys_are_400_naming_the_field(string url, string body, string field)
    {
        var r = await factory.CreateClient().PostAsync(url, Json(body));
        r.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = JsonNode.Parse(await r.Content.ReadAsStringAsync())!;
        problem["errors"]!.AsObject().Select(kv => kv.Key).Should().Contain(field);
    }

    [Fact]
    public async Task Far_dates_in_the_api_query_are_400()
    {
        var client = factory.CreateClient();
        (await client.GetAsync("/api/rules?asAt=9999-12-31")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await client.GetAsync("/api/councils/wakefield/offer?asAt=0001-01-01")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    /// <summary>The amplification request: 64 KB of periods that all overlap. Before: 135 MB of errors and 5 s.</summary>
    [Fact]
    public async Task A_body_of_overlapping_periods_gives_at_most_51_errors()
    {
        var episode = """{"start":"2020-01-01","legalStatus":"C2"},""";
        var n = (int)(WebApp.MaxBodyBytes - 100) / episode.Length;
        var body = "{\"dateOfBirth\":\"2005-01-01\",\"episodes\":[" + string.Concat(Enumerable.Repeat(episode, n)).TrimEnd(',') + "]}";
        var r = await factory.CreateClient().PostAsync("/api/check", Json(body));
        r.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var text = await r.Content.ReadAsStringAsync();
        text.Length.Should().BeLessThan(20_000);
        var errors = JsonNode.Parse(text)!["errors"]!.AsObject();
        errors.Sum(kv => kv.Value!.AsArray().Count).Should().BeLessThanOrEqualTo(51);
        errors.Should().Contain(kv => kv.Value!.ToJsonString().Contains("more"));
    }

    [Fact]
    public async Task A_chunked_body_over_64_KB_is_413()
    {
        var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes("{\"id\":\"" + new string('x', 70_000) + "\"}")));
        content.Headers.ContentType = new("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/check") { Content = content };
        request.Headers.TransferEncodingChunked = true;
        var r = await factory.CreateClient().SendAsync(request);
        r.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Invalid_utf8_in_a_body_is_400()
    {
        var content = new ByteArrayContent([.. "{\"id\":\"Zo"u8, 0xE9, .. "\",\"dateOfBirth\":\"2008-06-15\"}"u8]);
        content.Headers.ContentType = new("application/json");
        (await factory.CreateClient().PostAsync("/api/check", content)).StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Too_many_form_fields_is_400_not_500()
    {
        var client = factory.CreateClient();
        var values = new Dictionary<string, string> { ["__af"] = await Token(client), ["action"] = "check" };
        for (var i = 0; i < 1000; i++) values[$"f{i}"] = "x";
        var r = await client.PostAsync("/check/person", new FormUrlEncodedContent(values));
        r.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_500_keeps_the_security_headers_and_shows_no_internals()
    {
        var client = factory.WithWebHostBuilder(b => b.ConfigureServices(s =>
            s.AddSingleton<TemplateSet>(_ => throw new InvalidOperationException("SECRET-INTERNAL /srv/keys")))).CreateClient();
        var r = await client.GetAsync("/");
        r.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        r.Headers.GetValues("Content-Security-Policy").Single().Should().Contain("default-src 'none'");
        r.Headers.GetValues("X-Content-Type-Options").Single().Should().Be("nosniff");
        var body = await r.Content.ReadAsStringAsync();
        body.Should().NotContain("SECRET-INTERNAL").And.NotContain("InvalidOperationException").And.NotContain(" at ");
        r.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }
}

/// <summary>Kestrel's own limits, on a real socket on 127.0.0.1 (loopback only, bounded in time).</summary>
public sealed class KestrelLimitTests : IAsyncLifetime
{
    private Microsoft.AspNetCore.Builder.WebApplication _app = null!;
    private Uri _base = null!;

    public async Task InitializeAsync()
    {
        _app = WebApp.Create(["--urls", "http://127.0.0.1:0"]);
        await _app.StartAsync();
        _base = new Uri(_app.Urls.First());
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<string> Raw(string request, TimeSpan timeout, Func<NetworkStream, Task>? then = null)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, _base.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        if (then is not null) await then(stream);
        using var cts = new CancellationTokenSource(timeout);
        var buffer = new byte[4096];
        var n = await stream.ReadAsync(buffer, cts.Token);
        return Encoding.ASCII.GetString(buffer, 0, n);
    }

    [Fact]
    public async Task A_chunked_body_over_64_KB_is_413_from_Kestrel()
    {
        var chunk = new string('x', 0x4000);
        var response = await Raw("POST /api/check HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n",
            TimeSpan.FromSeconds(10), async s =>
            {
                try
                {
                    for (var i = 0; i < 6; i++) await s.WriteAsync(Encoding.ASCII.GetBytes($"4000\r\n{chunk}\r\n"));
                    await s.WriteAsync("0\r\n\r\n"u8.ToArray());
                }
                catch (IOException) { } // the server may stop reading first
            });
        response.Should().StartWith("HTTP/1.1 413");
    }

    [Fact]
    public async Task A_slow_body_is_408_not_500()
    {
        var response = await Raw("POST /api/check HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n{",
            TimeSpan.FromSeconds(20), async s =>
            {
                for (var i = 0; i < 8; i++)
                {
                    await Task.Delay(1000);
                    try { await s.WriteAsync(" "u8.ToArray()); } catch (IOException) { break; }
                }
            });
        response.Should().StartWith("HTTP/1.1 408");
    }

    [Fact]
    public async Task Too_many_headers_is_431()
    {
        var headers = string.Concat(Enumerable.Range(0, 100).Select(i => $"X-H{i}: v\r\n"));
        var response = await Raw($"GET /health HTTP/1.1\r\nHost: x\r\n{headers}\r\n", TimeSpan.FromSeconds(10));
        response.Should().StartWith("HTTP/1.1 431");
    }

    [Fact]
    public async Task Two_thousand_idle_sockets_do_not_wedge_the_server()
    {
        var sockets = new List<TcpClient>();
        try
        {
            for (var i = 0; i < 2000; i++)
            {
                var c = new TcpClient();
                try { await c.ConnectAsync(IPAddress.Loopback, _base.Port); } catch (SocketException) { }
                sockets.Add(c);
            }
            using var http = new HttpClient { BaseAddress = _base, Timeout = TimeSpan.FromSeconds(10) };
            // Beyond the connection limit new connections are closed at once; once idle sockets go, service resumes.
            var deadline = DateTime.UtcNow.AddSeconds(15);
            foreach (var s in sockets.Take(1500)) s.Dispose();
            HttpResponseMessage? ok = null;
            while (ok is null && DateTime.UtcNow < deadline)
            {
                try { ok = await http.GetAsync("/health"); } catch (HttpRequestException) { await Task.Delay(200); }
            }
            ok!.StatusCode.Should().Be(HttpStatusCode.OK);
        }
        finally
        {
            foreach (var s in sockets) s.Dispose();
        }
    }
}
