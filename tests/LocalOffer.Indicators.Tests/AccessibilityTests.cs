using Deque.AxeCore.Playwright;
using LocalOffer.Batch.Synth;
using Microsoft.Playwright;
using NodaTime;

namespace LocalOffer.Indicators.Tests;

/// <summary>
/// One synthetic return and one headless Debian Chromium for both reports (issue 30: one each per report).
/// </summary>
public sealed class ReportBrowser : IAsyncLifetime
{
    public static readonly LocalDate YearEnd = new(2026, 3, 31);
    public TempDir Return { get; } = new();
    public IPlaywright Playwright { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        SyntheticReturn.Write(Return.Path, 1500, 5, YearEnd);
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Chromium.LaunchAsync(Playwright);
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        Playwright.Dispose();
        Return.Dispose();
    }
}

/// <summary>
/// The report opened in headless Debian Chromium and checked with axe for WCAG 2.2 AA: with a
/// council (charts with five benchmarks, trend tables) and without. A screenshot for the README is
/// written when LOCALOFFER_SCREENSHOT names a file.
/// </summary>
[Trait(Lane.Key, Lane.Slow), Trait(Lane.Category, Lane.Accessibility)]
public sealed class AccessibilityTests(ReportBrowser fixture) : IClassFixture<ReportBrowser>, IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("384")]
    [InlineData(null)]
    public async Task The_report_has_no_wcag_22_aa_violations(string? la)
    {
        var input = fixture.Return;
        var outDir = _dir.File("out");
        Fixture.Runner.Run(new IndicatorOptions(
            input.File("header.csv"), [input.File("episodes.csv")], input.File("oc3.csv"), [],
            ReportBrowser.YearEnd, la, outDir));
        var html = File.ReadAllText(Path.Combine(outDir, "index.html"));
        html.Should().Contain("<svg").And.NotContain("<script");
        if (la is not null)
            html.Should().Contain("Wakefield published 2025").And.Contain("Statistical neighbours (median of");

        var page = await fixture.Browser.NewPageAsync(
            new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1100, Height = 1400 } });
        await page.GotoAsync(new Uri(Path.Combine(outDir, "index.html")).AbsoluteUri);
        var result = await Wcag.Axe(page);
        result.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Take(3).Select(n => n.Html))})")
            .Should().BeEmpty();
        (await page.Locator("svg[role=img]").CountAsync())
            .Should().Be(8, "one chart per indicator (4) and age band (2)");
        if (la is not null && Environment.GetEnvironmentVariable("LOCALOFFER_SCREENSHOT") is { Length: > 0 } shot)
        {
            await page.SetViewportSizeAsync(1000, 2000);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = shot, FullPage = false });
        }
        await page.CloseAsync();
    }

    [Fact]
    public async Task The_report_fits_a_phone_with_chart_text_at_body_size()
    {
        var input = fixture.Return;
        var outDir = _dir.File("out");
        Fixture.Runner.Run(new IndicatorOptions(
            input.File("header.csv"), [input.File("episodes.csv")], input.File("oc3.csv"), [],
            ReportBrowser.YearEnd, "384", outDir));
        var page = await fixture.Browser.NewPageAsync(
            new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 } });
        await page.GotoAsync(new Uri(Path.Combine(outDir, "index.html")).AbsoluteUri);
        foreach (var width in new[] { 390, 320 })
        {
            await page.SetViewportSizeAsync(width, 844);
            (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).Should()
                .BeLessThanOrEqualTo(width,
                    $"the page is no wider than a {width} px phone (tables scroll in their own boxes)");
        }
        await page.SetViewportSizeAsync(390, 844);
        // The chart's text as drawn: a 16-unit font in a chart shown at its own width is 16 px (7 px before issue 28).
        var px = await page.EvaluateAsync<double>(
            "() => Math.min(...[...document.querySelectorAll('svg.lo-chart text')]"
            + ".map(t => t.getBoundingClientRect().height))");
        px.Should().BeGreaterThanOrEqualTo(14, "chart text stays near body size on a phone");
        (await page.TextContentAsync("main"))!.Should().Contain("Lower is better").And.Contain("higher is better");
        var shots = Path.Combine(TestPaths.RepoRoot(), "artifacts", "screenshots");
        Directory.CreateDirectory(shots);
        var chart = page.Locator("figure").First;
        await chart.ScreenshotAsync(
            new LocatorScreenshotOptions { Path = Path.Combine(shots, "indicators-chart-390.png") });
        var box = await chart.BoundingBoxAsync();
        await File.AppendAllTextAsync(Path.Combine(shots, "heights-390.txt"),
            $"indicators-chart-390.png: {box!.Width:0} x {box.Height:0} px, smallest chart text {px:0.#} px\n");
        await page.CloseAsync();
    }
}
