using LocalOffer.Indicators.Benchmarks;
using LocalOffer.Offers.Render;
using NodaTime;

namespace LocalOffer.Indicators.Tests;

/// <summary>
/// The command reads only the DfE figures its council's report uses (issue 30: England, the region, the
/// council and its statistical neighbours). Held to the whole tables: for every council in the model, and
/// for no council, the indicator rows (every benchmark and neighbour median) are the same; for some, the
/// whole page too; a figure of any other place is an error, not "not published".
/// </summary>
public sealed class OneCouncilTablesTests
{
    private static readonly LocalDate YearEnd = new(2026, 3, 31);

    [Fact]
    public void Every_councils_rows_are_those_of_the_whole_tables()
    {
        var people = Cohort();
        var whole = Fixture.Dfe;
        whole.Councils.Should().HaveCountGreaterThan(150);
        foreach (var code in whole.Councils.Keys.Append(null))
        {
            var one = DfeTables.Load(DfeTables.DefaultDirectory(), Fixture.Defs, onlyFor: code ?? "");
            var council = code is null ? null : whole.Councils[code];
            IndicatorTable.Build(people, Fixture.Defs, one, council)
                .Should().Equal(IndicatorTable.Build(people, Fixture.Defs, whole, council), code);
            foreach (var (indicator, _) in Fixture.Defs.Indicators)
                one.Years(indicator).Should().Equal(whole.Years(indicator));
            one.Councils.Should().BeEquivalentTo(whole.Councils);
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("384")]
    [InlineData("839")]
    [InlineData("201")]
    public void The_page_is_that_of_the_whole_tables(string? code)
    {
        var people = Cohort();
        var one = DfeTables.Load(DfeTables.DefaultDirectory(), Fixture.Defs, onlyFor: code ?? "");
        var whole = Fixture.Dfe;
        var council = code is null ? null : whole.Councils[code];
        var templates = new TemplateSet(TemplateSet.DefaultDirectory());
        string Page(DfeTables t)
        {
            var rows = IndicatorTable.Build(people, Fixture.Defs, t, council);
            var summary = new IndicatorSummary(people.Count, people.Count, people.Count, people.Count, 0, 0, 0, 0,
                Findings.All.ToDictionary(f => f, _ => 0), TimeSpan.Zero);
            return Output.IndicatorReport.Render(templates, new IndicatorRun(YearEnd, people, rows, [], summary),
                Fixture.Defs, t, council);
        }
        Page(one).Should().Be(Page(whole));
    }

    [Fact]
    public void A_figure_of_a_place_not_read_is_an_error()
    {
        var one = DfeTables.Load(DfeTables.DefaultDirectory(), Fixture.Defs, onlyFor: "384");
        var wakefield = one.Councils["384"];
        one.Figure("activity", Place.La("384"), 2025, "19-21", "eet").Should().NotBeNull();
        one.Figure("activity", Place.Region(wakefield.Region), 2025, "19-21", "eet").Should().NotBeNull();
        one.Figure("activity", Place.La(wakefield.Neighbours[0]), 2025, "19-21", "eet").Should().NotBeNull();
        var outside = one.Councils.Keys.First(k => k != "384" && !wakefield.Neighbours.Contains(k));
        ((Action)(() => one.Figure("activity", Place.La(outside), 2025, "19-21", "eet")))
            .Should().Throw<InvalidOperationException>();
        ((Action)(() => one.Figure("activity", Place.Region("London"), 2025, "19-21", "eet")))
            .Should().Throw<InvalidOperationException>();
        var none = DfeTables.Load(DfeTables.DefaultDirectory(), Fixture.Defs, onlyFor: "");
        none.Figure("activity", Place.England, 2025, "19-21", "eet").Should().NotBeNull();
        ((Action)(() => none.Figure("activity", Place.La("384"), 2025, "19-21", "eet")))
            .Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void A_runner_loaded_for_one_council_runs_for_no_other()
    {
        using var dir = new TempDir();
        var runner = IndicatorsRunner.LoadDefault(Fixture.Core, "384");
        var options = new IndicatorOptions(Path.Combine(Fixture.FakeData, "header.csv"),
            [Path.Combine(Fixture.FakeData, "episodes.csv")], Path.Combine(Fixture.FakeData, "oc3.csv"), [],
            new LocalDate(2018, 3, 31), "384", dir.Path);
        runner.Compute(options).Rows.Should().Equal(Fixture.Runner.Compute(options).Rows);
        ((Action)(() => runner.Compute(options with { La = "839" }))).Should().Throw<InvalidOperationException>();
        ((Action)(() => runner.Compute(options with { La = null }))).Should().Throw<InvalidOperationException>();
    }

    /// <summary>
    /// Young people in every band and category, so every row has a count and every benchmark is read.
    /// </summary>
    private static List<YoungPerson> Cohort()
    {
        string[] inTouch = ["in_touch", "not_in_touch", "refuses_contact", "no_longer_requires_services"];
        string[] activity = ["eet", "neet", "not_known"];
        string[] accommodation = ["suitable", "unsuitable", "no_information"];
        return Enumerable.Range(0, 300).Select(i => new YoungPerson($"C{i}", new LocalDate(2006, 1, 1), 17 + i % 5,
            new LocalDate(2025, 6, 1), i % 5 < 2 ? "17-18" : "19-21", Core.Engine.Status.FormerRelevant, true,
            new Input.Oc3Row("oc3.csv", i + 2, $"C{i}", 1, "01/01/2006", 2, "YES", 3, "F1", 4, "Z1", 5), null, "",
            inTouch[i % 4], activity[i % 3], accommodation[i % 3], i % 5 == 1 ? "18" : i % 5 is 2 or 3 ? "19-20" : null,
            i % 2 == 0, i % 4 == 0, null)).ToList();
    }
}

/// <summary>
/// The DfE tables and the templates load alongside the read, and the OC3 file is read alongside the episodes
/// (issue 30); when more than one thing is wrong, the problem reported is the one reported when each was
/// read in turn: the program's own files first, then the return, then the OC3 file.
/// </summary>
public sealed class LoadOrderTests
{
    [Fact]
    public void A_missing_table_is_reported_before_the_returns_problem()
    {
        using var dir = new TempDir();
        var tables = Directory.CreateDirectory(dir.File("tables")).FullName;
        File.Copy(Path.Combine(DfeTables.DefaultDirectory(), "sn_model_2025_wide.csv"),
            Path.Combine(tables, "sn_model_2025_wide.csv"));
        var runner = IndicatorsRunner.Load(Fixture.Core, "384", Fixture.Defs, tables, TemplateSet.DefaultDirectory());
        var options = new IndicatorOptions(dir.File("no-header.csv"), [dir.File("no-episodes.csv")],
            dir.File("no-oc3.csv"), [], new LocalDate(2018, 3, 31), "384", dir.File("out"));
        ((Action)(() => runner.Run(options))).Should().Throw<Core.Rules.RuleFileException>()
            .Which.Reason.Should().Contain("DfE table not found");
        ((Action)(() => runner.Compute(options))).Should().Throw<Core.Rules.RuleFileException>();
        Directory.Exists(dir.File("out")).Should().BeFalse();
    }

    [Fact]
    public void The_returns_problem_is_reported_before_the_oc3_files()
    {
        using var dir = new TempDir();
        dir.Write("header.csv", "CHILD,SEX\n1,1\n");
        dir.Write("episodes.csv",
            "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n");
        dir.Write("oc3.csv", "CHILD\n1\n");
        var options = new IndicatorOptions(dir.File("header.csv"), [dir.File("episodes.csv")], dir.File("oc3.csv"), [],
            new LocalDate(2018, 3, 31), null, dir.File("out"));
        ((Action)(() => Fixture.Runner.Compute(options))).Should().Throw<Batch.Input.UnreadableInputException>()
            .Which.Message.Should().Contain("header.csv").And.NotContain("oc3.csv");
        dir.Write("header.csv", "CHILD,DOB\n1,01/01/2001\n");
        ((Action)(() => Fixture.Runner.Compute(options))).Should().Throw<Batch.Input.UnreadableInputException>()
            .Which.Message.Should().Contain("oc3.csv");
    }
}
