using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using LocalOffer.Offers.Render;
using Microsoft.Playwright;
using NodaTime;

namespace LocalOffer.Offers.Tests;

/// <summary>One headless Debian Chromium for the accessibility tests (never a downloaded browser).</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public IPlaywright Playwright { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Chromium.LaunchAsync(Playwright);
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        Playwright.Dispose();
    }
}

/// <summary>
/// The published site and a personal offer opened in headless Chromium and checked with axe for
/// WCAG 2.2 AA (tags wcag2a, wcag2aa, wcag21a, wcag21aa, wcag22aa): zero violations on every page.
/// </summary>
public sealed class AccessibilityTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IDisposable
{
    private static readonly AxeRunOptions WcagAa = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
    };
    private readonly string _dir = Directory.CreateTempSubdirectory("site-").FullName;

    public void Dispose() => Directory.Delete(_dir, true);

    private async Task<List<string>> Violations(string file)
    {
        var page = await browser.Browser.NewPageAsync();
        try
        {
            await page.GotoAsync(new Uri(file).AbsoluteUri);
            var result = await page.RunAxe(WcagAa);
            return result.Violations.Select(v => $"{Path.GetFileName(file)}: {v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Take(3).Select(n => n.Html))})").ToList();
        }
        finally
        {
            await page.CloseAsync();
        }
    }

    [Theory]
    [InlineData("wakefield")]
    [InlineData("dfe-illustrative")]
    public async Task Every_published_page_has_no_wcag_22_aa_violations(string id)
    {
        var files = new SitePublisher(Fixture.Core, Fixture.Templates).Publish(Fixture.Catalog.Find(id)!, new LocalDate(2026, 11, 22), _dir);
        var violations = new List<string>();
        foreach (var f in files.Where(f => f.EndsWith(".html"))) violations.AddRange(await Violations(Path.Combine(_dir, f)));
        violations.Should().BeEmpty();
        files.Count(f => f.EndsWith(".html")).Should().BeGreaterThan(5);
    }

    [Fact]
    public async Task The_personal_offer_page_has_no_wcag_22_aa_violations()
    {
        SitePublisher.CopyAssets(Path.Combine(_dir, "assets"));
        var (history, _) = Fixture.Core.Reader.ReadFile(Path.Combine(Fixture.RepoRoot(), "samples", "young-people", "former-relevant.json"));
        var assessment = Fixture.Core.Engine.Assess(history!, new LocalDate(2026, 11, 22));
        var offer = PersonalOfferBuilder.Build(assessment, history!, Fixture.Catalog.Find("wakefield")!, Fixture.Core.Law);
        var file = Path.Combine(_dir, "personal.html");
        File.WriteAllText(file, new PersonalOfferRenderer(Fixture.Core, Fixture.Templates).Render(offer, "html"));
        (await Violations(file)).Should().BeEmpty();
    }
}
