using System.Diagnostics;
using System.Text;
using Deque.AxeCore.Playwright;
using LocalOffer.Batch;
using LocalOffer.Core;
using LocalOffer.Core.Output;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Playwright;
using NodaTime;

namespace LocalOffer.Web.Tests;

/// <summary>
/// The published static site of src/LocalOffer.Browser (`dotnet publish`, artifacts/browser-site),
/// served by a plain static file server on 127.0.0.1 (no server code), and one Debian Chromium.
/// </summary>
public sealed class StaticSite : IAsyncLifetime
{
    public static readonly string Folder = Environment.GetEnvironmentVariable("LOCALOFFER_BROWSER_SITE")
        ?? Path.Combine(TestPaths.RepoRoot(), "artifacts", "browser-site");
    private WebApplication _app = null!;
    public string Url { get; private set; } = "";
    public IPlaywright Playwright { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var root = Path.Combine(Folder, "wwwroot");
        if (!File.Exists(Path.Combine(root, "index.html")))
        {
            // scripts/test.sh publishes the site first; a test run on its own publishes it here.
            var project = Path.Combine(TestPaths.RepoRoot(), "src", "LocalOffer.Browser");
            var p = Process.Start(new ProcessStartInfo("dotnet",
                ["publish", project, "-c", "Release", "-o", Folder, "--nologo", "-p:CompressionEnabled=false"])
                { RedirectStandardOutput = true })!;
            await p.StandardOutput.ReadToEndAsync();
            await p.WaitForExitAsync();
            p.ExitCode.Should().Be(0, "the browser site must publish");
        }
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        var files = new PhysicalFileProvider(root);
        _app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        _app.UseStaticFiles(new StaticFileOptions { FileProvider = files, ServeUnknownFileTypes = true });
        // A static host serves index.html for the app's own addresses (/check), as GitHub Pages or nginx would be told to.
        _app.MapFallback(async c => { c.Response.ContentType = "text/html"; await c.Response.SendFileAsync(Path.Combine(root, "index.html")); });
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
/// Issue 16 in Debian Chromium: a batch of the shared fake return gives results byte-identical to
/// `localoffer batch`; a check of every sample history gives the CLI's JSON; after the page has loaded,
/// not one network request is made; axe finds no WCAG 2.2 AA violation.
/// </summary>
[Trait(Lane.Key, Lane.Slow), Trait(Lane.Category, Lane.Browser)]
public sealed class BrowserSiteTests(StaticSite site) : IClassFixture<StaticSite>
{
    private static string Fake(string file) => Path.Combine(TestPaths.Shared(), "data", "ssda903-fake", file);

    private async Task<(IPage Page, List<string> Requests)> Open(string path)
    {
        // No service worker: these tests are of the app online (OfflineBrowserSiteTests is of the worker). Installing
        // it fetched and stored every file of the app again in each new context before the network fell idle.
        var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions
            { AcceptDownloads = true, ServiceWorkers = ServiceWorkerPolicy.Block });
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.Url + path);
        await page.WaitForSelectorAsync("#privacy", new PageWaitForSelectorOptions { Timeout = 60_000 });
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var requests = new List<string>();
        page.Request += (_, r) => { if (!r.Url.StartsWith("blob:", StringComparison.Ordinal) && !r.Url.StartsWith("data:", StringComparison.Ordinal)) requests.Add(r.Url); };
        return (page, requests);
    }

    private static async Task Date(IPage page, string name, LocalDate d)
    {
        await page.FillAsync($"#{name}-day", d.Day.ToString());
        await page.FillAsync($"#{name}-month", d.Month.ToString());
        await page.FillAsync($"#{name}-year", d.Year.ToString());
    }

    [Fact]
    public async Task A_batch_of_the_fake_return_matches_the_command_byte_for_byte_with_no_request_after_load()
    {
        var (page, requests) = await Open("/");
        var asAt = new LocalDate(2026, 3, 31);
        await page.SetInputFilesAsync("#header", Fake("header.csv"));
        await page.SetInputFilesAsync("#episodes", Fake("episodes.csv"));
        await Date(page, "asAt", asAt);
        await page.ClickAsync("#run");
        await page.WaitForSelectorAsync("#summary", new PageWaitForSelectorOptions { Timeout = 120_000 });
        // Issue 28: statuses in words, never the file's ids.
        var statuses = await page.Locator("table:has(caption:text('Children by status')) tbody th").AllTextContentsAsync();
        statuses.Should().Contain("looked after (in care)").And.NotContain("looked_after").And.NotContain("former_relevant");
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#download-results"));
        var inBrowser = await File.ReadAllBytesAsync((await download.PathAsync())!);

        var dir = Directory.CreateTempSubdirectory("browser-batch-").FullName;
        try
        {
            var core = SharedRules.Core;
            var outFile = Path.Combine(dir, "results.csv");
            new BatchRunner(core).Run(new BatchOptions(Fake("header.csv"), [Fake("episodes.csv")], [], asAt, outFile));
            inBrowser.Should().Equal(await File.ReadAllBytesAsync(outFile), "the browser runs the same code on the same files");
        }
        finally
        {
            Directory.Delete(dir, true);
        }
        requests.Should().BeEmpty("the files never leave the device: no request at all after the page has loaded");
        (await Wcag.Axe(page)).Violations.Select(v => $"{v.Id}: {v.Help}").Should().BeEmpty();
    }

    [Fact]
    public async Task A_check_of_every_sample_history_gives_the_commands_json()
    {
        var (page, requests) = await Open("/check");
        await page.ClickAsync("#open-file summary");
        var core = SharedRules.Core;
        var asAt = new LocalDate(2026, 11, 22);
        await Date(page, "asAt", asAt);
        var samples = Directory.GetFiles(Path.Combine(TestPaths.RepoRoot(), "samples", "young-people"), "*.json").Order().ToList();
        samples.Should().HaveCountGreaterThan(10);
        foreach (var file in samples)
        {
            var (history, errors) = core.Reader.ReadFile(file);
            history.Should().NotBeNull(string.Join("; ", errors.Select(e => e.Message)));
            await page.SetInputFilesAsync("#history", file);
            await page.ClickAsync("#check");
            var expected = AssessmentJson.ToJson(core.Engine.Assess(history!, asAt)).ToJsonString(AssessmentJson.Options);
            await page.WaitForFunctionAsync("t => document.querySelector('#json')?.textContent === t", expected,
                new PageWaitForFunctionOptions { Timeout = 20_000 });
        }
        requests.Should().BeEmpty();
        (await Wcag.Axe(page)).Violations.Select(v => $"{v.Id}: {v.Help}").Should().BeEmpty();
    }

    // Issue 28: the adviser's job offline: a form (codes by their words), the status, the council's offer and
    // the young person's own page, made in the browser from the same templates, with no request at all.
    [Fact]
    public async Task The_check_form_gives_the_status_the_offer_and_your_support_offline()
    {
        var (page, requests) = await Open("/check");
        await Date(page, "dob", new LocalDate(2008, 6, 15));
        await page.SelectOptionAsync("#council", "hackney");
        await Date(page, "asAt", new LocalDate(2026, 11, 22));
        await page.ClickAsync("#check-form");
        var errors = await page.WaitForSelectorAsync(".govuk-error-summary", new PageWaitForSelectorOptions { Timeout = 20_000 });
        (await errors!.TextContentAsync()).Should().Contain("Enter the episode 1 start date").And.Contain("Select the legal status of episode 1");
        await Date(page, "ep1-start", new LocalDate(2022, 1, 10));
        (await page.Locator("#ep1-legal option[value='C2']").TextContentAsync()).Should().Be("Full care order (C2)", "words, then the code");
        await page.SelectOptionAsync("#ep1-legal", "C2");
        await page.CheckAsync("#ep1-ended");
        await Date(page, "ep1-end", new LocalDate(2024, 9, 1));
        await page.SelectOptionAsync("#ep1-reason", "E5");
        await page.ClickAsync("#check-form");
        await page.WaitForSelectorAsync("#status", new PageWaitForSelectorOptions { Timeout = 20_000 });
        (await page.TextContentAsync("#status"))!.Should().Contain("former relevant");
        (await page.TextContentAsync("#council-items"))!.Should().NotBeEmpty();
        foreach (var part in new[] { "#status-reason", "#entitlements", "#council-items" })
            (await page.TextContentAsync(part))!.Should().NotMatchRegex(@"\d{4}-\d{2}-\d{2}", "dates in words (the JSON keeps ISO)");
        var yours = await page.Context.RunAndWaitForPageAsync(() => page.ClickAsync("#open-yours"));
        await yours.WaitForLoadStateAsync();
        (await yours.TextContentAsync("h1")).Should().Be("Your support");
        (await yours.TextContentAsync("#first-contact"))!.Should().Contain("Hackney");
        (await yours.TextContentAsync("main"))!.Should().NotContainAny("s.23", "Children Act", "former relevant");
        (await Wcag.Axe(yours)).Violations.Select(v => $"{v.Id}: {v.Help}").Should().BeEmpty();
        var offer = await page.Context.RunAndWaitForPageAsync(() => page.ClickAsync("#open-offer"));
        await offer.WaitForLoadStateAsync();
        (await offer.TextContentAsync("main"))!.Should().Contain("Hackney");
        requests.Where(r => !r.EndsWith(".css", StringComparison.Ordinal)).Should().BeEmpty(
            "nothing is sent: the only loads after the page are the opened pages' own stylesheets");
        (await Wcag.Axe(page)).Violations.Select(v => $"{v.Id}: {v.Help}").Should().BeEmpty();
    }

    // Issue 31: the audit in the browser, where the list never leaves the device: the same audit.csv as
    // the command for the same files, the report opened in a new tab, no request made.
    [Fact]
    public async Task The_audit_page_gives_the_commands_audit_csv_and_report_with_no_request()
    {
        var dir = AuditPageTests.Synthetic();
        try
        {
            string F(string name) => Path.Combine(dir, name);
            var (page, requests) = await Open("/audit");
            await page.SetInputFilesAsync("#list", F("list9.csv"));
            await page.SetInputFilesAsync("#header", F("header.csv"));
            await page.SetInputFilesAsync("#episodes", F("episodes.csv"));
            await Date(page, "asAt", AuditPageTests.AsAt);
            await page.FillAsync("#la", "384");
            await page.ClickAsync("#audit");
            await page.WaitForSelectorAsync("#audit-summary", new PageWaitForSelectorOptions { Timeout = 120_000 });
            var run = LocalOffer.Audit.AuditRunner.LoadDefault(SharedRules.Core).Compute(new LocalOffer.Audit.AuditOptions(
                LocalOffer.Audit.Input.ListFormat.AnnexA, F("list9.csv"), F("header.csv"), [F("episodes.csv")], [], null,
                AuditPageTests.AsAt, "384", ""));
            using var expected = new MemoryStream();
            LocalOffer.Audit.Output.AuditCsv.Write(expected, run);
            var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#download-csv"));
            (await File.ReadAllBytesAsync((await download.PathAsync())!)).Should().Equal(expected.ToArray(),
                "the browser runs the same audit on the same files");
            var report = await page.Context.RunAndWaitForPageAsync(() => page.ClickAsync("#open-report"));
            await report.WaitForLoadStateAsync();
            (await report.TextContentAsync("h1"))!.Should().NotBeNullOrWhiteSpace();
            (await Wcag.Axe(report)).Violations.Select(v => $"{v.Id}: {v.Help}").Should().BeEmpty();
            requests.Where(r => !r.EndsWith(".css", StringComparison.Ordinal)).Should().BeEmpty(
                "the list never leaves the device: the only loads are the report's own stylesheets");
            (await Wcag.Axe(page)).Violations.Select(v => $"{v.Id}: {v.Help}").Should().BeEmpty();
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    // Issue 24, low: the Check page read an upload with replacement, so a Latin-1 "Zoé" became "Zo\uFFFD".
    [Fact]
    public async Task The_check_page_refuses_a_file_that_is_not_utf8_and_still_reads_one_that_is()
    {
        var (page, _) = await Open("/check");
        await page.ClickAsync("#open-file summary");
        await Date(page, "asAt", new LocalDate(2026, 11, 22));
        const string json = "{\"id\": \"Zoé\", \"dateOfBirth\": \"2008-06-15\"}";
        await page.SetInputFilesAsync("#history", new FilePayload
        {
            Name = "latin1.json", MimeType = "application/json", Buffer = System.Text.Encoding.Latin1.GetBytes(json),
        });
        await page.ClickAsync("#check");
        var summary = await page.WaitForSelectorAsync(".govuk-error-summary",
            new PageWaitForSelectorOptions { Timeout = 20_000 });
        (await summary!.TextContentAsync()).Should().Contain("not UTF-8 text");
        (await page.QuerySelectorAsync("#json")).Should().BeNull("nothing is worked out from a refused file");
        await page.SetInputFilesAsync("#history", new FilePayload
        {
            Name = "utf8.json", MimeType = "application/json", Buffer = System.Text.Encoding.UTF8.GetBytes(json),
        });
        await page.ClickAsync("#check");
        await page.WaitForSelectorAsync("#json",
            new PageWaitForSelectorOptions { Timeout = 20_000, State = WaitForSelectorState.Attached });
        (await page.QuerySelectorAsync(".govuk-error-summary")).Should().BeNull();
    }

    [Fact]
    public async Task The_caseload_in_the_browser_is_the_commands_csv()
    {
        var (page, requests) = await Open("/caseload");
        var dir = Directory.CreateTempSubdirectory("browser-caseload-").FullName;
        try
        {
            var caseload = Path.Combine(dir, "caseload.csv");
            await File.WriteAllTextAsync(caseload, CaseloadPageTests.CaseloadCsv());
            await page.SetInputFilesAsync("#header", Fake("header.csv"));
            await page.SetInputFilesAsync("#episodes", Fake("episodes.csv"));
            await page.SetInputFilesAsync("#caseload", caseload);
            var asAt = new LocalDate(2026, 11, 23);
            await Date(page, "asAt", asAt);
            await page.FillAsync("#within", "90");
            await page.ClickAsync("#show");
            await page.WaitForSelectorAsync("#caseload-summary", new PageWaitForSelectorOptions { Timeout = 120_000 });
            var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#download-csv"));
            var inBrowser = await File.ReadAllTextAsync((await download.PathAsync())!);
            var result = new LocalOffer.Batch.Caseload.CaseloadRunner(SharedRules.Core).Run(
                new LocalOffer.Batch.Caseload.CaseloadOptions(Fake("header.csv"), [Fake("episodes.csv")], [], null, caseload, asAt, 90));
            using var expected = new MemoryStream();
            LocalOffer.Batch.Caseload.CaseloadCsvWriter.Write(expected, result.Events);
            inBrowser.Should().Be(Encoding.UTF8.GetString(expected.ToArray()));
            // Issue 28: the manager's summary by adviser (as CaseloadSummary counts), then every item of
            // the adviser chosen, with no cap.
            var lines = LocalOffer.Batch.Caseload.CaseloadSummary.ByAdviser(result.Events);
            var shown = await page.Locator("#adviser-summary tbody tr").AllInnerTextsAsync();
            shown.Should().HaveCount(lines.Count + 1);
            shown[0].Should().StartWith(lines[0].Adviser).And.Contain(lines[0].Overdue.ToString("N0"));
            (await page.TextContentAsync("#events caption"))!.Should().StartWith($"{result.Events.Count:N0} item(s)");
            await page.SelectOptionAsync("#adviser", lines[0].Adviser);
            (await page.TextContentAsync("#events caption"))!.Should().StartWith($"{lines[0].Items:N0} item(s)");
            requests.Should().BeEmpty();
            (await Wcag.Axe(page)).Violations.Select(v => $"{v.Id}: {v.Help}").Should().BeEmpty();
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/check")]
    [InlineData("/caseload")]
    public async Task Every_page_has_no_wcag_22_aa_violations_and_errors_are_govuk_style(string path)
    {
        var (page, _) = await Open(path);
        foreach (var width in new[] { 390, 1280 })
        {
            await page.SetViewportSizeAsync(width, 900);
            (await Wcag.Axe(page)).Violations.Select(v => $"{width}: {v.Id}: {v.Help}").Should().BeEmpty();
        }
        await page.FillAsync("#asAt-day", "31");
        await page.FillAsync("#asAt-month", "2");
        await page.ClickAsync(path switch { "/" => "#run", "/check" => "#check-form", _ => "#show" });
        (await page.TextContentAsync(".govuk-error-summary"))!.Should().Contain("must be a real date");
        (await Wcag.Axe(page)).Violations.Select(v => $"{v.Id}: {v.Help}").Should().BeEmpty();
    }
}
