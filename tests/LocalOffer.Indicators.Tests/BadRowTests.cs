using NodaTime;

namespace LocalOffer.Indicators.Tests;

/// <summary>Every bad OC3 row is rejected with its file, line, field and reason; nothing is lost.</summary>
public sealed class BadRowTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Truncated_duplicate_mismatched_and_unknown_rows_are_rejected()
    {
        _dir.Write("header.csv", "CHILD,DOB\nA,15/06/2006\nB,15/06/2006\nC,01/01/2000\nD,15/06/2006\n");
        _dir.Write("episodes.csv", "CHILD,DECOM,LS,PLACE,DEC,REC\nA,20/06/2019,C2,U4,15/06/2024,E17\n"
            + "B,20/06/2019,C2,U4,15/10/2022,E5\n");
        _dir.Write("oc3.csv", string.Join('\n',
            "child,dob,in_touch,activ,accom",
            "A,15/06/2006,YES,F1,Z1",          // 2 counted
            "A,15/06/2006,NO,F1,Z1",           // 3 duplicate
            "B,2006-06-16,YES,F1,Z1",          // 4 DOB differs from the header
            "C,01/01/2000,YES,F1,Z1",          // 5 aged 26 at the year end
            "D",                               // 6 truncated: no IN_TOUCH
            "E,15/06/2006,YES,F1,Z1",          // 7 no header row
            ",15/06/2006,YES,F1,Z1",           // 8 no CHILD
            "D,31/02/2006,NREQ,F1,Z1",         // 9 not a date
            "") + "\n");
        var run = Fixture.Runner.Compute(new IndicatorOptions(
            _dir.File("header.csv"), [_dir.File("episodes.csv")], _dir.File("oc3.csv"), [],
            new LocalDate(2025, 3, 31), null, _dir.File("out")));
        run.Rejects.Select(r => (r.Line, r.Field)).Should().Equal(
            (3, "CHILD"), (4, "DOB"), (5, "DOB"), (6, "IN_TOUCH"), (7, "CHILD"), (8, "CHILD"), (9, "DOB"));
        run.Rejects.Select(r => r.Reason).Should().SatisfyRespectively(
            r => r.Should().Be("duplicate OC3 row: the same CHILD at line 2"),
            r => r.Should().Be("DOB 2006-06-16 differs from the header's 2006-06-15"),
            r => r.Should().StartWith("aged 25 at the end of the collection year"),
            r => r.Should().StartWith(
                "no IN_TOUCH (the SSDA903 guide for 2024-25 has DIED, NO, NREQ, REFU, RHOM, YES)"),
            r => r.Should().Be("no header row (or a rejected one) for this CHILD"),
            r => r.Should().Be("no CHILD id"),
            r => r.Should().StartWith("'31/02/2006' is not a date"));
        var s = run.Summary;
        (s.Oc3RowsRead, s.Oc3RowsCounted, s.Oc3RowsInFindings, s.Oc3RowsRejected).Should().Be((8, 1, 0, 7));
        // B is a relevant child on their 18th birthday whose only OC3 row was rejected: missing.
        run.People.Single(p => p.Child == "B").Finding.Should().Be(Findings.MissingOc3);
        run.Rows.Row("staying_put", "18", "staying_put")
            .Should().Match<IndicatorRow>(r => r.Count == 1 && r.Total == 1);
    }

    [Fact]
    public void A_far_year_end_rejects_every_row_as_out_of_the_age_range()
    {
        var run = Fixture.Runner.Compute(new IndicatorOptions(
            Path.Combine(Fixture.FakeData, "header.csv"), [Path.Combine(Fixture.FakeData, "episodes.csv")],
            Path.Combine(Fixture.FakeData, "oc3.csv"), [], new LocalDate(2999, 3, 31), null, _dir.File("out")));
        run.Summary.Oc3RowsRejected.Should().Be(53);
        run.People.Should().BeEmpty();
        run.Rows.Should().OnlyContain(r => r.Total == 0 && r.Percent == null);
    }
}

/// <summary>The definitions file fails loudly, naming file, line and column, like the other rule files.</summary>
public sealed class DefinitionFileTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("age_bands:\n  \"17-18\": [17, 18]\nunknown_key: 1\n", "oc3.yaml:3:1")]
    [InlineData("age_bands: [17\n", "oc3.yaml:")]
    [InlineData("description: nothing else\n", "are required")]
    public void A_broken_definitions_file_is_an_error_naming_where(string yaml, string expected)
    {
        var file = _dir.Write("oc3.yaml", yaml);
        var act = () => Definitions.IndicatorDefinitions.Load(file);
        act.Should().Throw<Core.Rules.RuleFileException>().Which.Message.Should().Contain(expected);
    }

    [Fact]
    public void The_shipped_definitions_map_every_category_to_a_dfe_breakdown()
    {
        var d = Fixture.Defs;
        foreach (var (indicator, categories) in d.Indicators)
            foreach (var c in categories) d.Benchmarks[indicator].Categories.Should().ContainKey(c, $"{indicator} {c}");
        // F3 is training or employment in the years whose guide has it (to 2020-21); rejected after.
        (d.ActivityCategory("F3"), d.ActivityCategory("G6"), d.ActivityCategory("0"), d.AccommodationCategory("Z1"),
                d.AccommodationCategory("0"), d.AccommodationCategory("R2"))
            .Should().Be(("eet", "neet", "not_known", "suitable", "no_information",
                Definitions.IndicatorDefinitions.LeftOutOfSuitability));
        d.Codes.For(new LocalDate(2021, 3, 31)).Activ.Should().Contain("F3").And.NotContain("F5");
        d.Codes.For(new LocalDate(2022, 3, 31)).Activ.Should().Contain("F5").And.NotContain("F3");
        d.Codes.For(new LocalDate(2026, 3, 31)).Accom
            .Should().NotContain(["S1", "X1", "Q1"]).And.Contain(["S2", "X2", "0"]);
    }
}
