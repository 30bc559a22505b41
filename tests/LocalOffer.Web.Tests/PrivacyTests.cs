using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LocalOffer.Web.Tests;

/// <summary>
/// Nothing personal leaves the request: whatever the app logs (at the level it is configured to
/// log) never contains the young person's identifier or date of birth, good input or bad.
/// </summary>
public sealed class PrivacyTests(WebApplicationFactory<WebEntryPoint> factory) : IClassFixture<WebApplicationFactory<WebEntryPoint>>
{
    private sealed class Capture(ConcurrentQueue<string> lines) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string category) => this;
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel level) => true;
        public void Log<TState>(LogLevel level, EventId id, TState state, Exception? ex, Func<TState, Exception?, string> format) =>
            lines.Enqueue($"{level}: {format(state, ex)} {ex}");
        public void Dispose() { }
    }

    [Fact]
    public async Task Logs_never_hold_the_identifier_or_date_of_birth()
    {
        var lines = new ConcurrentQueue<string>();
        var client = factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<ILoggerProvider>(new Capture(lines)))).CreateClient();
        const string good = """{"id":"SECRET-ID-7731","dateOfBirth":"2007-03-29","episodes":[{"start":"2021-01-04","end":"2025-03-29","legalStatus":"C2","reasonEnded":"E8"}]}""";
        const string bad = """{"id":"SECRET-ID-7731","dateOfBirth":"2007-03-29","episodes":[{"start":"2021-01-04","end":"2020-01-01","legalStatus":"ZZ"}]}""";
        (await client.PostAsync("/api/check", new StringContent(good, Encoding.UTF8, "application/json"))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.PostAsync("/api/check", new StringContent(bad, Encoding.UTF8, "application/json"))).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await client.PostAsync("/api/offer?council=nowhere", new StringContent(good, Encoding.UTF8, "application/json"))).IsSuccessStatusCode.Should().BeFalse();
        (await client.PostAsync("/api/check", new StringContent("{\"id\":\"SECRET-ID-7731\",", Encoding.UTF8, "application/json"))).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        lines.Should().NotContain(l => l.Contains("SECRET-ID-7731") || l.Contains("2007-03-29"));
    }

    [Theory]
    [InlineData("other-care", "Privately fostered", "privateFostering")]
    [InlineData("education", "Higher education (university)", "higherEducation")]
    [InlineData("detentions", "In hospital", "hospital\"")]
    public async Task The_forms_name_other_facts_in_plain_words_without_code_names(string slug, string words, string code)
    {
        var html = await factory.CreateClient().GetStringAsync($"/check/{slug}/add");
        html.Should().Contain(words).And.NotContain($"({code})").And.NotContain($">{code}<");
    }

    [Fact]
    public void Every_kind_the_reader_knows_is_worded()
    {
        foreach (var kind in FactLabels.OtherCareKinds.Concat(FactLabels.EducationKinds)
                     .Concat(LocalOffer.Core.Input.CareHistoryReader.DetentionKinds.Keys))
            FactLabels.IsWorded(kind).Should().BeTrue(kind);
    }
}

/// <summary>`localoffer serve` listens on loopback only unless told otherwise.</summary>
public sealed class BindingTests
{
    [Fact]
    public async Task The_app_binds_to_127_0_0_1_by_default_and_honours_urls()
    {
        await using var byDefault = WebApp.Create([]);
        byDefault.Configuration["urls"].Should().Be("http://127.0.0.1:5080");
        await using var told = WebApp.Create(["--urls", "http://127.0.0.1:5099"]);
        told.Configuration["urls"].Should().Be("http://127.0.0.1:5099");
    }
}
