using System.CommandLine;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using LocalOffer.Batch.Synth;
using LocalOffer.Cli;
using LocalOffer.Cli.Commands;
using NodaTime;

namespace LocalOffer.Indicators.Tests;

/// <summary>The command end to end: its files, bad input (exit 2, nothing written), formula injection, XML.</summary>
public sealed class CommandTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static async Task<(int Code, string Err)> Cli(params string[] args)
    {
        var (o, e) = (new StringWriter(), new StringWriter());
        var code = await CliRunner.RunAsync(
            new RootCommand { IndicatorsCommand.Create() }, ["indicators", .. args], o, e);
        return (code, e.ToString());
    }

    private string[] Files(string oc3) =>
        ["--header", _dir.File("header.csv"), "--episodes", _dir.File("episodes.csv"), "--oc3", oc3,
            "--year-end", "2026-03-31"];

    [Fact]
    public async Task Writes_every_file_with_the_issues_columns()
    {
        SyntheticReturn.Write(_dir.Path, 800, 2, new LocalDate(2026, 3, 31));
        var (code, err) = await Cli([.. Files(_dir.File("oc3.csv")), "--la", "384", "--out", _dir.File("out")]);
        code.Should().Be(0, err);
        err.Should().Contain("OC3 rows read").And.Contain("cohort check: missing_oc3");
        foreach (var f in IndicatorsRunner.OutputFiles)
            File.Exists(Path.Combine(_dir.File("out"), f)).Should().BeTrue(f);
        File.ReadLines(Path.Combine(_dir.File("out"), "indicators.csv")).First().Should().StartWith(
            "indicator,age_band,category,count,total,percent,england_percent,region_percent,"
            + "statistical_neighbours_percent");
        File.ReadLines(Path.Combine(_dir.File("out"), "cohort-check.csv")).First().Should().Be("CHILD,finding,detail");
        Directory.GetDirectories(_dir.File("out")).Select(Path.GetFileName).Should().Equal("assets");

        using var xlsx = SpreadsheetDocument.Open(Path.Combine(_dir.File("out"), "indicators.xlsx"), false);
        var sheets = xlsx.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value).ToList();
        sheets.Should().Equal("Summary", "Young people");
        var people = (WorksheetPart)xlsx.WorkbookPart.GetPartById(
            xlsx.WorkbookPart.Workbook.Sheets!.Elements<Sheet>().Last().Id!);
        var csvFindings = File.ReadLines(Path.Combine(_dir.File("out"), "cohort-check.csv")).Count() - 1;
        var rows = people.Worksheet.Descendants<Row>().ToList();
        rows.Count.Should().BeGreaterThan(csvFindings, "every young person checked, with or without a finding");
        var strings = xlsx.WorkbookPart.SharedStringTablePart!.SharedStringTable.Elements<SharedStringItem>()
            .Select(i => i.InnerText).ToList();
        string Text(Cell c) =>
            c.DataType?.Value == CellValues.SharedString ? strings[int.Parse(c.InnerText)] : c.InnerText;
        rows[0].Elements<Cell>().Select(Text).Should().Equal(Output.IndicatorXlsx.PeopleColumns);
        var findings = rows.Skip(1).Select(r => r.Elements<Cell>().Select(Text).ToList())
            .Where(c => c[16].Length > 0).ToList();
        findings.Should().HaveCount(csvFindings).And.OnlyContain(c => c[17].Length > 0, "a finding has its detail");
    }

    [Fact]
    public async Task A_child_id_that_looks_like_a_formula_is_neutralised_in_the_csv()
    {
        _dir.Write("header.csv", "CHILD,DOB\n=HYPERLINK(\"x\"),01/06/2008\n+SUM(A1),01/06/2007\n");
        _dir.Write("episodes.csv", "CHILD,DECOM,LS,PLACE,DEC,REC\n=HYPERLINK(\"x\"),01/06/2022,C2,U4,01/06/2025,E5\n");
        _dir.Write("oc3.csv", "CHILD,DOB,IN_TOUCH,ACTIV,ACCOM\n+SUM(A1),01/06/2007,yes,F1,Z1\n");
        var (code, err) = await Cli([.. Files(_dir.File("oc3.csv")), "--out", _dir.File("out")]);
        code.Should().Be(0, err);
        var check = File.ReadAllText(Path.Combine(_dir.File("out"), "cohort-check.csv"));
        check.Should().Contain("\"'=HYPERLINK(\"\"x\"\")\",missing_oc3").And.Contain("'+SUM(A1),not_a_care_leaver");
        check.Should().NotContain("\n=").And.NotContain("\n+");
        File.ReadAllText(Path.Combine(_dir.File("out"), "index.html"))
            .Should().Contain("&#x3D;HYPERLINK(&quot;x&quot;)").And.NotContain("HYPERLINK(\"x\")");
    }

    [Fact]
    public async Task Bad_input_exits_2_and_writes_nothing()
    {
        SyntheticReturn.Write(_dir.Path, 200, 2, new LocalDate(2026, 3, 31));
        var oc3 = _dir.Write("bad-oc3.csv", "CHILD,DOB,ACTIV\n1,01/01/2006,F1\n");
        var (code, err) = await Cli([.. Files(oc3), "--out", _dir.File("out")]);
        (code, err)
            .Should().Match<(int, string)>(x => x.Item1 == 2 && x.Item2.Contains("missing column(s) IN_TOUCH, ACCOM"));
        Directory.Exists(_dir.File("out")).Should().BeFalse();

        (code, err) = await Cli([.. Files(_dir.File("oc3.csv")), "--la", "999", "--out", _dir.File("out")]);
        (code, err)
            .Should().Match<(int, string)>(x => x.Item1 == 2 && x.Item2.Contains("--la: '999' is not a council code"));

        // An input named like an output in the output folder is never overwritten.
        var clash = _dir.Write("indicators.csv", File.ReadAllText(_dir.File("oc3.csv")));
        (code, err) = await Cli([.. Files(clash), "--out", _dir.Path]);
        (code, err).Should().Match<(int, string)>(x => x.Item1 == 2 && x.Item2.Contains("is an input file"));
        File.ReadAllText(clash).Should().Be(File.ReadAllText(_dir.File("oc3.csv")));

        // --out names a file, not a folder.
        (code, err) = await Cli([.. Files(_dir.File("oc3.csv")), "--out", _dir.File("header.csv")]);
        (code, err).Should().Match<(int, string)>(x => x.Item1 == 2 && x.Item2.Contains("--out:"));

        (code, err) = await Cli(["--year-end", "2026-03-31", "--out", _dir.File("out")]);
        (code, err)
            .Should().Match<(int, string)>(x => x.Item1 == 2 && x.Item2.Contains("give --header and --episodes"));
        err.Should().NotContain("   at ");
    }

    [Fact]
    public void Oc3_rows_are_read_from_the_xml_export_and_checked_like_csv_rows()
    {
        var xml = _dir.Write("return.xml", """
            <?xml version="1.0" encoding="utf-8"?>
            <EXPSSDA903>
              <CHILD>
                <HEADER><CHILDID>A1</CHILDID><DOB>15/06/2005</DOB></HEADER>
                <EPISODE><DECOM>20/06/2018</DECOM><LS>C2</LS><PL>U4</PL><DEC>15/06/2023</DEC><REC>E17</REC></EPISODE>
                <OC3><IN_TOUCH>YES</IN_TOUCH><ACTIV>F2</ACTIV><ACCOM>Z1</ACCOM></OC3>
              </CHILD>
              <CHILD>
                <HEADER><CHILDID>B2</CHILDID><DOB>01/09/2006</DOB></HEADER>
                <OC3><IN_TOUCH>NO</IN_TOUCH><ACTIV>G5</ACTIV><ACCOM>S2</ACCOM></OC3>
              </CHILD>
              <CHILD>
                <HEADER><CHILDID>C3</CHILDID><DOB>01/09/2006</DOB></HEADER>
                <OC3><IN_TOUCH>PERHAPS</IN_TOUCH></OC3>
              </CHILD>
            </EXPSSDA903>
            """);
        var run = Fixture.Runner.Compute(
            new IndicatorOptions(null, [], null, [xml], new LocalDate(2024, 3, 31), null, _dir.File("out")));
        var a1 = run.People.Single(p => p.Child == "A1");
        (a1.Age, a1.Status, a1.Finding, a1.Activity, a1.Accommodation, a1.StayingPutBand, a1.StayingPut)
            .Should().Be((18, Core.Engine.Status.FormerRelevant, (string?)null, "eet", "suitable", "18", true));
        run.People.Single(p => p.Child == "B2").Finding.Should().Be(Findings.NotACareLeaver);
        run.Rejects.Should().ContainSingle().Which.Should()
            .Match<Batch.Input.Reject>(r => r.Child == "C3" && r.Field == "IN_TOUCH" && r.Line == 14);
        run.Rows.Row("staying_put", "18", "staying_put")
            .Should().Match<IndicatorRow>(r => r.Count == 1 && r.Total == 1);
        run.Rows.Row("activity", "17-18", "eet")
            .Should().Match<IndicatorRow>(r => r.Count == 1 && r.Total == 1 && r.Region == null);
    }

    [Fact]
    public void The_report_shows_the_first_findings_up_to_its_limit_and_says_where_the_rest_are()
    {
        var run = Fixture.Runner.Compute(new IndicatorOptions(Path.Combine(Fixture.FakeData, "header.csv"),
            [Path.Combine(Fixture.FakeData, "episodes.csv")], Path.Combine(Fixture.FakeData, "oc3.csv"), [],
            new LocalDate(2018, 3, 31), null, _dir.Path));
        var findings = run.People.Count(p => p.Finding is not null);
        var html = Output.IndicatorReport.Render(
            Offers.Render.TemplateSet.LoadDefault(), run, Fixture.Defs, Fixture.Dfe, null, cohortTableLimit: 10);
        html.Should().Contain($"The first 10 of {findings} findings are shown; all are in cohort-check.csv.");
        System.Text.RegularExpressions.Regex.Matches(html, "<td class=\"govuk-table__cell\">Not a care leaver</td>|"
            + "<td class=\"govuk-table__cell\">Died or returned home</td>|"
            + "<td class=\"govuk-table__cell\">Missing from OC3</td>")
            .Count.Should().Be(10);
        Output.IndicatorReport.CohortTableLimit.Should().Be(1000);
    }

    [Fact]
    public void The_spreadsheet_stops_at_its_row_limit_and_says_so()
    {
        var file = _dir.File("small.xlsx");
        var run = Fixture.Runner.Compute(new IndicatorOptions(
            Path.Combine(Fixture.FakeData, "header.csv"), [Path.Combine(Fixture.FakeData, "episodes.csv")],
            Path.Combine(Fixture.FakeData, "oc3.csv"), [], new LocalDate(2018, 3, 31), null, _dir.Path));
        Output.IndicatorXlsx.Write(file, run.Rows, run.People, "t", rowLimit: 11);
        using var xlsx = SpreadsheetDocument.Open(file, false);
        var parts = xlsx.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>()
            .Select(s => (WorksheetPart)xlsx.WorkbookPart.GetPartById(s.Id!)).ToList();
        parts[1].Worksheet.Descendants<Row>().Count().Should().Be(11);
        parts[0].Worksheet.InnerText.Should().Contain($"holds the first 10 of {run.People.Count} young people");
    }
}
