using NodaTime;

namespace LocalOffer.Indicators.Tests;

/// <summary>
/// The shared fake return (collection year ending 31 March 2018): all 53 OC3 rows are for young
/// people born in 2001. Figures checked by hand against the episodes (see the report in cohort-check.csv).
/// </summary>
public sealed class FakeReturnTests
{
    private static readonly Lazy<IndicatorRun> Run = new(() => Fixture.Runner.Compute(new IndicatorOptions(
        Path.Combine(Fixture.FakeData, "header.csv"), [Path.Combine(Fixture.FakeData, "episodes.csv")], Path.Combine(Fixture.FakeData, "oc3.csv"),
        [], new LocalDate(2018, 3, 31), "384", Path.GetTempPath())));

    [Fact]
    public void Every_oc3_row_is_counted_in_a_finding_or_rejected()
    {
        var s = Run.Value.Summary;
        (s.Oc3RowsRead, s.Oc3RowsCounted, s.Oc3RowsInFindings, s.Oc3RowsRejected).Should().Be((53, 8, 42, 3));
        s.ByFinding.Should().Equal(new Dictionary<string, int> { [Findings.MissingOc3] = 0, [Findings.NotACareLeaver] = 37, [Findings.DiedOrReturnedHome] = 5 });
        (s.Children, s.CareLeavers).Should().Be((2675, 13));
        // Born 1 and 3 April 2001: their 17th birthday is after the year end, so they are not in OC3's cohort.
        Run.Value.Rejects.Where(r => r.File.EndsWith("oc3.csv")).Select(r => (r.Line, r.Child)).Should().Equal((17, "244935"), (42, "725957"), (51, "115356"));
    }

    [Fact]
    public void The_eight_counted_care_leavers_aged_17()
    {
        var rows = Run.Value.Rows;
        rows.Row("in_touch", "17-18", "in_touch").Should().Match<IndicatorRow>(r => r.Count == 2 && r.Total == 8 && r.Percent == 25);
        rows.Row("in_touch", "17-18", "not_in_touch").Should().Match<IndicatorRow>(r => r.Count == 1 && r.Percent == 13, "12.5 rounds up");
        rows.Row("in_touch", "17-18", "no_longer_requires_services").Count.Should().Be(4);
        rows.Row("activity", "17-18", "eet").Should().Match<IndicatorRow>(r => r.Count == 2 && r.Percent == 25);
        rows.Row("activity", "17-18", "not_known").Count.Should().Be(3, "F3 and P3 are not among the EET codes");
        rows.Row("accommodation", "17-18", "unsuitable").Should().Match<IndicatorRow>(r => r.Count == 5 && r.Percent == 63);
        // Relevant through a series of short breaks after care (the engine's rule): counted, not flagged.
        Run.Value.People.Single(p => p.Child == "288369").Should().Match<YoungPerson>(p => p.Counted && p.Status == Core.Engine.Status.Relevant);
        rows.Row("in_touch", "19-21", "in_touch").Should().Match<IndicatorRow>(r => r.Total == 0 && r.Percent == null);
    }

    [Fact]
    public void Children_never_looked_after_and_still_in_care_are_not_care_leavers()
    {
        var people = Run.Value.People.ToDictionary(p => p.Child);
        people["308457"].Detail.Should().EndWith("no episode of care in the return; not looked after, and no care leaver category applies");
        people["864948"].Status.Should().Be(Core.Engine.Status.Eligible);
        people["864948"].Finding.Should().Be(Findings.NotACareLeaver);
        people["87520"].Finding.Should().Be(Findings.DiedOrReturnedHome);
    }
}
