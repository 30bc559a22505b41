using Deque.AxeCore.Playwright;
using LocalOffer.Batch.Synth;
using Microsoft.Playwright;
using NodaTime;

namespace LocalOffer.Indicators.Tests;

/// <summary>One synthetic return and one headless Debian Chromium for both reports (issue 30: one each per report).</summary>
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
        Fixture.Runner.Run(new IndicatorOptions(input.File("header.csv"), [input.File("episodes.csv")], input.File("oc3.csv"), [],
            ReportBrowser.YearEnd, la, outDir));
        var html = File.ReadAllText(Path.Combine(outDir, "index.html"));
        html.Should().Contain("<svg").And.NotContain("<script");
        if (la is not null) html.Should().Contain("Wakefield published 2025").And.Contain("Statistical neighbours (median of");

        var page = await fixture.Browser.NewPageAsync(
            new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1100, Height = 1400 } });
        await page.GotoAsync(new Uri(Path.Combine(outDir, "index.html")).AbsoluteUri);
        var result = await Wcag.Axe(page);
        result.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Take(3).Select(n => n.Html))})").Should().BeEmpty();
        (await page.Locator("svg[role=img]").CountAsync()).Should().Be(8, "one chart per indicator (4) and age band (2)");
        if (la is not null && Environment.GetEnvironmentVariable("LOCALOFFER_SCREENSHOT") is { Length: > 0 } shot)
        {
            await page.SetViewportSizeAsync(1000, 2000);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = shot, FullPage = false });
        }
        await page.CloseAsync();
    }
}
