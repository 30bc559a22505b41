using NodaTime;

namespace LocalOffer.Indicators.Tests;

/// <summary>
/// Issue 29 on a small return written by hand, one young person per awkward case, collection year
/// 2025-26. Every expected count below was worked out by hand from the definitions in
/// docs/indicators.md, not from the code:
///   A  E3 (care transferred) at 16, no OC3 row            → care_transferred, not missing
///   B  E3 at 16, with an OC3 row (validator rule 1011)     → care_transferred, row left out
///   C  foster episode still open at the 18th birthday, Z1  → counted; staying put at 19 (engine's s.23CZA)
///   D  left foster care at 18 with E17, no OC3 row         → missing; not in the staying put total
///   E  ACCOM Q1 (no such code)                              → rejected (line 4, column 5); missing
///   F  ACTIV F3 (not a code from 2021-22)                   → rejected (line 5, column 4); missing
///   G  ACCOM G1 (gone abroad), H H2 (deported), R R1 (residence not known) → left out of suitability
///   N  IN_TOUCH NO with ACTIV F2 (known from a third party) → not in touch, and in education
///   S  left foster care at 18 with E17, aged 18, ACCOM Z2   → staying put at 18
/// Counted: S (17-18); C, G, H, R, N (19-21).
/// </summary>
public sealed class AwkwardCodesTests : IDisposable
{
    private static readonly LocalDate YearEnd = new(2026, 3, 31);
    private readonly TempDir _dir = new();
    private readonly IndicatorRun _run;

    public AwkwardCodesTests()
    {
        _dir.Write("header.csv", """
            CHILD,DOB
            A,15/06/2007
            B,01/05/2006
            C,01/09/2006
            D,10/10/2005
            E,02/02/2007
            F,20/01/2008
            G,07/07/2004
            H,04/04/2005
            R,12/12/2006
            N,03/03/2006
            S,11/11/2007

            """);
        _dir.Write("episodes.csv", """
            CHILD,DECOM,LS,PLACE,DEC,REC
            A,20/06/2020,C2,U4,10/01/2024,E3
            B,10/05/2019,C2,U4,01/01/2023,E3
            C,01/01/2020,C2,U4,,
            D,01/01/2019,C2,U4,10/10/2023,E17
            E,01/03/2020,C2,U4,02/02/2025,E5
            F,01/02/2021,C2,U4,01/06/2024,E5
            G,01/08/2017,C2,U4,07/07/2022,E5
            H,01/05/2018,C2,U4,04/04/2023,E5
            R,20/12/2019,C2,K2,12/12/2024,E5
            N,10/03/2019,C2,K2,03/03/2024,E5
            S,01/01/2021,C2,U4,11/11/2025,E17

            """);
        _dir.Write("oc3.csv", """
            CHILD,DOB,IN_TOUCH,ACTIV,ACCOM
            B,01/05/2006,YES,F1,Z1
            C,01/09/2006,YES,F4,Z1
            E,02/02/2007,NO,G5,Q1
            F,20/01/2008,YES,F3,U1
            G,07/07/2004,YES,F1,G1
            H,04/04/2005,NO,G4,H2
            R,12/12/2006,REFU,0,R1
            N,03/03/2006,NO,F2,B1
            S,11/11/2007,YES,P4,Z2

            """);
        _run = Fixture.Runner.Compute(new IndicatorOptions(_dir.File("header.csv"), [_dir.File("episodes.csv")],
            _dir.File("oc3.csv"), [], YearEnd, null, _dir.File("out")));
    }

    public void Dispose() => _dir.Dispose();

    private YoungPerson P(string child) => _run.People.Single(p => p.Child == child);

    private (int Count, int Total) Cell(string indicator, string band, string category)
    {
        var r = _run.Rows.Row(indicator, band, category);
        return (r.Count, r.Total);
    }

    [Fact]
    public void Point1_care_transferred_is_not_missing_and_its_row_is_left_out()
    {
        P("A").Should().Match<YoungPerson>(p => p.Finding == Findings.CareTransferred && p.Oc3 == null && !p.Counted);
        P("B").Should().Match<YoungPerson>(p => p.Finding == Findings.CareTransferred && p.Oc3 != null && !p.Counted);
        P("B").Detail.Should().Contain("rule 1011");
        _run.People.Where(p => p.Finding == Findings.MissingOc3).Select(p => p.Child).Should().Equal("D", "E", "F");
    }

    [Fact]
    public void Point2_staying_put_totals_only_young_people_whose_oc3_row_is_counted()
    {
        // 18: S (E17, Z2). 19-20: C (open foster episode, Z1) and H (H2); D (missing) and E (rejected) are not in it.
        Cell("staying_put", "18", "staying_put").Should().Be((1, 1));
        Cell("staying_put", "19-20", "staying_put").Should().Be((1, 2));
        P("D").StayingPutBand.Should().BeNull();
    }

    [Fact]
    public void Point3_a_foster_episode_open_at_18_is_the_engines_staying_put()
    {
        P("C").Should().Match<YoungPerson>(p => p.LeftFosterCareAt18 && p.StayingPut && p.StayingPutBand == "19-20");
        // The same call as batch: the staying put entitlement on the birthday.
        var history = Fixture.Core.Engine.Classify(P("C").DateOfBirth,
            [new Core.Model.EpisodeValue(new LocalDate(2020, 1, 1), null, "C2", "U4")], P("C").Birthday);
        history.EntitlementIds.Should().Contain(Core.Engine.EntitlementIds.StayingPut);
        P("R").LeftFosterCareAt18.Should().BeFalse("a children's home (K2) is not a foster placement");
    }

    [Fact]
    public void Point4_an_invalid_code_is_a_reject_naming_file_line_and_cell()
    {
        _run.Rejects.Select(r => (r.Line, r.Column, r.Field, r.Child)).Should().Equal(
            (4L, 5, "ACCOM", (string?)"E"), (5L, 4, "ACTIV", (string?)"F"));
        _run.Rejects[0].Reason.Should().StartWith("unknown ACCOM 'Q1': not a code of the SSDA903 guide for 2025-26");
        _run.Rejects[1].Reason.Should().StartWith("unknown ACTIV 'F3': not a code of the SSDA903 guide for 2025-26");
        _run.Rejects.Should().OnlyContain(r => r.File == _dir.File("oc3.csv"));
        var s = _run.Summary;
        (s.Oc3RowsRead, s.Oc3RowsCounted, s.Oc3RowsInFindings, s.Oc3RowsRejected).Should().Be((9, 6, 1, 2));
    }

    [Fact]
    public void Point5_dfe_totals_suitability_leaves_out_abroad_deported_and_not_known()
    {
        Cell("in_touch", "19-21", "in_touch").Should().Be((2, 5));
        Cell("in_touch", "19-21", "not_in_touch").Should().Be((2, 5));
        Cell("in_touch", "19-21", "refuses_contact").Should().Be((1, 5));
        Cell("activity", "19-21", "eet").Should().Be((3, 5), "C F4, G F1 and N F2 (known from a third party)");
        Cell("activity", "19-21", "neet").Should().Be((1, 5));
        Cell("activity", "19-21", "not_known").Should().Be((1, 5));
        Cell("accommodation", "19-21", "suitable")
            .Should().Be((2, 2), "G1, H2 and R1 are not in the suitability total");
        Cell("accommodation", "17-18", "unsuitable").Should().Be((1, 1));
        P("N").Should().Match<YoungPerson>(p => p.InTouch == "not_in_touch" && p.Activity == "eet");
    }

    [Fact]
    public void Point6_the_csv_says_what_each_benchmark_symbol_means()
    {
        var withCouncil = Fixture.Runner.Compute(new IndicatorOptions(_dir.File("header.csv"),
            [_dir.File("episodes.csv")], _dir.File("oc3.csv"), [], YearEnd, "384", _dir.File("out")));
        using var s = new MemoryStream();
        Output.IndicatorCsv.WriteIndicators(s, withCouncil.Rows, Fixture.Defs);
        var lines = System.Text.Encoding.UTF8.GetString(s.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].TrimEnd('\r').Should().Be("indicator,age_band,category,count,total,percent,england_percent,"
            + "region_percent,statistical_neighbours_percent,median_of_n,council_published_percent,benchmark_year,"
            + "suppressed");
        // England 2024, 17-18 refuses contact is published as k; Wakefield's neighbours median 35.5 at 17-18 NEET.
        var refuses = lines.Single(l => l.StartsWith("in_touch,17-18,refuses_contact,"));
        refuses.Should().Contain("England: below 0.5% but not none").And.NotContain(",k,");
        var neet = lines.Single(l => l.StartsWith("activity,17-18,neet,")).Split(',');
        (neet[8], neet[9]).Should().Be(("36", "10"), "the median of ten whole percentages 35.5, rounded half up");
        foreach (var l in lines.Skip(1))
            l.Split(',').Skip(5).Take(6).Should().OnlyContain(c => c.Length == 0 || c.All(char.IsAsciiDigit), l);
    }
}
