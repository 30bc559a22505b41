using System.CommandLine;
using LocalOffer.Batch.Input;
using LocalOffer.Batch.Synth;
using LocalOffer.Cli;
using LocalOffer.Core;
using NodaTime;

namespace LocalOffer.Batch.Tests;

/// <summary>
/// Issue 24, low: `synth --year-end 1910-03-31` wrote children born in the 1880s, which its own
/// readers refuse (dates run from 1900). A year end that would do so is a usage error and nothing is
/// written; at the earliest year end allowed, every row written is read and used.
/// </summary>
public sealed class SynthDateTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static async Task<(int Code, string Err)> Synth(string dir, string yearEnd)
    {
        var (o, e) = (new StringWriter(), new StringWriter());
        var code = await CliRunner.RunAsync(new RootCommand { LocalOffer.Cli.Commands.SynthCommand.Create() },
            ["synth", "--children", "400", "--seed", "3", "--out", dir, "--year-end", yearEnd], o, e);
        return (code, e.ToString());
    }

    [Theory]
    [InlineData("1910-03-31")]
    [InlineData("1924-12-31")]
    [InlineData("1900-01-01")]
    public async Task A_year_end_whose_births_would_fall_before_1900_is_refused_and_nothing_written(string yearEnd)
    {
        var dir = _dir.File("old");
        var (code, err) = await Synth(dir, yearEnd);
        code.Should().Be(2, err);
        err.Should().Contain("--year-end").And.Contain("1925-01-01").And.NotContain("unexpected");
        (Directory.Exists(dir) ? Directory.GetFileSystemEntries(dir) : []).Should().BeEmpty();
    }

    [Fact]
    public async Task At_the_earliest_year_end_allowed_every_row_is_read_and_used()
    {
        var dir = _dir.File("earliest");
        var end = SyntheticReturn.EarliestYearEnd;
        var (code, err) = await Synth(dir, end.ToString("yyyy-MM-dd", null));
        code.Should().Be(0, err);
        var (summary, rejects) = new BatchRunner(SharedRules.Core).Run(new BatchOptions(
            Path.Combine(dir, "header.csv"), [Path.Combine(dir, "episodes.csv")], [], end, _dir.File("o.csv")));
        rejects.Should().BeEmpty();
        (summary.HeaderRowsRead, summary.RowsRejected).Should().Be((400, 0));
        var births = File.ReadLines(Path.Combine(dir, "header.csv")).Skip(1)
            .Select(l => Ssda903Date.TryParse(l.Split(',')[2], out var d) ? d : default).ToList();
        births.Should().OnlyContain(d => d >= new LocalDate(1900, 1, 1));
        births.Min().Should().BeLessThan(new LocalDate(1901, 1, 1), "the run reaches back to the limit");
    }

    [Fact]
    public void The_writer_itself_refuses_such_a_year_end()
    {
        var act = () => SyntheticReturn.Write(_dir.File("w"), 10, 1, new LocalDate(1910, 3, 31));
        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*1925-01-01*");
    }
}
