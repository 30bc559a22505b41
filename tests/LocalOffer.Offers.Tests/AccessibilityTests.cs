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
[Trait(Lane.Key, Lane.Slow), Trait(Lane.Category, Lane.Accessibility)]
public sealed class AccessibilityTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("site-").FullName;

    public void Dispose() => Directory.Delete(_dir, true);

    /// <summary>
    /// Axe on each file in turn in one tab at 390 px (a phone, where care leavers read the offer): one renderer
    /// for them all rather than a new tab, and so a new process, for each (issue 30). Axe is injected into each
    /// page afresh, so nothing of one page is left for the next.
    /// </summary>
    private async Task<List<string>> Violations(params string[] files)
    {
        var page = await browser.Browser.NewPageAsync(
            new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 } });
        try
        {
            var found = new List<string>();
            foreach (var file in files)
            {
                await page.GotoAsync(new Uri(file).AbsoluteUri);
                var result = await Wcag.Axe(page);
                found.AddRange(result.Violations.Select(v =>
                    $"{Path.GetFileName(file)}: {v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Take(3).Select(n => n.Html))})"));
            }
            return found;
        }
        finally
        {
            await page.CloseAsync();
        }
    }

    [Theory]
    [InlineData("wakefield")]
    [InlineData("dfe-illustrative")]
    [InlineData("leeds")] // several phone numbers a field, complaints, money to ask about (issue 25)
    public async Task Every_published_page_has_no_wcag_22_aa_violations(string id)
    {
        var files = new SitePublisher(Fixture.Core, Fixture.Templates).Publish(Fixture.Catalog.Find(id)!, new LocalDate(2026, 11, 22), _dir);
        (await Violations(files.Where(f => f.EndsWith(".html")).Select(f => Path.Combine(_dir, f)).ToArray())).Should().BeEmpty();
        files.Count(f => f.EndsWith(".html")).Should().BeGreaterThan(5);
    }

    /// <summary>The new kinds of page (contacts, by age, the age groups, an overdue review) for the councils that show them best.</summary>
    [Theory]
    [InlineData("lancashire")]
    [InlineData("wirral")]
    public async Task The_new_pages_have_no_wcag_22_aa_violations(string id)
    {
        var files = new SitePublisher(Fixture.Core, Fixture.Templates).Publish(Fixture.Catalog.Find(id)!, new LocalDate(2026, 11, 22), _dir);
        var wanted = files.Where(f => f is "index.html" or "contacts.html" or "by-age.html" or "law.html" || f.StartsWith("aged-") || f.StartsWith("left-care-")).ToList();
        wanted.Should().HaveCount(7);
        (await Violations(wanted.Select(f => Path.Combine(_dir, f)).ToArray())).Should().BeEmpty();
    }

    [Fact]
    public async Task Every_comparison_page_and_the_officers_page_have_no_wcag_22_aa_violations()
    {
        SitePublisher.CopyAssets(Path.Combine(_dir, "assets"));
        var comparison = LocalOffer.Offers.Compare.OfferComparison.Build(Fixture.Catalog.Councils, new LocalDate(2026, 11, 22), Fixture.Core.Law);
        var pages = new LocalOffer.Offers.Compare.ComparisonRenderer(Fixture.Templates).StaticPages(comparison);
        foreach (var (file, text) in pages) File.WriteAllText(Path.Combine(_dir, file), text);
        var council = Fixture.Catalog.Find("kirklees")!;
        File.WriteAllText(Path.Combine(_dir, "sources.html"), new SitePublisher(Fixture.Core, Fixture.Templates)
            .OfficerPage(council, new LocalDate(2026, 11, 22), LocalOffer.Offers.Lint.ComplianceReport.For(council, new LocalDate(2026, 11, 22), Fixture.Core.Law)));
        // The default page, one sorted page of each kind, and the officers' page.
        (await Violations(new[] { "compare.html", "compare-by-setting-up-home-gbp-desc.html", "compare-by-council-desc.html", "sources.html" }
            .Select(f => Path.Combine(_dir, f)).ToArray())).Should().BeEmpty();
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
