using System.Security.Cryptography;
using LocalOffer.Batch.Synth;
using LocalOffer.Cli;
using LocalOffer.Core;
using NodaTime;

namespace LocalOffer.Batch.Tests;

/// <summary>Synthetic returns are reproducible and realistic; the batch command end to end.</summary>
public sealed class SynthAndCommandTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static string Hash(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));

    [Fact]
    public void The_same_seed_writes_the_same_files_and_another_seed_does_not()
    {
        var end = new LocalDate(2026, 3, 31);
        SyntheticReturn.Write(Path.Combine(_dir.Path, "a"), 500, 42, end);
        SyntheticReturn.Write(Path.Combine(_dir.Path, "b"), 500, 42, end);
        SyntheticReturn.Write(Path.Combine(_dir.Path, "c"), 500, 43, end);
        Hash(Path.Combine(_dir.Path, "a", "episodes.csv")).Should().Be(Hash(Path.Combine(_dir.Path, "b", "episodes.csv")));
        Hash(Path.Combine(_dir.Path, "a", "episodes.csv")).Should().NotBe(Hash(Path.Combine(_dir.Path, "c", "episodes.csv")));
    }

    [Fact]
    public void Synthetic_children_cover_every_status_and_short_breaks_and_run_clean()
    {
        var end = new LocalDate(2026, 3, 31);
        var counts = SyntheticReturn.Write(_dir.Path, 3000, 1, end);
        counts.Episodes.Should().BeGreaterThan(3 * counts.Children);
        var text = File.ReadAllText(Path.Combine(_dir.Path, "episodes.csv"));
        foreach (var code in new[] { ",V3,", ",V4,", ",E17,", ",E11,", ",E45,", ",J1," }) text.Should().Contain(code);
        var results = new List<BatchResult>();
        var (summary, rejects) = new BatchRunner(SharedRules.Core).Run(
            new BatchOptions(Path.Combine(_dir.Path, "header.csv"), [Path.Combine(_dir.Path, "episodes.csv")], [], end, _dir.File("out.csv")), onResult: results.Add);
        rejects.Should().BeEmpty();
        summary.ByStatus.Where(kv => kv.Key != "not classified").Should().OnlyContain(kv => kv.Value > 0, "synthetic data reaches every status");
        summary.ByAge.Where(kv => kv.Key != "25 and over").Should().OnlyContain(kv => kv.Value > 0);
    }

    [Fact]
    public async Task Batch_command_writes_results_rejects_and_a_summary()
    {
        var (o, e) = (new StringWriter(), new StringWriter());
        var root = new System.CommandLine.RootCommand { LocalOffer.Cli.Commands.BatchCommand.Create() };
        var outFile = _dir.File("results.json");
        var code = await CliRunner.RunAsync(root, ["batch", "--header", Path.Combine(TestData.FakeData, "header.csv"),
            "--episodes", Path.Combine(TestData.FakeData, "episodes.csv"), "--as-at", "2018-03-31", "--out", outFile, "--format", "json",
            "--rejects", _dir.File("rejects.csv")], o, e);
        code.Should().Be(0, e.ToString());
        e.ToString().Should().Contain("rows read 7,725 (header 2,675, episodes 5,050) = used").And.Contain("by status:").And.Contain("elapsed");
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(outFile))!;
        json["children"]!.AsArray().Count.Should().Be(2675);
        File.ReadLines(_dir.File("rejects.csv")).First().Should().Be("file,line,column,field,CHILD,reason");
    }

    [Fact]
    public async Task Batch_history_writes_one_childs_document_that_check_reads_to_the_same_answer()
    {
        var root = new System.CommandLine.RootCommand { LocalOffer.Cli.Commands.BatchCommand.Create(), LocalOffer.Cli.Commands.CheckCommand.Create() };
        string[] inputs = ["--header", Path.Combine(TestData.FakeData, "header.csv"), "--episodes", Path.Combine(TestData.FakeData, "episodes.csv"),
            "--as-at", "2018-03-31"];
        var (o, e) = (new StringWriter(), new StringWriter());
        var results = _dir.File("results.json");
        (await CliRunner.RunAsync(root, ["batch", .. inputs, "--out", results, "--format", "json"], o, e)).Should().Be(0, e.ToString());
        // A child with a warning (an open episode with a reason ended): the hardest row to agree on.
        var row = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(results))!["children"]!.AsArray()
            .First(c => c!["warning"]?.GetValue<string>().Contains("has no end date") == true)!;
        var id = row["child"]!.GetValue<string>();
        var child = _dir.File("child.json");
        (await CliRunner.RunAsync(root, ["batch", .. inputs, "--history", id, "--out", child], o, e)).Should().Be(0, e.ToString());
        var (o2, e2) = (new StringWriter(), new StringWriter());
        (await CliRunner.RunAsync(root, ["check", child, "--as-at", "2018-03-31", "--format", "json"], o2, e2)).Should().Be(0, e2.ToString());
        var json = System.Text.Json.Nodes.JsonNode.Parse(o2.ToString())!;
        json["status"]!.GetValue<string>().Should().Be(row["status"]!.GetValue<string>());
        json["statusSince"]!.GetValue<string>().Should().Be(row["statusSince"]!.GetValue<string>());
        string.Join(BatchRunner.WarningSeparator, json["warnings"]!.AsArray().Select(w => w!.GetValue<string>()))
            .Should().Be(row["warning"]!.GetValue<string>());
        // An unknown child and an output over an input are refused with exit 2.
        (await CliRunner.RunAsync(root, ["batch", .. inputs, "--history", "no-such-child", "--out", child], o, e)).Should().Be(2);
        (await CliRunner.RunAsync(root, ["batch", .. inputs, "--history", id, "--out", Path.Combine(TestData.FakeData, "header.csv")], o, e))
            .Should().Be(2);
    }

    [Fact]
    public async Task Batch_command_refuses_a_utf16_file_with_exit_2()
    {
        var h = _dir.Write("h.csv", "CHILD,DOB\n", new System.Text.UnicodeEncoding(false, true));
        var (o, e) = (new StringWriter(), new StringWriter());
        var root = new System.CommandLine.RootCommand { LocalOffer.Cli.Commands.BatchCommand.Create() };
        var code = await CliRunner.RunAsync(root, ["batch", "--header", h, "--episodes", h, "--as-at", "2018-03-31", "--out", _dir.File("o.csv")], o, e);
        code.Should().Be(2);
        e.ToString().Should().Contain("UTF-16");
    }

    [Fact]
    public void Regional_extract_with_iso_dates_and_several_years_runs()
    {
        var (summary, rejects) = new BatchRunner(SharedRules.Core).Run(new BatchOptions(
            Path.Combine(TestData.RegionalData, "header.csv"), [Path.Combine(TestData.RegionalData, "episodes.csv")], [], new LocalDate(2022, 3, 31), _dir.File("o.csv")));
        summary.RowsRead.Should().Be(1304 + 3737);
        summary.RowsRead.Should().Be(summary.RowsUsed + summary.RowsRejected);
        summary.EpisodeRowsMerged.Should().BeGreaterThan(0, "open episodes repeat across the YEARs of the extract");
        rejects.Should().OnlyContain(r => r.Line > 1 && r.Reason.Length > 0);
    }
}
