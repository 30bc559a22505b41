using System.Text.RegularExpressions;
using LocalOffer.Offers.Render;
using NodaTime;

namespace LocalOffer.Indicators.Tests;

/// <summary>
/// Issue 26: the indicators report's template with every text of its view model made hostile, with
/// and without a council's benchmarks: the attack shows only as text, and the bar charts (the one raw
/// output, checked SVG) still come through.
/// </summary>
public sealed class HostileReportTests
{
    private const string Attack = "\"'><script>alert(1)</script><img src=x onerror=alert(2)>";

    [Theory]
    [InlineData(null)]
    [InlineData("384")]
    public void Hostile_text_in_the_report_renders_inert(string? la)
    {
        using var dir = new TempDir();
        var run = Fixture.Runner.Compute(new IndicatorOptions(Path.Combine(Fixture.FakeData, "header.csv"),
            [Path.Combine(Fixture.FakeData, "episodes.csv")], Path.Combine(Fixture.FakeData, "oc3.csv"), [],
            new LocalDate(2018, 3, 31), la, dir.Path));
        var shipped = TemplateSet.LoadDefault();
        var hostile = new TemplateSet(shipped.Directory, null, shipped.Languages) { EveryText = t => t + Attack };
        var html = Output.IndicatorReport.Render(
            hostile, run, Fixture.Defs, Fixture.Dfe, la is null ? null : Fixture.Dfe.Councils[la]);
        html.Should().Contain("&lt;script&gt;").And.NotContain("<script>alert").And.NotContain("<img");
        Regex.IsMatch(html, "=\"[^\"<>]*\"&#x27;").Should().BeFalse();
        html.Should().Contain("<svg xmlns=\"http://www.w3.org/2000/svg\"", "the charts are SafeHtml");
    }
}
