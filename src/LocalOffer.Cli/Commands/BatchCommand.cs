using System.CommandLine;
using LocalOffer.Batch;
using LocalOffer.Batch.Input;
using Spectre.Console;

namespace LocalOffer.Cli.Commands;

/// <summary>
/// `localoffer batch --header h.csv --episodes e.csv... | --xml f.xml... --as-at D --out results.csv
/// [--format csv|json] [--rejects rejects.csv]`: a whole cohort from SSDA903 returns. Episodes files
/// are given oldest return first: for the same CHILD and DECOM, the later file wins.
/// </summary>
public static class BatchCommand
{
    public static Command Create()
    {
        var header = new Option<FileInfo?>("--header") { Description = "SSDA903 header.csv (CHILD, DOB, ...)" };
        var episodes = new Option<FileInfo[]>("--episodes") { Description = "SSDA903 episodes.csv files, oldest return first", AllowMultipleArgumentsPerToken = true };
        var xml = new Option<FileInfo[]>("--xml") { Description = "SSDA903 XML export files, oldest first", AllowMultipleArgumentsPerToken = true };
        var asAt = CliOptions.AsAt(required: true);
        var output = new Option<FileInfo>("--out") { Description = "Results file", Required = true };
        var format = new Option<string>("--format") { Description = "csv or json", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "json");
        var rejects = new Option<FileInfo?>("--rejects") { Description = "Rejects file (default: <out>.rejects.csv)" };
        var history = new Option<string?>("--history")
        {
            Description = "Write this CHILD's care history (the JSON document `check` reads) to --out instead of classifying",
        };
        var cmd = new Command("batch", "Classify a whole cohort from SSDA903 return files") { header, episodes, xml, asAt, output, format, rejects, history };
        cmd.SetAction(parse =>
        {
            var err = parse.InvocationConfiguration.Error;
            var eps = parse.GetValue(episodes) ?? [];
            var xs = parse.GetValue(xml) ?? [];
            var h = parse.GetValue(header);
            if (xs.Length == 0 && (h is null || eps.Length == 0))
                throw new CliUsageException("give --header and --episodes (CSV), or --xml");
            var outFile = parse.GetValue(output)!.FullName;
            var options = new BatchOptions(h?.FullName, eps.Select(f => f.FullName).ToList(), xs.Select(f => f.FullName).ToList(),
                parse.GetValue(asAt), outFile, parse.GetValue(format)!, parse.GetValue(rejects)?.FullName ?? outFile + ".rejects.csv");
            var runner = new BatchRunner(CliHost.Core);
            if (parse.GetValue(history) is { } child) return WriteHistory(runner, options, child, err);
            BatchSummary summary;
            try
            {
                summary = ReferenceEquals(err, Console.Error) && !Console.IsErrorRedirected
                    ? RunWithProgressBar(runner, options)
                    : runner.Run(options, new PlainProgress(err)).Summary;
            }
            catch (UnreadableInputException e)
            {
                throw new CliUsageException(e.Message);
            }
            BatchSummaryText.Write(err, summary, options);
            return CliRunner.Ok;
        });
        return cmd;
    }

    /// <summary>One child's history as a care history document, so a batch row can be opened in `check` or the web app.</summary>
    private static int WriteHistory(BatchRunner runner, BatchOptions options, string child, TextWriter err)
    {
        var inputs = new[] { options.Header }.Concat(options.Episodes).Concat(options.Xml).OfType<string>().Select(Path.GetFullPath);
        if (inputs.Contains(Path.GetFullPath(options.Out)))
            throw new CliUsageException($"--out {options.Out} is one of the input files: refusing to overwrite it");
        Core.Model.CareHistory? h;
        try
        {
            h = runner.History(options, child);
        }
        catch (UnreadableInputException e)
        {
            throw new CliUsageException(e.Message);
        }
        if (h is null) throw new CliUsageException("no child with that CHILD id in the files given (a regional extract uses LA/CHILD)");
        var temp = options.Out + ".tmp";
        File.WriteAllText(temp, LocalOffer.Core.Output.CareHistoryJson.Serialize(h) + "\n");
        File.Move(temp, options.Out, overwrite: true);
        err.WriteLine($"history written to {options.Out}: open it with `localoffer check {options.Out} --as-at {options.AsAt:yyyy-MM-dd}`");
        return CliRunner.Ok;
    }

    /// <summary>A live Spectre.Console progress bar on stderr, for a person at a terminal.</summary>
    private static BatchSummary RunWithProgressBar(BatchRunner runner, BatchOptions options)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        BatchSummary? summary = null;
        console.Progress().AutoClear(true).Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask("starting");
                summary = runner.Run(options, new Progress<BatchProgress>(p =>
                {
                    task.Description = p.Phase;
                    task.MaxValue = Math.Max(1, p.Total);
                    task.Value = p.Done;
                })).Summary;
            });
        return summary!;
    }

    /// <summary>Plain progress lines (stderr not a terminal): one per phase, then every 10%.</summary>
    private sealed class PlainProgress(TextWriter err) : IProgress<BatchProgress>
    {
        private string? _phase;
        private long _nextTenth;
        private readonly object _lock = new();

        public void Report(BatchProgress p)
        {
            lock (_lock)
            {
                if (p.Phase != _phase)
                {
                    _phase = p.Phase;
                    _nextTenth = 1;
                    err.WriteLine($"batch: {p.Phase}");
                    return;
                }
                if (p.Total > 0 && p.Done * 10 >= _nextTenth * p.Total && _nextTenth <= 10)
                {
                    err.WriteLine($"batch: {p.Phase} {p.Done:N0}/{p.Total:N0}");
                    _nextTenth = p.Done * 10 / p.Total + 1;
                }
            }
        }
    }
}

/// <summary>The summary a run prints on stderr: rows read = used + rejected, children by status and age.</summary>
public static class BatchSummaryText
{
    public static void Write(TextWriter err, BatchSummary s, BatchOptions o)
    {
        err.WriteLine($"rows read {s.RowsRead:N0} (header {s.HeaderRowsRead:N0}, episodes {s.EpisodeRowsRead:N0}) = used {s.RowsUsed:N0} + rejected {s.RowsRejected:N0}");
        if (s.EpisodeRowsMerged + s.HeaderRowsMerged > 0)
            err.WriteLine($"  of the rows used, {s.EpisodeRowsMerged:N0} episode and {s.HeaderRowsMerged:N0} header rows repeated an earlier return (the later file wins)");
        err.WriteLine($"children {s.Children:N0} on {o.AsAt:yyyy-MM-dd}; {s.ChildrenWithWarnings:N0} with a warning");
        err.WriteLine("  by status: " + string.Join(", ", s.ByStatus.Where(kv => kv.Value > 0).Select(kv => $"{kv.Key} {kv.Value:N0}")));
        err.WriteLine("  by age:    " + string.Join(", ", s.ByAge.Where(kv => kv.Value > 0).Select(kv => $"{kv.Key} {kv.Value:N0}")));
        err.WriteLine($"results {o.Out}; rejects {o.RejectsPath}");
        err.WriteLine($"elapsed {s.Elapsed.TotalSeconds:F2} s (read and check {s.ReadTime.TotalSeconds:F2} s, classify and write {s.ClassifyTime.TotalSeconds:F2} s)");
    }
}
