using LocalOffer.Offers.Compare;
using LocalOffer.Offers.Render;
using NodaTime;

namespace LocalOffer.Offers.Tests;

/// <summary>The comparison of every council's offer: approved HTML and CSV, sorting, and spreadsheet-safe cells.</summary>
public sealed class CompareTests
{
    private static readonly LocalDate AsAt = new(2026, 11, 22);
    private static OfferComparison Comparison() => OfferComparison.Build(Fixture.Catalog.Councils, AsAt, Fixture.Core.Law);

    [Fact]
    public void Html_and_csv_match_the_approved_files()
    {
        var renderer = new ComparisonRenderer(Fixture.Templates);
        Approved.Verify("compare-2026-11-22.html", renderer.Html(Comparison(), null, false, ComparisonRenderer.StaticFile));
        Approved.Verify("compare-2026-11-22-by-setting-up-home-desc.html", renderer.Html(Comparison(), "setting-up-home-gbp", true, ComparisonRenderer.StaticFile));
        Approved.Verify("compare-2026-11-22.csv", ComparisonRenderer.Csv(Comparison()));
    }

    [Fact]
    public void Sorting_by_setting_up_home_puts_the_largest_first_and_offers_without_an_amount_last()
    {
        var rows = Comparison().SortedBy("setting-up-home-gbp", descending: true);
        rows.Select(r => r.Numbers["setting-up-home-gbp"]).TakeWhile(n => n is not null).Should().BeInDescendingOrder();
        rows.SkipWhile(r => r.Numbers["setting-up-home-gbp"] is not null).Should().OnlyContain(r => r.Numbers["setting-up-home-gbp"] == null);
        rows[0].CouncilId.Should().BeOneOf("blackpool", "lancashire", "surrey");
    }

    [Fact]
    public void Every_static_sort_page_exists_for_every_heading_link()
    {
        var pages = new ComparisonRenderer(Fixture.Templates).StaticPages(Comparison());
        var files = pages.Select(p => p.File).ToHashSet();
        foreach (var (_, text) in pages.Where(p => p.File.EndsWith(".html")))
            foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(text, "href=\"(compare[^\"]*)\""))
                files.Should().Contain(m.Groups[1].Value);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("+1", "'+1")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("line\nbreak", "\"line\nbreak\"")]
    [InlineData("plain", "plain")]
    public void Csv_cells_cannot_become_formulas(string value, string expected) => SafeCsv.Cell(value).Should().Be(expected);

    [Fact]
    public void Wirral_shows_its_overdue_review_and_surrey_its_two_tier_council_tax()
    {
        var rows = Comparison().Rows.ToDictionary(r => r.CouncilId);
        rows["wirral"].Cells["next-review"].Should().Be("2026-01-01 (overdue)");
        rows["surrey"].Cells["council-tax"].Should().Be("100% if you pay alone, until 25, who pays stated");
        rows["kirklees"].Cells["council-tax"].Should().Be(OfferComparison.NotInOffer);
    }
}
