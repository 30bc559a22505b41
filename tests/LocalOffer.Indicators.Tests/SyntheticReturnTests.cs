using LocalOffer.Batch.Synth;
using NodaTime;

namespace LocalOffer.Indicators.Tests;

/// <summary>
/// On a synthetic return built to a design (synth's 17 to 21 year olds, with chosen missing and
/// extra OC3 rows), every count, total and finding is what the generator chose, by construction.
/// </summary>
public sealed class SyntheticReturnTests : IDisposable
{
    private static readonly LocalDate YearEnd = new(2026, 3, 31);
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private (SyntheticReturn.Counts Counts, IndicatorRun Run) RunSynth(int children, int seed)
    {
        var counts = SyntheticReturn.Write(_dir.Path, children, seed, YearEnd);
        var run = Fixture.Runner.Compute(new IndicatorOptions(_dir.File("header.csv"), [_dir.File("episodes.csv")], _dir.File("oc3.csv"), [], YearEnd, "384", _dir.File("out")));
        return (counts, run);
    }

    [Theory]
    [InlineData(3000, 1)]
    [InlineData(1500, 7)]
    public void Every_count_total_and_finding_is_as_constructed(int children, int seed)
    {
        var (counts, run) = RunSynth(children, seed);
        var expected = counts.Oc3;
        expected.Findings.Values.Should().OnlyContain(v => v > 0, "the design reaches every finding");

        foreach (var band in Fixture.Defs.AgeBands.Keys)
            foreach (var (indicator, categories) in Fixture.Defs.Indicators.Where(i => i.Indicator != "staying_put"))
                foreach (var category in categories)
                {
                    var row = run.Rows.Row(indicator, band, category);
                    var n = expected.Counts.GetValueOrDefault((band, category));
                    var total = expected.Counts[(band, "total")];
                    (row.Count, row.Total).Should().Be((n, total), $"{indicator} {band} {category}");
                    row.Percent.Should().Be(IndicatorTable.Percent(n, total));
                    n.Should().BeGreaterThan(0, $"the design reaches {indicator} {category} at {band}");
                }
        foreach (var (band, (total, stayed)) in expected.StayingPut)
        {
            var row = run.Rows.Row("staying_put", band, "staying_put");
            (row.Count, row.Total).Should().Be((stayed, total), $"staying put {band}");
            stayed.Should().BeGreaterThan(0);
        }
        foreach (var (finding, n) in expected.Findings)
            run.People.Count(p => p.Finding == finding).Should().Be(n, finding);

        var s = run.Summary;
        s.Oc3RowsRead.Should().Be(expected.RowsWritten);
        s.Oc3RowsRejected.Should().Be(expected.RowsRejected);
        s.Oc3RowsRead.Should().Be(s.Oc3RowsCounted + s.Oc3RowsInFindings + s.Oc3RowsRejected, "every OC3 row is counted, in a finding or rejected");
        s.Oc3RowsCounted.Should().Be(expected.Counts[("17-18", "total")] + expected.Counts[("19-21", "total")]);
        run.Rejects.Should().HaveCount(expected.RowsRejected);
        run.Rejects.Select(r => r.Reason).Should().Contain(r => r.Contains("no header row")).And.Contain(r => r.Contains("unknown IN_TOUCH 'MAYBE'"));
    }

    [Fact]
    public void Every_finding_is_explained_and_only_care_leavers_are_counted()
    {
        var (_, run) = RunSynth(2000, 3);
        run.People.Where(p => p.Counted).Should().OnlyContain(p => p.Status == Core.Engine.Status.Relevant || p.Status == Core.Engine.Status.FormerRelevant);
        run.People.Where(p => p.Finding == Findings.NotACareLeaver).Should().OnlyContain(p => p.Detail.Contains("not a relevant or former relevant child: ") && p.Oc3 != null);
        run.People.Where(p => p.Finding == Findings.MissingOc3).Should().OnlyContain(p => p.Oc3 == null && p.CareLeaver && p.Detail.EndsWith("but no OC3 row"));
        run.People.Where(p => p.Finding == Findings.NotACareLeaver && p.Age == 17 && p.Status == Core.Engine.Status.Eligible)
            .Should().NotBeEmpty("a 17 year old still in care is an eligible child, not a care leaver");
    }
}
