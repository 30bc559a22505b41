using System.Diagnostics;
using LocalOffer.Batch;
using LocalOffer.Batch.Input;
using LocalOffer.Batch.Synth;
using LocalOffer.Core;
using LocalOffer.Core.Model;
using LocalOffer.Bench;
using NodaTime;

// Batch benchmark: `dotnet run -c Release --project bench/LocalOffer.Bench -- [10000 100000 1000000] [--runs N]`.
// Indicators against batch on the same files: `... -- --indicators [1000000] [--runs N]` (IndicatorsBench.cs).
// For each size it writes synthetic SSDA903 files once (seed 1, under $TMPDIR/localoffer-bench, never
// committed), then runs each size in a fresh process (so peak memory is that size's alone) and
// reports the median of the runs: the bare parse of the same files with the same CSV reader (the
// floor), loading into one record per child, classification, and the whole batch run.
// `-- --caseload [25000] [--runs N]`: the caseload end to end (CaseloadBench.cs).
// `-- --caseload-paths [100000] [--runs N]`: one thread, each way of asking the engine for the caseload (issue 30).
// `-- --whatif [100000] [--runs N]`: `localoffer whatif` end to end, 24 month-ends (WhatIfBench.cs).
// `-- --audit [100000] [--runs N]`: `audit` against `batch` on the same files (AuditBench.cs).
// `-- --web-check [20000] [--runs N]`: one `POST /api/check`'s steps inside the app, one thread (WebCheckPaths.cs).
var argsList = args.ToList();
var ri = argsList.IndexOf("--runs");
var runs = ri >= 0 ? int.Parse(argsList[ri + 1]) : 5;
if (ri >= 0) argsList.RemoveRange(ri, 2);
if (argsList.FirstOrDefault() == "--one") return RunOne(int.Parse(argsList[1]), runs);
if (argsList.FirstOrDefault() == "--peak") return PeakOfOneRun(int.Parse(argsList[1]));
if (argsList.FirstOrDefault() == "--profile")
    return ProfileClassify.Run(argsList.Count > 1 ? int.Parse(argsList[1]) : 100_000);
if (argsList.FirstOrDefault() == "--load") return LoadOnly(int.Parse(argsList[1]), runs);
if (argsList.FirstOrDefault() == "--read") return ReadBreakdown.Run(int.Parse(argsList[1]), runs);
if (argsList.FirstOrDefault() == "--classify") return ProfileClassify.OneThread(int.Parse(argsList[1]), runs);
if (argsList.FirstOrDefault() == "--templates") return LocalOffer.Bench.TemplatesBench.Run(runs);
if (argsList.FirstOrDefault() == "--caseload-paths")
    return LocalOffer.Bench.CaseloadPaths.Run(argsList.Count > 1 ? int.Parse(argsList[1]) : 100_000, runs);
if (argsList.FirstOrDefault() == "--caseload")
    return CaseloadBench.Run(argsList.Count > 1 ? int.Parse(argsList[1]) : 25_000, runs);
if (argsList.FirstOrDefault() == "--whatif-paths") return ProfileWhatIf.Run(argsList.Count > 1 ? int.Parse(argsList[1]) : 100_000);
if (argsList.FirstOrDefault() == "--whatif")
    return WhatIfBench.Run(argsList.Count > 1 ? int.Parse(argsList[1]) : 100_000, runs);
if (argsList.FirstOrDefault() == "--web-check")
    return WebCheckPaths.Run(argsList.Count > 1 ? int.Parse(argsList[1]) : 20_000, runs);
if (argsList.FirstOrDefault() == "--audit")
    return AuditBench.Run(argsList.Skip(1).Select(int.Parse).DefaultIfEmpty(100_000).ToArray(), runs);
if (argsList.FirstOrDefault() == "--indicators")
    return IndicatorsBench.Run(argsList.Skip(1).Select(int.Parse).DefaultIfEmpty(1_000_000).ToArray(), runs);

var sizes = argsList.Count > 0 ? argsList.Select(int.Parse).ToArray() : [10_000, 100_000, 1_000_000];
Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Cpu()}, .NET {Environment.Version}");
Console.WriteLine("children | episodes | parse floor | load | classify | batch total | classify/parse | " +
    "classify us/child (CPU) | classify B/child | peak memory of one run   (medians)");
foreach (var n in sizes)
{
    // Run as `dotnet X.dll`, the child process needs the dll again; run as the program itself, nothing.
    var dll = Environment.GetCommandLineArgs().Skip(1).Take(Environment.ProcessPath!.EndsWith("dotnet") ? 1 : 0);
    var psi = new ProcessStartInfo(Environment.ProcessPath!, [.. dll, "--one", n.ToString(), "--runs", runs.ToString()])
    { RedirectStandardOutput = true };
    using var p = Process.Start(psi)!;
    var timing = p.StandardOutput.ReadToEnd().TrimEnd();
    p.WaitForExit();
    // Peak memory of one whole batch run, alone in a fresh process.
    psi.ArgumentList[psi.ArgumentList.IndexOf("--one")] = "--peak";
    using var q = Process.Start(psi)!;
    var peak = q.StandardOutput.ReadToEnd().Trim();
    q.WaitForExit();
    Console.WriteLine($"{timing} | {peak}");
}
return 0;

static int RunOne(int n, int runs)
{
    var dir = Path.Combine(Path.GetTempPath(), "localoffer-bench", n.ToString());
    var yearEnd = new LocalDate(2026, 3, 31);
    if (!File.Exists(Path.Combine(dir, "episodes.csv"))) SyntheticReturn.Write(dir, n, seed: 1, yearEnd);
    var header = Path.Combine(dir, "header.csv");
    var episodes = Path.Combine(dir, "episodes.csv");
    var core = RulesCore.LoadDefault();
    var runner = new BatchRunner(core);
    var options = new BatchOptions(header, [episodes], [], yearEnd, Path.Combine(dir, "results.csv"), "csv",
        Path.Combine(dir, "rejects.csv"));
    var parse = new List<double>(); var load = new List<double>(); var classify = new List<double>();
    var total = new List<double>();
    var cpu = new List<double>(); var bytes = new List<double>();
    long episodeRows = 0;
    for (var i = 0; i < runs + 1; i++) // the first run warms up and is not counted
    {
        GC.Collect();
        var sw = Stopwatch.StartNew();
        Ssda903CsvReader.ParseOnly(header, Ssda903CsvReader.HeaderColumns);
        Ssda903CsvReader.ParseOnly(episodes, Ssda903CsvReader.EpisodeColumns);
        var tParse = sw.Elapsed.TotalSeconds;
        GC.Collect();
        sw.Restart();
        var (cohort, builder) = runner.Load(options);
        var tLoad = sw.Elapsed.TotalSeconds;
        sw.Restart();
        var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        var alloc0 = GC.GetTotalAllocatedBytes(precise: true);
        var pause0 = GC.GetTotalPauseDuration();
        var (gen0, gen1, gen2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        // The engine on every core as the batch runs it (slices of 4,096 children), each answer dropped once made.
        var engine = core.Engine;
        var loaded = cohort;
        // BENCH_DOP=1: the same on one core (the CPU column free of two threads sharing the machine).
        var cores = int.Parse(Environment.GetEnvironmentVariable("BENCH_DOP") ?? "-1");
        var dop = new ParallelOptions { MaxDegreeOfParallelism = cores };
        Parallel.For(0, (loaded.Count + 4095) / 4096, dop, k =>
        {
            var buffer = new EpisodeValue[8]; // one per slice, as the batch keeps one per thread
            for (var i = k * 4096; i < Math.Min(loaded.Count, (k + 1) * 4096); i++)
                GC.KeepAlive(ProfileClassify.AsBatch(engine, loaded, i, yearEnd, ref buffer));
        });
        var tClassify = sw.Elapsed.TotalSeconds;
        if (Environment.GetEnvironmentVariable("BENCH_GC") == "1")
            Console.Error.WriteLine($"classify: GCs {GC.CollectionCount(0) - gen0}/{GC.CollectionCount(1) - gen1}/" +
                $"{GC.CollectionCount(2) - gen2}, " +
                $"paused {(GC.GetTotalPauseDuration() - pause0).TotalMilliseconds:F0} ms");
        var cpuClassify =
            (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalMilliseconds * 1000 / cohort.Count;
        var bytesClassify = (GC.GetTotalAllocatedBytes(precise: true) - alloc0) / (double)cohort.Count;
        episodeRows = builder.EpisodeRowsRead;
        cohort = null; builder = null;
        GC.Collect();
        sw.Restart();
        runner.Run(options);
        var tTotal = sw.Elapsed.TotalSeconds;
        if (i == 0) continue;
        parse.Add(tParse); load.Add(tLoad); classify.Add(tClassify); total.Add(tTotal);
        cpu.Add(cpuClassify); bytes.Add(bytesClassify);
    }
    Console.Write($"{n,8:N0} | {episodeRows,8:N0} | {Median(parse),9:F2} s | {Median(load),5:F2} s | " +
        $"{Median(classify),6:F2} s | {Median(total),9:F2} s | {Median(classify) / Median(parse),6:F2} | " +
        $"{Median(cpu),6:F2} us | {Median(bytes),6:F0} B");
    return 0;
}

static int PeakOfOneRun(int n)
{
    var dir = Path.Combine(Path.GetTempPath(), "localoffer-bench", n.ToString());
    var yearEnd = new LocalDate(2026, 3, 31);
    if (!File.Exists(Path.Combine(dir, "episodes.csv"))) SyntheticReturn.Write(dir, n, seed: 1, yearEnd);
    var clock = Stopwatch.StartNew();
    var core = RulesCore.LoadDefault();
    var rules = clock.Elapsed.TotalSeconds;
    var (summary, _) = new BatchRunner(core).Run(new BatchOptions(Path.Combine(dir, "header.csv"),
        [Path.Combine(dir, "episodes.csv")], [], yearEnd, Path.Combine(dir, "results.csv"), "csv",
        Path.Combine(dir, "rejects.csv")));
    if (Environment.GetEnvironmentVariable("BENCH_GC") == "1")
        Console.Error.WriteLine($"cold: rules {rules:F2} s, read {summary.ReadTime.TotalSeconds:F2} s, " +
            "classify and write " +
            $"{summary.ClassifyTime.TotalSeconds:F2} s, GC paused {GC.GetTotalPauseDuration().TotalSeconds:F2} s");
    Console.Write($"{Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024),7:F0} MB");
    return 0;
}

// `--load N`: the load alone, run after run (for a profiler attached to this process).
static int LoadOnly(int n, int runs)
{
    var dir = Path.Combine(Path.GetTempPath(), "localoffer-bench", n.ToString());
    var yearEnd = new LocalDate(2026, 3, 31);
    if (!File.Exists(Path.Combine(dir, "episodes.csv"))) SyntheticReturn.Write(dir, n, seed: 1, yearEnd);
    var runner = new BatchRunner(RulesCore.LoadDefault());
    var options = new BatchOptions(Path.Combine(dir, "header.csv"), [Path.Combine(dir, "episodes.csv")], [],
        yearEnd, "");
    for (var i = 0; i < runs; i++)
    {
        var pause0 = GC.GetTotalPauseDuration();
        var (gen0, gen1, gen2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var sw = Stopwatch.StartNew();
        var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        var (cohort, _) = runner.Load(options);
        Console.WriteLine($"load {cohort.Count:N0} children: {sw.Elapsed.TotalSeconds:F2} s, CPU " +
            $"{(Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds:F2} s; " +
            $"GCs {GC.CollectionCount(0) - gen0}/{GC.CollectionCount(1) - gen1}/{GC.CollectionCount(2) - gen2}, " +
            $"paused {(GC.GetTotalPauseDuration() - pause0).TotalMilliseconds:F0} ms");
        if (Environment.GetEnvironmentVariable("BENCH_PARSE") == "1")
        {
            sw.Restart();
            var rows = Ssda903CsvReader.CheckedRowsOnly(
                [InputSource.File(options.Header!), InputSource.File(options.Episodes[0])],
                RulesCore.LoadDefault().Codes);
            Console.WriteLine($"  read and check only ({rows:N0} rows, one thread): {sw.Elapsed.TotalSeconds:F2} s");
        }
        cohort = null;
    }
    return 0;
}

static double Median(List<double> xs)
{
    var s = xs.Order().ToList();
    return s.Count % 2 == 1 ? s[s.Count / 2] : (s[s.Count / 2 - 1] + s[s.Count / 2]) / 2;
}

static string Cpu() =>
    File.Exists("/proc/cpuinfo")
        ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name"))?.Split(':')[1].Trim() ?? "?"
        : "?";
