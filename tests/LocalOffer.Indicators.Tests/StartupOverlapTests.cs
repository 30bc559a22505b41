using LocalOffer.Batch.Synth;
using LocalOffer.Core;
using LocalOffer.Core.Rules;
using LocalOffer.Indicators.Benchmarks;
using LocalOffer.Offers.Render;
using NodaTime;

namespace LocalOffer.Indicators.Tests;

/// <summary>
/// `indicators` reads its own files while the rules load, and writes cohort-check.csv and rejects.csv while the
/// indicators are counted (issue 30, round 5). What that must keep: the problem reported is the one reported when
/// each was read in turn (the rules', then the definitions' and the model's, then the DfE tables' or the
/// templates'); a DfE table missing still leaves no report folder; and the report is the same, byte for byte.
/// </summary>
public sealed class StartupOverlapTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static readonly LocalDate YearEnd = new(2026, 3, 31);

    private string NoTables()
    {
        var tables = Directory.CreateDirectory(_dir.File("tables")).FullName;
        File.Copy(Path.Combine(DfeTables.DefaultDirectory(), "sn_model_2025_wide.csv"),
            Path.Combine(tables, "sn_model_2025_wide.csv"));
        return tables;
    }

    [Fact]
    public void A_problem_with_the_rules_is_reported_before_one_with_the_definitions_or_the_tables()
    {
        var tables = Directory.CreateDirectory(_dir.File("empty")).FullName; // no model, no tables
        var act = () => IndicatorsRunner.LoadOverlapped(
            () => throw new RuleFileException("england.yaml", 3, 1, "the rules' problem"), "384",
            () => throw new RuleFileException("oc3.yaml", 1, 1, "the definitions' problem"), tables, _dir.File("none"));
        act.Should().Throw<RuleFileException>().Which.Message.Should().Contain("the rules' problem");
    }

    [Fact]
    public void A_problem_with_the_definitions_is_reported_before_one_with_the_model_or_the_tables()
    {
        var tables = Directory.CreateDirectory(_dir.File("empty")).FullName;
        var act = () => IndicatorsRunner.LoadOverlapped(() => Fixture.Core, "384",
            () => throw new RuleFileException("oc3.yaml", 1, 1, "the definitions' problem"), tables, _dir.File("none"));
        act.Should().Throw<RuleFileException>().Which.Message.Should().Contain("the definitions' problem");
    }

    [Fact]
    public void A_missing_table_is_reported_and_leaves_no_folder_when_the_return_is_good()
    {
        SyntheticReturn.Write(_dir.Path, 300, 3, YearEnd);
        var runner = IndicatorsRunner.LoadOverlapped(() => Fixture.Core, "384", () => Fixture.Defs, NoTables(),
            TemplateSet.DefaultDirectory());
        var report = _dir.File("report");
        var options = new IndicatorOptions(_dir.File("header.csv"), [_dir.File("episodes.csv")], _dir.File("oc3.csv"),
            [], YearEnd, "384", report);
        ((Action)(() => runner.Run(options))).Should().Throw<RuleFileException>()
            .Which.Reason.Should().Contain("DfE table not found");
        Directory.Exists(report).Should().BeFalse();
    }

    [Theory]
    [InlineData("384")]
    [InlineData(null)]
    public void The_report_is_the_one_made_loading_in_turn(string? la)
    {
        SyntheticReturn.Write(_dir.Path, 3000, 7, YearEnd);
        var inTurn = IndicatorsRunner.Load(Fixture.Core, la, Fixture.Defs, DfeTables.DefaultDirectory(),
            TemplateSet.DefaultDirectory());
        var overlapped = IndicatorsRunner.LoadOverlapped(() => Fixture.Core, la, () => Fixture.Defs,
            DfeTables.DefaultDirectory(), TemplateSet.DefaultDirectory());
        IndicatorOptions Options(string dir) => new(_dir.File("header.csv"), [_dir.File("episodes.csv")],
            _dir.File("oc3.csv"), [], YearEnd, la, _dir.File(dir));
        inTurn.Compute(Options("a")).Rows.Should().BeEquivalentTo(overlapped.Compute(Options("a")).Rows);
        overlapped.Run(Options("overlapped"));
        inTurn.Run(Options("in-turn"));
        foreach (var f in new[] { "indicators.csv", "cohort-check.csv", "index.html", "rejects.csv" })
            File.ReadAllBytes(_dir.File(Path.Combine("overlapped", f)))
                .Should().Equal(File.ReadAllBytes(_dir.File(Path.Combine("in-turn", f))), f);
        File.ReadAllLines(_dir.File(Path.Combine("overlapped", "rejects.csv"))).Length.Should().BeGreaterThan(1);
    }
}
