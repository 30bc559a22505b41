using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LocalOffer.Web.Tests;

/// <summary>Warnings and errors the app logs, kept in a queue.</summary>
internal sealed class WarningCapture(ConcurrentQueue<string> lines) : ILoggerProvider, ILogger
{
    public ILogger CreateLogger(string category) => this;
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
    public bool IsEnabled(LogLevel level) => level >= LogLevel.Warning;
    public void Log<TState>(LogLevel level, EventId id, TState state, Exception? ex,
        Func<TState, Exception?, string> format)
    {
        if (level >= LogLevel.Warning) lines.Enqueue($"{level}: {format(state, ex)} {ex}");
    }
    public void Dispose() { }
}

/// <summary>
/// One app for the class, its warnings captured (issue 30: an app per test started 13 apps, each reading
/// the rules, councils and templates). The class's tests run one at a time and each empties the queue
/// before its first request, so a warning at start-up still fails the first of them.
/// </summary>
public sealed class LoggedApp : WebApplicationFactory<WebEntryPoint>
{
    public ConcurrentQueue<string> Lines { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder) =>
        builder.ConfigureServices(s => s.AddSingleton<ILoggerProvider>(new WarningCapture(Lines)));
}

/// <summary>
/// Issue 24, low items: a page POST that is not a form is a 415 GOV.UK page, never a 500 with a
/// stack trace in the log; a page view logs nothing (antiforgery used to warn on every one).
/// </summary>
public sealed class QuietPageTests(LoggedApp app) : IClassFixture<LoggedApp>
{
    private (HttpClient Client, ConcurrentQueue<string> Lines) Logged()
    {
        app.Lines.Clear();
        return (app.CreateClient(), app.Lines);
    }

    public static readonly TheoryData<string, string?> NotForms = new()
    {
        { "/check/person", "text/plain" }, { "/check/person", "application/json" }, { "/check/person", null },
        { "/check/episodes/add", "application/xml" }, { "/check/upload", "text/plain" },
        { "/caseload", "application/json" }, { "/check/answers", "text/csv" },
    };

    [Theory]
    [MemberData(nameof(NotForms))]
    public async Task A_page_post_that_is_not_a_form_is_a_415_page_without_internals(string path, string? type)
    {
        var (client, lines) = Logged();
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes("dob-day=1&x=<b>"));
        if (type is not null) content.Headers.ContentType = new(type);
        var r = await client.PostAsync(path, content);
        r.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
        r.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        var html = await r.Content.ReadAsStringAsync();
        html.Should().Contain("govuk-heading-xl").And.Contain("not a form")
            .And.NotContain("Exception").And.NotContain(" at LocalOffer");
        r.Headers.GetValues("X-Frame-Options").Should().Equal("DENY");
        lines.Should().BeEmpty("nothing went wrong: the request was refused");
    }

    [Fact]
    public async Task A_real_form_post_is_still_read_and_the_api_still_takes_json()
    {
        var (client, lines) = Logged();
        var page = await client.GetStringAsync("/check/person");
        var token = Regex.Match(page, "name=\"__af\" value=\"([^\"]+)\"").Groups[1].Value;
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__af"] = token, ["dob-day"] = "15", ["dob-month"] = "6", ["dob-year"] = "2008",
            ["council"] = "wakefield",
            ["asAt-day"] = "22", ["asAt-month"] = "11", ["asAt-year"] = "2026",
        });
        var r = await client.PostAsync("/check/person", form);
        r.StatusCode.Should().Be(HttpStatusCode.OK, "the redirect to the episodes page is followed");
        (await r.Content.ReadAsStringAsync()).Should().Contain("episode");
        var json = new StringContent("""{"dateOfBirth":"2008-06-15"}""", Encoding.UTF8, "application/json");
        (await client.PostAsync("/api/check?asAt=2026-11-22", json)).StatusCode.Should().Be(HttpStatusCode.OK);
        lines.Should().BeEmpty();
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/check/person")]
    [InlineData("/check/upload")]
    [InlineData("/caseload")]
    [InlineData("/accessibility")]
    public async Task A_page_view_logs_no_warning_and_is_never_cached(string path)
    {
        var (client, lines) = Logged();
        var r = await client.GetAsync(path);
        r.StatusCode.Should().Be(HttpStatusCode.OK);
        lines.Should().BeEmpty("a page view is ordinary work, not a warning");
        r.Headers.CacheControl!.NoStore.Should().BeTrue();
        r.Headers.CacheControl.NoCache.Should().BeTrue();
    }
}
