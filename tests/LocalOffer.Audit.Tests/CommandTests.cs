using System.CommandLine;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using LocalOffer.Audit.Output;
using LocalOffer.Audit.Synth;
using LocalOffer.Cli;
using LocalOffer.Cli.Commands;

namespace LocalOffer.Audit.Tests;

/// <summary>
/// The command end to end on a synthetic return and its lists: every file written, the findings exactly
/// the errors synth made, the report escaped, the spreadsheet free of formulas, and bad use refused
/// (exit 2) with nothing written.
/// </summary>
public sealed class CommandTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static async Task<(int Code, string Err)> Cli(params string[] args)
    {
        var (o, e) = (new StringWriter(), new StringWriter());
        var root = new RootCommand { AuditCommand.Create(), SynthCommand.Create() };
        var code = await CliRunner.RunAsync(root, args, o, e);
        return (code, e.ToString());
    }

    private string[] Histories => ["--header", _dir.File("syn/header.csv"), "--episodes",
        _dir.File("syn/episodes.csv")];

    private async Task<string> Synth()
    {
        var (code, err) = await Cli("synth", "--children", "1500", "--seed", "4", "--out", _dir.File("syn"));
        code.Should().Be(0, err);
        return err;
    }

    [Theory]
    [InlineData("--annex-a", "list9.csv")]
    [InlineData("--ssd", "ssd_care_leavers.csv")]
    public async Task The_audit_of_a_synthetic_list_finds_exactly_the_errors_synth_made(string option, string file)
    {
        var made = await Synth();
        var (code, err) = await Cli(["audit", option, _dir.File("syn/" + file), .. Histories, "--as-at", "2026-03-31",
            "--la", "384", "--out", _dir.File("out")]);
        code.Should().Be(0, err);
        var counts = made[(made.IndexOf("on purpose: ", StringComparison.Ordinal) + 12)..].Trim();
        foreach (var pair in counts.Split(", ")) err.Should().Contain(pair);
        foreach (var f in AuditReportWriter.OutputFiles) File.Exists(_dir.File("out/" + f)).Should().BeTrue(f);
        File.Exists(_dir.File("out/assets/govuk-frontend.min.css")).Should().BeTrue();
        var lines = File.ReadAllLines(_dir.File("out/audit.csv"));
        lines[0].Should().Be("child,finding,recorded,computed,detail,provisions");
        lines.Skip(1).Should().OnlyContain(l => Findings.All.Any(f => l.Contains("," + f + ",")));
        File.ReadAllLines(_dir.File("out/rejects.csv")).Should().ContainSingle("no row is rejected: only a header");
    }

    [Fact]
    public async Task The_spreadsheet_has_every_sheet_and_every_finding_and_no_formula()
    {
        await Synth();
        var (code, err) = await Cli(["audit", "--annex-a", _dir.File("syn/list9.csv"), .. Histories, "--as-at",
            "2026-03-31",
            "--out", _dir.File("out")]);
        code.Should().Be(0, err);
        using var xlsx = SpreadsheetDocument.Open(_dir.File("out/audit.xlsx"), false);
        var book = xlsx.WorkbookPart!;
        var sheets = book.Workbook.Sheets!.Elements<Sheet>().ToList();
        sheets.Select(s => s.Name!.Value).Should().Equal(
            "Summary", "Findings", "Young people", "Categories", "Teams", "Advisers", "Indicators");
        var findings = (WorksheetPart)book.GetPartById(sheets[1].Id!);
        findings.Worksheet.Descendants<Row>().Count().Should().Be(File.ReadAllLines(_dir.File("out/audit.csv")).Length);
        book.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<CellFormula>()).Should().BeEmpty();
    }

    [Fact]
    public async Task Markup_and_formulas_in_a_list_are_escaped_in_the_report_and_neutralised_in_the_csv()
    {
        _dir.Write("header.csv", Fixture.Header);
        _dir.Write("episodes.csv", Fixture.Episodes);
        _dir.Write("list9.csv", Fixture.AnnexAColumns + "\n" + Fixture.Row("REL", "15/06/2008",
            "b) Former relevant child",
            team: "<script>alert(1)</script>", adviser: "=HYPERLINK(\"x\")") + "\n");
        var (code, err) = await Cli("audit", "--annex-a", _dir.File("list9.csv"), "--header", _dir.File("header.csv"),
            "--episodes", _dir.File("episodes.csv"), "--as-at", "2026-03-31", "--out", _dir.File("out"));
        code.Should().Be(0, err);
        var html = File.ReadAllText(_dir.File("out/index.html"));
        html.Should().NotContain("<script>").And.Contain("&lt;script&gt;alert(1)&lt;/script&gt;");
        using var xlsx = SpreadsheetDocument.Open(_dir.File("out/audit.xlsx"), false);
        xlsx.WorkbookPart!.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<CellFormula>()).Should().BeEmpty();
        var csv = File.ReadAllText(_dir.File("out/audit.csv"));
        csv.Should().Contain("REL,category_differs,former_relevant,relevant,");
    }

    [Fact]
    public async Task Bad_use_is_exit_2_with_nothing_written()
    {
        await Synth();
        var list = _dir.File("syn/list9.csv");
        (await Cli(["audit", .. Histories, "--as-at", "2026-03-31", "--out", _dir.File("a")])).Code.Should().Be(2);
        (await Cli(["audit", "--annex-a", list, "--ssd", list, .. Histories, "--as-at", "2026-03-31", "--out",
            _dir.File("b")]))
            .Code.Should().Be(2);
        (await Cli("audit", "--annex-a", list, "--as-at", "2026-03-31", "--out", _dir.File("c"))).Code.Should().Be(2);
        (await Cli(["audit", "--annex-a", list, .. Histories, "--as-at", "2026-03-31", "--la", "999", "--out",
            _dir.File("d")]))
            .Err.Should().Contain("--la: '999' is not a council code");
        // The list given as the list's own output, and a folder holding other files.
        var (code, err) = await Cli(["audit", "--annex-a", list, .. Histories, "--as-at", "2026-03-31", "--out",
            _dir.File("syn")]);
        code.Should().Be(2);
        err.Should().Contain("holds other files");
        _dir.Write("syn/audit.csv", "precious\n");
        (code, err) = await Cli(["audit", "--annex-a", _dir.File("syn/audit.csv"), .. Histories, "--as-at",
            "2026-03-31",
            "--out", _dir.File("syn"), "--force"]);
        code.Should().Be(2);
        err.Should().Contain("is an input file");
        File.ReadAllText(_dir.File("syn/audit.csv")).Should().Be("precious\n");
        foreach (var d in new[] { "a", "b", "c", "d" }) Directory.Exists(_dir.File(d)).Should().BeFalse(d);
    }

    [Fact]
    public async Task A_list_that_cannot_be_read_leaves_an_earlier_report_as_it_was()
    {
        await Synth();
        string[] args = ["audit", "--annex-a", _dir.File("syn/list9.csv"), .. Histories, "--as-at", "2026-03-31",
            "--out", _dir.File("out")];
        (await Cli(args)).Code.Should().Be(0);
        var before = File.ReadAllText(_dir.File("out/audit.csv"));
        _dir.Write("syn/list9.csv", "not,a,list\n");
        var (code, err) = await Cli(args);
        code.Should().Be(2);
        err.Should().Contain("missing column(s)");
        File.ReadAllText(_dir.File("out/audit.csv")).Should().Be(before);
        Directory.GetFiles(_dir.File("out"), "*.tmp").Should().BeEmpty();
    }

    [Fact]
    public async Task Synth_refuses_to_overwrite_a_list()
    {
        _dir.Write("syn/list9.csv", "precious\n");
        var (code, err) = await Cli("synth", "--children", "10", "--out", _dir.File("syn"));
        code.Should().Be(2);
        err.Should().Contain("list9.csv").And.Contain("refusing to overwrite");
        File.ReadAllText(_dir.File("syn/list9.csv")).Should().Be("precious\n");
        SyntheticLists.Files.Should().Contain("list9.csv");
    }
}
