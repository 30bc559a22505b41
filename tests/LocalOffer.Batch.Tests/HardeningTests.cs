using System.CommandLine;
using LocalOffer.Batch.Input;
using LocalOffer.Cli;
using LocalOffer.Core;
using NodaTime;

namespace LocalOffer.Batch.Tests;

/// <summary>
/// Issue 9, one test per class found by the attack on batch and synth: nothing lost (stray quotes,
/// outputs over inputs, Latin-1, key collisions, YEAR, duplicate headers, nested XML), nothing
/// injected (formulas, control characters), sane caps. Each failed on the code before the fix.
/// </summary>
public sealed class HardeningTests : IDisposable
{
    private static readonly RulesCore Core = SharedRules.Core;
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private const string EpisodesHeader = "CHILD,DECOM,LS,PLACE,DEC,REC\n";

    private (BatchSummary Summary, IReadOnlyList<Reject> Rejects, List<BatchResult> Results) Run(string header, string episodes, string asAt = "2018-03-31")
    {
        var h = _dir.Write("header.csv", header);
        var e = _dir.Write("episodes.csv", episodes);
        var results = new List<BatchResult>();
        var (summary, rejects) = new BatchRunner(Core).Run(
            new BatchOptions(h, [e], [], NodaTime.Text.LocalDatePattern.Iso.Parse(asAt).Value, _dir.File("out.csv"), "csv", _dir.File("rejects.csv")),
            onResult: results.Add);
        return (summary, rejects, results);
    }

    private static async Task<(int Code, string Out, string Err)> Cli(params string[] args)
    {
        var (o, e) = (new StringWriter(), new StringWriter());
        var root = new RootCommand { LocalOffer.Cli.Commands.BatchCommand.Create(), LocalOffer.Cli.Commands.SynthCommand.Create() };
        var code = await CliRunner.RunAsync(root, args, o, e);
        return (code, o.ToString(), e.ToString());
    }

    [Fact]
    public void A_child_born_after_the_date_gets_a_whole_row_and_the_run_goes_on()
    {
        // The row of a child not classified once had one field too few, and the CSV writer's check
        // of the field count then stopped the whole run (found by the fuzz test, issue 14's session).
        var h = _dir.Write("header.csv", "CHILD,DOB\n1,01/01/2002\n2,01/01/2019\n3,01/01/2004\n");
        var e = _dir.Write("episodes.csv", EpisodesHeader + "1,01/01/2017,C2,U4,,\n");
        var options = new BatchOptions(h, [e], [], new LocalDate(2018, 3, 31), _dir.File("out.csv"), "csv",
            _dir.File("rejects.csv"));
        var (summary, _) = new BatchRunner(Core).Run(options);
        summary.Children.Should().Be(3);
        var lines = File.ReadAllLines(options.Out);
        lines.Should().HaveCount(4);
        lines.Should().OnlyContain(l => l.Split(',').Length == LocalOffer.Batch.Output.ResultCsvWriter.Columns.Length);
        lines[2].Should().Be("2,2019-01-01,,,,,,,,,,born after the as-at date: not classified");
    }

    [Fact]
    public void A_stray_quote_rejects_only_its_row_and_the_next_line_is_read()
    {
        var header = "CHILD,DOB\n1,01/01/2002\n\"2,01/01/2003\n3,01/01/2004\n4,01/01/2005\n";
        var (summary, rejects, results) = Run(header, EpisodesHeader + "1,01/01/2017,C2,U4,,\n3,\"01/01/2017\"x,C2,U4,,\n4,01/01/2017,C2,U4,,\n");
        results.Select(r => r.Child).Should().Equal("1", "3", "4");
        var quote = rejects.Where(r => r.Reason.Contains("malformed quoting")).ToList();
        quote.Should().HaveCount(2);
        quote[0].Should().Match<Reject>(r => r.File.EndsWith("header.csv") && r.Line == 3 && r.Column == 1);
        quote[1].Should().Match<Reject>(r => r.File.EndsWith("episodes.csv") && r.Line == 3 && r.Column == 2);
        summary.RowsRead.Should().Be(4 + 3);
        summary.RowsRead.Should().Be(summary.RowsUsed + summary.RowsRejected);
        rejects.Should().OnlyContain(r => r.Reason.Length <= 240);
    }

    [Fact]
    public void A_quote_inside_an_unquoted_field_is_kept_as_text_as_a_spreadsheet_reads_it()
    {
        var (summary, rejects, results) = Run("CHILD,DOB\nO\"Brien,01/01/2002\n2,01/01/2003\n", EpisodesHeader);
        results.Select(r => r.Child).Should().Equal("O\"Brien", "2");
        rejects.Should().BeEmpty();
        summary.HeaderRowsRead.Should().Be(2);
    }

    [Fact]
    public void A_reject_quotes_at_most_a_short_piece_of_a_huge_field()
    {
        var (_, rejects, _) = Run("CHILD,DOB\n1,01/01/2002\n", EpisodesHeader + "1," + new string('9', 100_000) + ",C2,U4,,\n");
        rejects.Single().Reason.Length.Should().BeLessThan(240);
    }

    [Fact]
    public async Task Outputs_equal_to_an_input_or_to_each_other_are_refused_before_reading()
    {
        var h = _dir.Write("h.csv", "CHILD,DOB\n1,01/01/2002\n");
        var e = _dir.Write("e.csv", EpisodesHeader);
        var before = File.ReadAllText(e);
        foreach (var args in new[]
        {
            new[] { "--out", e },
            ["--out", _dir.File("o.csv"), "--rejects", h],
            ["--out", _dir.File("o.csv"), "--rejects", _dir.File("o.csv")],
            ["--out", _dir.Path],
            ["--out", Path.Combine(_dir.Path, "missing", "o.csv")],
        })
        {
            var (code, _, err) = await Cli(["batch", "--header", h, "--episodes", e, "--as-at", "2018-03-31", .. args]);
            code.Should().Be(2, string.Join(' ', args));
            err.Should().StartWith("error: ").And.NotContain("   at ");
        }
        File.ReadAllText(e).Should().Be(before);
        File.ReadAllText(h).Should().Be("CHILD,DOB\n1,01/01/2002\n");
    }

    [Fact]
    public async Task A_link_to_an_input_is_the_input()
    {
        var e = _dir.Write("e.csv", EpisodesHeader);
        var h = _dir.Write("h.csv", "CHILD,DOB\n1,01/01/2002\n");
        File.CreateSymbolicLink(_dir.File("link.csv"), e);
        var (code, _, _) = await Cli("batch", "--header", h, "--episodes", e, "--as-at", "2018-03-31", "--out", _dir.File("link.csv"));
        code.Should().Be(2);
        File.ReadAllText(e).Should().Be(EpisodesHeader);
    }

    [Fact]
    public void A_failed_run_leaves_no_results_file_and_keeps_an_old_one()
    {
        var h = _dir.Write("h.csv", "CHILD,DOB\n1,01/01/2002\n");
        var e = _dir.Write("e.csv", EpisodesHeader + "1,01/01/2017,C2,U4,,\n");
        var old = _dir.Write("o.csv", "old results\n");
        var runner = new BatchRunner(Core);
        var act = () => runner.Run(new BatchOptions(h, [e], [], new LocalDate(2018, 3, 31), old, "csv", _dir.File("r.csv")),
            onResult: _ => throw new IOException("disk full (simulated)"));
        act.Should().Throw<IOException>();
        File.ReadAllText(old).Should().Be("old results\n");
        File.Exists(_dir.File("r.csv")).Should().BeFalse();
        Directory.GetFiles(_dir.Path, "*.tmp").Should().BeEmpty();
    }

    [Fact]
    public async Task Latin1_text_is_refused_with_exit_2_not_merged()
    {
        var latin1 = System.Text.Encoding.Latin1;
        var h = _dir.Write("h.csv", "CHILD,DOB\nZoé,01/01/2002\nZoë,01/01/2003\n", latin1);
        var e = _dir.Write("e.csv", EpisodesHeader);
        var (code, _, err) = await Cli("batch", "--header", h, "--episodes", e, "--as-at", "2018-03-31", "--out", _dir.File("o.csv"));
        code.Should().Be(2);
        err.Should().Contain("not UTF-8").And.Contain("h.csv");
        File.Exists(_dir.File("o.csv")).Should().BeFalse();
    }

    [Fact]
    public void Invalid_utf8_is_found_wherever_it_falls_across_reads()
    {
        var good = System.Text.Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("Zoé 😀 ", 30_000)));
        using (var s = new Core.Safety.Utf8CheckingStream(new MemoryStream(good))) s.CopyTo(Stream.Null, 7);
        var bad = good.ToArray();
        bad[^5] = 0xFF;
        var act = () => { using var s = new Core.Safety.Utf8CheckingStream(new MemoryStream(bad)); s.CopyTo(Stream.Null, 7); };
        act.Should().Throw<Core.Safety.InvalidUtf8Exception>();
        var truncated = good[..^1]; // the last emoji cut short
        var cut = () => { using var s = new Core.Safety.Utf8CheckingStream(new MemoryStream(truncated[..^2])); s.CopyTo(Stream.Null, 4096); };
        cut.Should().Throw<Core.Safety.InvalidUtf8Exception>();
    }

    [Fact]
    public void LA_and_CHILD_keys_cannot_collide()
    {
        var (summary, rejects, results) = Run("LA,CHILD,DOB\nA,B/C,01/01/2002\nA/B,C,01/01/2003\n", "LA," + EpisodesHeader);
        results.Select(r => r.Child).Should().Equal("A/B/C");
        rejects.Should().ContainSingle(r => r.Line == 3 && r.Field == "LA");
        summary.RowsRead.Should().Be(summary.RowsUsed + summary.RowsRejected);
    }

    [Fact]
    public void YEAR_is_a_whole_number_in_range_or_the_row_is_rejected()
    {
        var (summary, rejects, _) = Run("CHILD,DOB\n1,01/01/2002\n",
            "YEAR," + EpisodesHeader + "2017,1,01/01/2017,C2,U4,,\n2017x,1,01/02/2017,C2,U4,,\n67553,1,01/01/2017,C2,U4,,\n");
        rejects.Where(r => r.Field == "YEAR").Select(r => r.Line).Should().Equal(3, 4);
        summary.EpisodeRowsMerged.Should().Be(0, "YEAR 67553 is not 2017 + 65536");
    }

    [Fact]
    public void An_identical_duplicate_header_row_is_rejected()
    {
        var (summary, rejects, results) = Run("CHILD,DOB\n1,01/01/2002\n1,01/01/2002\n", EpisodesHeader);
        rejects.Should().ContainSingle(r => r.Line == 3 && r.Reason.Contains("duplicate header row"));
        results.Should().ContainSingle();
        summary.HeaderRowsMerged.Should().Be(0);
    }

    [Fact]
    public void An_element_nested_in_an_XML_value_rejects_the_row()
    {
        var x = _dir.Write("x.xml", """
            <EXPSSDA903><CHILD><HEADER><CHILDID>1</CHILDID><DOB>01/01/2002</DOB></HEADER>
            <EPISODE><DECOM>01/01/2017<B>x</B></DECOM><LS>C2</LS><PL>U4</PL></EPISODE>
            <EPISODE><DECOM>01/01/2016</DECOM><LS>C2</LS><PL>U4</PL><DEC>01/06/2016</DEC><REC>E4A</REC><AREVIEW><X>1</X></AREVIEW></EPISODE>
            </CHILD></EXPSSDA903>
            """);
        var (summary, rejects) = new BatchRunner(Core).Run(new BatchOptions(null, [], [x], new LocalDate(2018, 3, 31), _dir.File("o.csv")));
        rejects.Should().ContainSingle(r => r.Line == 2 && r.Reason.Contains("DECOM holds elements"));
        summary.EpisodeRowsRead.Should().Be(2);
        summary.RowsRead.Should().Be(summary.RowsUsed + summary.RowsRejected);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")")]
    [InlineData("+cmd")]
    [InlineData("@SUM(A1)")]
    [InlineData("-2+3")]
    public void Formula_cells_are_neutralised_in_results_and_rejects(string id)
    {
        var csvId = "\"" + id.Replace("\"", "\"\"") + "\"";
        Run($"CHILD,DOB\n{csvId},01/01/2002\n", EpisodesHeader + $"{csvId},01/01/2017,Q9,U4,,\n");
        var results = File.ReadAllLines(_dir.File("out.csv"));
        var rejects = File.ReadAllLines(_dir.File("rejects.csv"));
        results[1].Should().NotStartWith(id[..1]).And.Contain("'" + id[..1]);
        rejects[1].Split(',')[4].TrimStart('"').Should().StartWith("'");
    }

    [Fact]
    public void Control_characters_never_reach_the_rejects_or_the_terminal()
    {
        var (_, rejects, _) = Run("CHILD,DOB\n1,01/01/2002\n", EpisodesHeader + "1,\u001b[2J\u001b]0;pwned\u0007,C2,U4,,\n");
        rejects.Single().Reason.Should().NotContain("\u001b").And.NotContain("\u0007");
    }

    [Fact]
    public async Task Far_dates_are_refused_not_crashed_on()
    {
        var h = _dir.Write("h.csv", "CHILD,DOB\n1,31/12/9999\n2,01/01/2002\n");
        var e = _dir.Write("e.csv", EpisodesHeader + "2,01/01/9998,C2,U4,,\n");
        var (code, _, err) = await Cli("batch", "--header", h, "--episodes", e, "--as-at", "9999-12-31", "--out", _dir.File("o.csv"));
        code.Should().Be(2);
        err.Should().Contain("1900-01-01 to 2199-12-31");
        (code, _, err) = await Cli("batch", "--header", h, "--episodes", e, "--as-at", "2018-03-31", "--out", _dir.File("o.csv"));
        code.Should().Be(0, err);
        File.ReadAllText(_dir.File("o.csv.rejects.csv")).Should().Contain("'31/12/9999' is not a date");
    }

    [Fact]
    public async Task Synth_refuses_to_overwrite_and_caps_children()
    {
        var existing = _dir.Write("header.csv", "precious\n");
        var (code, _, err) = await Cli("synth", "--children", "10", "--out", _dir.Path);
        code.Should().Be(2);
        err.Should().Contain("refusing to overwrite");
        File.ReadAllText(existing).Should().Be("precious\n");
        (code, _, _) = await Cli("synth", "--children", "2000000000", "--out", _dir.File("new"));
        code.Should().Be(2);
        Directory.Exists(_dir.File("new")).Should().BeFalse();
    }

    [Fact]
    public async Task A_fifo_is_refused_not_waited_on()
    {
        var fifo = _dir.File("fifo.csv");
        using (var p = System.Diagnostics.Process.Start("mkfifo", fifo)) p.WaitForExit();
        var e = _dir.Write("e.csv", EpisodesHeader);
        var run = Cli("batch", "--header", fifo, "--episodes", e, "--as-at", "2018-03-31", "--out", _dir.File("o.csv"));
        (await Task.WhenAny(run, Task.Delay(10_000))).Should().Be(run, "a FIFO must not hang the run");
        (await run).Code.Should().Be(2);
    }
}
