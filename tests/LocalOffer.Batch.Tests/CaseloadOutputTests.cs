using System.Text;
using LocalOffer.Batch.Caseload;
using LocalOffer.Cli;
using LocalOffer.Core.Rules;
using NodaTime;

namespace LocalOffer.Batch.Tests;

/// <summary>The caseload's files: CSV cells that are not formulas, iCalendar escaping and folding, HTML escaping, the command.</summary>
public sealed class CaseloadOutputTests : IDisposable
{
    private readonly TempDir _dir = new();
    public void Dispose() => _dir.Dispose();

    private static CaseloadEvent Event(string child, string adviser, int days = 5, string changes = "status becomes X") =>
        new(child, new LocalDate(2010, 3, 10), CaseloadEventKind.Birthday18, "18th birthday", new LocalDate(2028, 3, 10), days, changes,
            [new LegalReference("Children Act 1989 s.105(1)", "https://www.legislation.gov.uk/ukpga/1989/41/section/105")], null,
            new CaseloadExtras(adviser, "North;,\\", new LocalDate(2027, 10, 1), null));

    [Theory]
    [InlineData("=1+2", "'=1+2")]
    [InlineData("+44", "'+44")]
    [InlineData("-SUM(A1)", "'-SUM(A1)")]
    [InlineData("@cmd", "'@cmd")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "'\rx")]
    [InlineData("Sam", "Sam")]
    [InlineData("", "")]
    public void Csv_cells_that_a_spreadsheet_would_run_are_neutralised(string cell, string expected) =>
        CaseloadCsvWriter.Neutralise(cell).Should().Be(expected);

    [Fact]
    public void Csv_neutralises_the_adviser_and_child_but_keeps_negative_days_a_number()
    {
        using var s = new MemoryStream();
        CaseloadCsvWriter.Write(s, [Event("=cmd|' /C calc'!A0", "@SUM(1)", days: -3)]);
        var text = Encoding.UTF8.GetString(s.ToArray());
        text.Should().Contain("'=cmd").And.Contain("'@SUM(1)").And.Contain(",-3,");
        text.Split('\n')[0].TrimEnd('\r').Should().Be(string.Join(",", CaseloadCsvWriter.Columns));
    }

    [Fact]
    public void Ics_escapes_text_folds_long_lines_and_ends_lines_with_crlf()
    {
        using var s = new MemoryStream();
        var longChanges = "an adult; status, becomes\nformer relevant " + new string('é', 120);
        CaseloadIcsWriter.Write(s, [Event("YP-1", "Sam", changes: longChanges)], Instant.FromUtc(2026, 11, 23, 9, 0),
            new LocalDate(2028, 3, 5), "Caseload: Sam");
        var bytes = s.ToArray();
        var text = Encoding.UTF8.GetString(bytes);
        text.Should().StartWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n").And.EndWith("END:VCALENDAR\r\n");
        text.Replace("\r\n", "").Should().NotContain("\n", "every line ends CRLF");
        foreach (var line in text.Split("\r\n")) Encoding.UTF8.GetByteCount(line).Should().BeLessThanOrEqualTo(75, line);
        var unfolded = text.Replace("\r\n ", "");
        unfolded.Should().Contain(@"DESCRIPTION:18th birthday\nan adult\; status\, becomes\nformer relevant éé");
        unfolded.Should().Contain("DTSTART;VALUE=DATE:20280310\r\nDTEND;VALUE=DATE:20280311");
        unfolded.Should().Contain("SUMMARY:YP-1: 18th birthday");
        new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes).Should().Be(text, "folding never splits a character");
    }

    // The command's page: templates/caseload/index through the same model as the web app's (issue 28).
    private static string Html(IReadOnlyList<CaseloadEvent> events, LocalDate asAt, IReadOnlyList<LocalOffer.Batch.Input.Reject>? rejects = null)
    {
        var o = new CaseloadOptions(null, [], [], null, null, asAt, 60, null, null);
        var r = new CaseloadResult(events, rejects ?? [], events.Select(e => e.Child).Distinct().Count(), 0, TimeSpan.Zero);
        var model = new { caseload = CaseloadPageModel.Build(r, o, int.MaxValue, 1_000, Instant.FromUtc(2026, 11, 23, 9, 0)) };
        return LocalOffer.Offers.Render.TemplateSet.LoadDefault().Render("caseload/index", model);
    }

    [Fact]
    public void Html_escapes_every_value_and_links_each_adviser_once()
    {
        var html = Html([Event("<script>alert(1)</script>", "<b>Sam</b>"), Event("B", "Jo")], new LocalDate(2028, 3, 1));
        html.Should().NotContain("<script>").And.NotContain("<b>Sam</b>");
        html.Should().Contain("&lt;script&gt;").And.Contain("href=\"#adviser-2\"").And.Contain("id=\"adviser-2\"");
        html.Should().Contain("scope=\"col\"").And.Contain("scope=\"row\"").And.NotContain("<script");
        System.Text.RegularExpressions.Regex.Matches(html, "<th scope=\"row\" class=\"govuk-table__header\">&lt;script").Count
            .Should().Be(1, "each item is listed once, in its adviser's section");
        html.Should().Contain(">Jo</a>").And.Contain("All advisers");
    }

    [Fact]
    public void Html_without_advisers_lists_overdue_first_then_each_week()
    {
        var html = Html([Event("A", "", days: -2), Event("B", "", days: 3)], new LocalDate(2028, 3, 12));
        html.IndexOf(">Overdue</caption>", StringComparison.Ordinal).Should().BeLessThan(html.IndexOf("Week beginning", StringComparison.Ordinal));
        html.Should().Contain("2 days overdue").And.NotContain("adviser-summary");
    }

    [Fact]
    public void Html_lists_rows_not_used_near_the_top_with_dates_in_words()
    {
        var reject = new LocalOffer.Batch.Input.Reject("caseload.csv", 6, 4, "LAST_REVIEW", "YP-1", "2099-01-01 is after the as-at date");
        var html = Html([Event("A", "Sam")], new LocalDate(2028, 3, 12), [reject]);
        html.Should().Contain("1 January 2099 is after the as-at date").And.NotContain("2099-01-01");
        html.IndexOf("id=\"rejects\"", StringComparison.Ordinal).Should().BeLessThan(html.IndexOf("adviser-summary", StringComparison.Ordinal));
    }

    [Fact]
    public void Xlsx_has_a_sheet_per_adviser_with_safe_names_and_no_formulas()
    {
        using var s = new MemoryStream();
        CaseloadXlsxWriter.Write(s, [Event("=1+1", "Sam/Smith [North]: a very long adviser name indeed"), Event("B", "Jo"), Event("C", "jo"),
            Event("D", "")]);
        s.Position = 0;
        using var doc = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(s, false);
        var names = doc.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Select(x => x.Name!.Value).ToList();
        names.Should().HaveCount(5).And.Contain("All").And.Contain("Summary");
        names.Should().OnlyContain(n => n!.Length <= CaseloadXlsxWriter.SheetNameLength && n.IndexOfAny(new[] { ':', '/', '[', ']' }) < 0);
        names.Should().OnlyHaveUniqueItems();
        var xml = string.Concat(doc.WorkbookPart.WorksheetParts.Select(p => new StreamReader(p.GetStream()).ReadToEnd()));
        xml.Should().NotContain("<f>").And.Contain("=1+1").And.Contain("<v>5</v>");
    }

    private static System.CommandLine.RootCommand Root() => new() { LocalOffer.Cli.Commands.CaseloadCommand.Create() };

    private string Histories()
    {
        var dir = Directory.CreateDirectory(_dir.File("histories")).FullName;
        foreach (var f in new[] { "eligible.json", "relevant.json", "former-relevant.json", "born-29-february.json" })
            File.Copy(Path.Combine(TestData.RepoRoot(), "samples", "young-people", f), Path.Combine(dir, f));
        File.WriteAllText(Path.Combine(dir, "broken.json"), "{ \"dateOfBirth\": \"2010-02-30\" }");
        return dir;
    }

    [Theory]
    [InlineData(".csv", "CHILD,due,days_left")]
    [InlineData(".ics", "BEGIN:VCALENDAR")]
    [InlineData(".xlsx", "PK")]
    [InlineData(".html", "<!DOCTYPE html>")]
    public async Task Command_writes_each_format_and_the_rejects(string ext, string start)
    {
        var caseload = _dir.Write("caseload.csv",
            "CHILD,clea_care_leaver_personal_advisor,team,clea_pathway_plan_review_date\nYP-0001,Sam,North,2026-01-01\nYP-RE-01,Jo,South,\nNOBODY,Sam,,\n,x,,\nYP-EL-01,Jo,,2099-01-01\n");
        var (o, e) = (new StringWriter(), new StringWriter());
        var outFile = _dir.File("out" + ext);
        (await CliRunner.RunAsync(Root(), ["caseload", "--histories", Histories(), "--caseload", caseload, "--as-at", "2026-11-22",
            "--within", "400d", "--out", outFile], o, e)).Should().Be(0, e.ToString());
        File.ReadAllText(outFile).Should().StartWith(start);
        if (ext == ".html") File.Exists(_dir.File("assets/localoffer.css")).Should().BeTrue("the page's stylesheet is beside it");
        var rejects = File.ReadAllLines(outFile + ".rejects.csv");
        rejects.Should().HaveCount(5, "header + broken.json + blank CHILD + date after as-at + CHILD with no history");
        rejects.Should().Contain(l => l.Contains("broken.json") && l.Contains("dateOfBirth"));
        rejects.Should().Contain(l => l.Contains(",5,1,CHILD,,CHILD is blank"));
        rejects.Should().Contain(l => l.Contains(",6,4,LAST_REVIEW,YP-EL-01,2099-01-01 is after the as-at date"));
        rejects.Should().Contain(l => l.Contains(",4,1,CHILD,NOBODY,no care history"));
        Directory.GetFiles(_dir.Path, "*.tmp").Should().BeEmpty();
        if (ext == ".csv") File.ReadAllText(outFile).Should().Contain("pathway-plan-review").And.Contain(",Sam,North,2026-01-01,");
    }

    [Fact]
    public async Task Command_filters_by_adviser()
    {
        var caseload = _dir.Write("caseload.csv", "CHILD,adviser\nYP-0001,Sam\nYP-RE-01,Jo\nYP-EL-01,Jo\n");
        var outFile = _dir.File("sam.csv");
        var (o, e) = (new StringWriter(), new StringWriter());
        (await CliRunner.RunAsync(Root(), ["caseload", "--histories", Histories(), "--caseload", caseload, "--as-at", "2026-11-22",
            "--within", "3000", "--adviser", "sam", "--out", outFile], o, e)).Should().Be(0, e.ToString());
        var rows = File.ReadAllLines(outFile).Skip(1).ToList();
        rows.Should().NotBeEmpty().And.OnlyContain(r => r.StartsWith("YP-0001,"));
    }

    [Theory]
    [InlineData("--within", "0d")]
    [InlineData("--within", "99999")]
    [InlineData("--as-at", "22/11/2026")]
    [InlineData("--as-at", "9999-01-01")]
    [InlineData("--out", "results.txt")]
    public async Task Bad_options_are_exit_2_with_a_message(string option, string value)
    {
        var (o, e) = (new StringWriter(), new StringWriter());
        string[] args = ["caseload", "--histories", Histories(), "--as-at", "2026-11-22", "--out", _dir.File("out.csv")];
        var i = Array.IndexOf(args, option);
        if (i >= 0) args[i + 1] = option == "--out" ? _dir.File(value) : value; else args = [.. args, option, value];
        (await CliRunner.RunAsync(Root(), args, o, e)).Should().Be(2);
        e.ToString().Should().NotContain("   at ", "no stack trace");
    }

    [Fact]
    public async Task Refuses_to_overwrite_an_input_and_needs_one_input()
    {
        var caseload = _dir.Write("caseload.csv", "CHILD\nYP-0001\n");
        var before = File.ReadAllText(caseload);
        var (o, e) = (new StringWriter(), new StringWriter());
        (await CliRunner.RunAsync(Root(), ["caseload", "--histories", Histories(), "--caseload", caseload, "--as-at", "2026-11-22",
            "--out", caseload], o, e)).Should().Be(2);
        e.ToString().Should().Contain("refusing to overwrite");
        File.ReadAllText(caseload).Should().Be(before);
        (await CliRunner.RunAsync(Root(), ["caseload", "--as-at", "2026-11-22", "--out", _dir.File("x.csv")], o, e)).Should().Be(2);
        (await CliRunner.RunAsync(Root(), ["caseload", "--histories", _dir.File("nowhere"), "--as-at", "2026-11-22", "--out", _dir.File("x.csv")], o, e))
            .Should().Be(2);
        File.Exists(_dir.File("x.csv")).Should().BeFalse();
    }

    [Fact]
    public async Task Ssda903_return_gives_a_caseload_with_the_batch_rejects()
    {
        var (o, e) = (new StringWriter(), new StringWriter());
        var outFile = _dir.File("fake.csv");
        (await CliRunner.RunAsync(Root(), ["caseload", "--header", Path.Combine(TestData.FakeData, "header.csv"),
            "--episodes", Path.Combine(TestData.FakeData, "episodes.csv"), "--as-at", "2018-03-31", "--within", "90", "--out", outFile], o, e))
            .Should().Be(0, e.ToString());
        e.ToString().Should().Contain("young people 2,675");
        File.ReadAllLines(outFile).Length.Should().BeGreaterThan(100);
        File.Exists(outFile + ".rejects.csv").Should().BeTrue();
    }
}
