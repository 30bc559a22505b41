using NodaTime;

namespace LocalOffer.Indicators.Tests;

/// <summary>
/// The shared fake return (collection year ending 31 March 2018): all 53 OC3 rows are for young
/// people born in 2001. Figures checked by hand against the episodes and the OC3 rows (listed below).
/// </summary>
public sealed class FakeReturnTests
{
    private static readonly Lazy<IndicatorRun> Run = new(() => Fixture.Runner.Compute(new IndicatorOptions(
        Path.Combine(Fixture.FakeData, "header.csv"), [Path.Combine(Fixture.FakeData, "episodes.csv")],
        Path.Combine(Fixture.FakeData, "oc3.csv"),
        [], new LocalDate(2018, 3, 31), "384", Path.GetTempPath())));

    [Fact]
    public void Every_oc3_row_is_counted_in_a_finding_or_rejected()
    {
        var s = Run.Value.Summary;
        (s.Oc3RowsRead, s.Oc3RowsCounted, s.Oc3RowsInFindings, s.Oc3RowsRejected).Should().Be((53, 8, 39, 6));
        s.ByFinding.Should().Equal(new Dictionary<string, int>
        {
            [Findings.MissingOc3] = 0, [Findings.NotACareLeaver] = 34, [Findings.DiedOrReturnedHome] = 5,
            [Findings.CareTransferred] = 0,
        });
        (s.Children, s.CareLeavers).Should().Be((2675, 13));
        // Born 1 and 3 April 2001: their 17th birthday is after the year end, so they are not in OC3's cohort.
        // ACCOM 01, 02 and S1 are not codes of the guide (S, no fixed abode, is never suitable): rejected.
        Run.Value.Rejects.Where(r => r.File.EndsWith("oc3.csv")).Select(r => (r.Line, r.Child, r.Field)).Should().Equal(
            (2, "197474", "ACCOM"), (17, "244935", "DOB"), (42, "725957", "DOB"), (47, "232161", "ACCOM"),
            (51, "115356", "DOB"), (54, "147980", "ACCOM"));
    }

    /// <summary>
    /// The eight counted, all aged 17 (by hand from oc3.csv): 288369 NREQ P2 B2, 422644 NREQ G6 G2,
    /// 549531 NO F2 H2, 58648 NREQ F3 D2, 652288 YES P3 S2, 721241 NREQ 0 C1, 760316 REFU G6 C1,
    /// 843267 YES G4 G1. In 2017-18 F3 and P3 are training or employment (EET); G and H are left out of
    /// the suitability total, so it is 5: C1 C1 suitable, B2 D2 S2 unsuitable.
    /// </summary>
    [Fact]
    public void The_eight_counted_care_leavers_aged_17()
    {
        var rows = Run.Value.Rows;
        rows.Row("in_touch", "17-18", "in_touch")
            .Should().Match<IndicatorRow>(r => r.Count == 2 && r.Total == 8 && r.Percent == 25);
        rows.Row("in_touch", "17-18", "not_in_touch")
            .Should().Match<IndicatorRow>(r => r.Count == 1 && r.Percent == 13, "12.5 rounds up");
        rows.Row("in_touch", "17-18", "no_longer_requires_services").Count.Should().Be(4);
        rows.Row("activity", "17-18", "eet").Should().Match<IndicatorRow>(r => r.Count == 4 && r.Percent == 50,
            "P2, F2 (549531: not in touch, activity known from a third party), F3, P3");
        rows.Row("activity", "17-18", "neet").Count.Should().Be(3);
        rows.Row("activity", "17-18", "not_known").Count.Should().Be(1, "only ACTIV 0");
        rows.Row("accommodation", "17-18", "suitable")
            .Should().Match<IndicatorRow>(r => r.Count == 2 && r.Total == 5 && r.Percent == 40);
        rows.Row("accommodation", "17-18", "unsuitable")
            .Should().Match<IndicatorRow>(r => r.Count == 3 && r.Percent == 60);
        // Relevant through a series of short breaks after care (the engine's rule): counted, not flagged.
        Run.Value.People.Single(p => p.Child == "288369")
            .Should().Match<YoungPerson>(p => p.Counted && p.Status == Core.Engine.Status.Relevant);
        rows.Row("in_touch", "19-21", "in_touch").Should().Match<IndicatorRow>(r => r.Total == 0 && r.Percent == null);
    }

    [Fact]
    public void Children_never_looked_after_and_still_in_care_are_not_care_leavers()
    {
        var people = Run.Value.People.ToDictionary(p => p.Child);
        people["308457"].Detail.Should()
            .EndWith("no episode of care in the return; not looked after, and no care leaver category applies");
        people["864948"].Status.Should().Be(Core.Engine.Status.Eligible);
        people["864948"].Finding.Should().Be(Findings.NotACareLeaver);
        people["87520"].Finding.Should().Be(Findings.DiedOrReturnedHome);
    }
}

/// <summary>
/// The same fake return read for the collection year ending 31 March 2020, when its OC3 rows are for
/// 19 year olds: the cases, each checked by hand against episodes.csv and oc3.csv.
/// </summary>
public sealed class FakeReturn2020Tests
{
    private static readonly Lazy<IndicatorRun> Run = new(() => Fixture.Runner.Compute(new IndicatorOptions(
        Path.Combine(Fixture.FakeData, "header.csv"), [Path.Combine(Fixture.FakeData, "episodes.csv")],
        Path.Combine(Fixture.FakeData, "oc3.csv"), [], new LocalDate(2020, 3, 31), "384", Path.GetTempPath())));

    [Fact]
    public void Care_transferred_in_the_last_episode_is_not_missing()
    {
        // 355823, 469088 and 900628: one episode each, ended E3 in 2017; no OC3 row.
        var people = Run.Value.People.ToDictionary(p => p.Child);
        foreach (var child in new[] { "355823", "469088", "900628" })
            people[child].Should().Match<YoungPerson>(p => p.Finding == Findings.CareTransferred && !p.Counted, child);
        Run.Value.People.Where(p => p.Finding == Findings.MissingOc3).Select(p => p.Child)
            .Should().NotContain(["355823", "469088", "900628"]);
    }

    [Fact]
    public void Staying_put_is_the_engines_answer_over_the_counted_rows()
    {
        // Former relevant with the staying put entitlement (batch --as-at 2020-03-31 lists it for 20 children),
        // aged 19 or 20 with a counted OC3 row: 574154 (open U2 episode at 18; V1), 868758 (U3; U2),
        // 733974 (U6; B1), 800819 (U2; V2); 518085 died (left out). None with former carers (Z).
        // Aged 18 in the year: every one missing from OC3 or died. So 0 of 0 and 0 of 4.
        var people = Run.Value.People.ToDictionary(p => p.Child);
        people["574154"]
            .Should().Match<YoungPerson>(p => p.LeftFosterCareAt18 && p.StayingPutBand == "19-20" && !p.StayingPut);
        Run.Value.People.Where(p => p.StayingPutBand == "19-20").Select(p => p.Child)
            .Should().BeEquivalentTo(["574154", "868758", "733974", "800819"]);
        Run.Value.Rows.Row("staying_put", "18", "staying_put")
            .Should().Match<IndicatorRow>(r => r.Count == 0 && r.Total == 0);
        Run.Value.Rows.Row("staying_put", "19-20", "staying_put")
            .Should().Match<IndicatorRow>(r => r.Count == 0 && r.Total == 4);
    }
}
