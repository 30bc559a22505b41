using System.CommandLine;
using System.Diagnostics;
using LocalOffer.Cli;
using LocalOffer.Cli.Commands;
using LocalOffer.Core.Safety;

namespace LocalOffer.Batch.Tests;

/// <summary>
/// Issue 24, items 4 and 9 and the stale temporary files: every file goes through the one atomic
/// writer (<see cref="AtomicFile"/>) behind the output-path checks, so an output replaces only a
/// regular file or nothing (never a device or a FIFO), temporary names are unique (a link planted at
/// a fixed name is never followed), and a dead run's temporary files are cleaned up by the next.
/// </summary>
public sealed class OutputLayerTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Fifo(string name)
    {
        var path = _dir.File(name);
        using var p = Process.Start("mkfifo", [path]);
        p.WaitForExit();
        p.ExitCode.Should().Be(0);
        return path;
    }

    private string LinkToDevNull(string name)
    {
        var path = _dir.File(name);
        File.CreateSymbolicLink(path, "/dev/null");
        return path;
    }

    [Fact]
    public void The_atomic_writer_refuses_a_device_or_fifo_and_replaces_a_regular_file()
    {
        FileKind.Of("/dev/null").Should().Be(PathKind.Other);
        FileKind.Of(_dir.Path).Should().Be(PathKind.Folder);
        FileKind.Of(_dir.File("absent")).Should().Be(PathKind.Absent);
        foreach (var target in new[] { Fifo("pipe.csv"), LinkToDevNull("null.csv") })
        {
            var act = () => AtomicFile.WriteAllText(target, "results");
            act.Should().Throw<OutputPathException>().WithMessage("*not a regular file*");
            FileKind.Of(target).Should().Be(PathKind.Other, "left as it was");
        }
        Directory.GetFiles(_dir.Path, ".*.tmp").Should().BeEmpty();

        var regular = _dir.Write("out.csv", "old");
        FileKind.Of(regular).Should().Be(PathKind.Regular);
        AtomicFile.WriteAllText(regular, "new");
        File.ReadAllText(regular).Should().Be("new");
        AtomicFile.WriteAllText(_dir.File("fresh.csv"), "made");
        File.ReadAllText(_dir.File("fresh.csv")).Should().Be("made");
    }

    [Fact]
    public void The_output_path_check_refuses_a_device_or_fifo_before_any_work()
    {
        foreach (var target in new[] { Fifo("p.csv"), LinkToDevNull("n.csv") })
        {
            var act = () => OutputPaths.Check([("--out", target)], []);
            act.Should().Throw<OutputPathException>().WithMessage("--out *not a regular file*");
        }
        OutputPaths.Check([("--out", _dir.File("ok.csv"))], []);
    }

    [Fact]
    public void A_dead_runs_temporary_files_are_removed_by_the_next_write_and_a_live_ones_kept()
    {
        var stale = _dir.Write($".out.csv.{Guid.NewGuid():N}.tmp", "half a file");
        File.SetLastWriteTimeUtc(stale, DateTime.UtcNow - AtomicFile.StaleAfter - TimeSpan.FromMinutes(1));
        var live = _dir.Write($".out.csv.{Guid.NewGuid():N}.tmp", "a run writing now");
        var other = _dir.Write($".other.csv.{Guid.NewGuid():N}.tmp", "another target's");
        File.SetLastWriteTimeUtc(other, DateTime.UtcNow.AddDays(-1));

        AtomicFile.WriteAllText(_dir.File("out.csv"), "results");

        File.Exists(stale).Should().BeFalse();
        File.Exists(live).Should().BeTrue();
        File.Exists(other).Should().BeTrue("only the target's own temporary files are touched");
    }

    private static async Task<(int, string)> Caseload(params string[] args)
    {
        var (o, e) = (new StringWriter(), new StringWriter());
        var code = await CliRunner.RunAsync(new RootCommand { CaseloadCommand.Create() }, ["caseload", .. args], o, e);
        return (code, e.ToString());
    }

    private static readonly string Samples = Path.Combine(TestPaths.RepoRoot(), "samples", "young-people");

    [Fact]
    public async Task Caseload_never_follows_a_link_at_a_fixed_temporary_name_and_refuses_a_device()
    {
        var victim = _dir.Write("victim.txt", "keep me");
        var outPath = _dir.File("coming-up.csv");
        File.CreateSymbolicLink(outPath + ".tmp", victim);

        var (code, err) = await Caseload("--histories", Samples, "--as-at", "2026-11-22", "--out", outPath);

        code.Should().Be(0, err);
        File.ReadAllText(victim).Should().Be("keep me");
        File.ReadAllLines(outPath).Length.Should().BeGreaterThan(1);
        File.Exists(outPath + ".rejects.csv").Should().BeTrue();

        foreach (var device in new[] { LinkToDevNull("null.csv"), Fifo("fifo.csv") })
        {
            (code, err) = await Caseload("--histories", Samples, "--as-at", "2026-11-22", "--out", device);
            code.Should().Be(2);
            err.Should().Contain("not a regular file");
            FileKind.Of(device).Should().Be(PathKind.Other);
        }
    }

    [Fact]
    public async Task Two_caseload_runs_on_one_output_both_succeed()
    {
        var outPath = _dir.File("both.xlsx");
        var runs = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ =>
            Task.Run(() => Caseload("--histories", Samples, "--as-at", "2026-11-22", "--out", outPath))));
        runs.Should().OnlyContain(r => r.Item1 == 0);
        using var xlsx = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(outPath, false);
        Directory.GetFiles(_dir.Path, ".*.tmp").Should().BeEmpty();
    }
}
