using System.Diagnostics;
using LocalOffer.Audit;
using LocalOffer.Audit.Input;
using LocalOffer.Audit.Output;
using LocalOffer.Audit.Synth;
using LocalOffer.Batch;
using LocalOffer.Batch.Output;
using LocalOffer.Batch.Synth;
using LocalOffer.Core;
using LocalOffer.Core.Safety;
using LocalOffer.Offers.Render;
using NodaTime;

/// <summary>
/// `audit` against `batch` on the same synthetic return (issue 31: within 1.5 times): the return and its
/// list 9 written once by synth (seed 1, year ending 2026-03-31). Each run, in turn: `batch` (results and
/// rejects written); the audit's findings with audit.csv and rejects.csv written (what `batch` does for
/// the same children: every young person decided and a CSV written); and the whole `audit` command's work
/// (the report folder: audit.csv, index.html, audit.xlsx, rejects.csv). The first run warms up and is
/// not counted; medians of the rest, and of each run's ratios (less sensitive to a load that changes);
/// wall and process CPU time; the machine's load (/proc/loadavg) before and after.
/// </summary>
internal static class AuditBench
{
    public static int Run(int[] sizes, int runs)
    {
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}; "
            + $"load before: {Load()}");
        Console.WriteLine($"({runs} runs; medians; ratio = median of the runs' ratios to batch; wall, then CPU)");
        Console.WriteLine("children | on list 9 | findings | batch | audit.csv | ratio | report | ratio | "
            + "CPU: batch | audit.csv | ratio | report | ratio");
        var asAt = new LocalDate(2026, 3, 31);
        var core = RulesCore.LoadDefault();
        var audit = AuditRunner.LoadDefault(core);
        var templates = TemplateSet.LoadDefault();
        var process = Process.GetCurrentProcess();
        double Cpu() { process.Refresh(); return process.TotalProcessorTime.TotalSeconds; }
        foreach (var n in sizes)
        {
            var dir = Path.Combine(Path.GetTempPath(), "localoffer-bench-audit", n.ToString());
            if (!File.Exists(Path.Combine(dir, "list9.csv")))
            {
                SyntheticReturn.Write(dir, n, seed: 1, asAt);
                SyntheticLists.Write(dir, core, asAt);
            }
            var header = Path.Combine(dir, "header.csv");
            var episodes = Path.Combine(dir, "episodes.csv");
            var batchOptions = new BatchOptions(header, [episodes], [], asAt, Path.Combine(dir, "results.csv"), "csv",
                Path.Combine(dir, "rejects.csv"));
            var options = new AuditOptions(ListFormat.AnnexA, Path.Combine(dir, "list9.csv"), header, [episodes], [],
                null, asAt, "384", Path.Combine(dir, "report"), Force: true);
            // [batch, audit.csv, report] wall and CPU seconds of each counted run
            var wall = new List<double[]>();
            var cpu = new List<double[]>();
            long onList = 0, findings = 0;
            for (var i = 0; i < runs + 1; i++)
            {
                var w = new double[3];
                var c = new double[3];
                void Time(int k, Action act)
                {
                    GC.Collect();
                    var c0 = Cpu();
                    var sw = Stopwatch.StartNew();
                    act();
                    (w[k], c[k]) = (sw.Elapsed.TotalSeconds, Cpu() - c0);
                }
                Time(0, () => new BatchRunner(core).Run(batchOptions));
                Time(1, () =>
                {
                    var run = audit.Compute(options);
                    using var csv = AtomicFile.Create(Path.Combine(dir, "audit-only.csv"));
                    using var rejects = AtomicFile.Create(Path.Combine(dir, "audit-only.rejects.csv"));
                    AuditCsv.Write(csv.Stream, run);
                    RejectCsvWriter.Write(rejects.Stream, run.Rejects);
                    csv.Commit();
                    rejects.Commit();
                });
                AuditRun? last = null;
                Time(2, () =>
                {
                    AuditReportWriter.CheckTarget(options);
                    last = audit.Compute(options);
                    AuditReportWriter.Write(last, options.Out, templates);
                });
                (onList, findings) = (last!.Summary.ListRowsRead, last.Findings.LongCount());
                Console.Error.WriteLine($"  run {i}{(i == 0 ? " (warm-up)" : "")}: batch {w[0]:F2} s (CPU {c[0]:F2}), "
                    + $"audit.csv {w[1]:F2} s (CPU {c[1]:F2}), report {w[2]:F2} s (CPU {c[2]:F2}; "
                    + string.Join(", ", last.Summary.Phases.Select(kv => $"{kv.Key} {kv.Value.TotalSeconds:F2}"))
                    + ")");
                if (i == 0) continue;
                wall.Add(w);
                cpu.Add(c);
            }
            string Cells(List<double[]> t) =>
                $"{Median(t, 0),5:F2} s | {Median(t, 1),5:F2} s | {Ratio(t, 1),4:F2} | {Median(t, 2),5:F2} s | "
                + $"{Ratio(t, 2),4:F2}";
            Console.WriteLine($"{n,8:N0} | {onList,9:N0} | {findings,8:N0} | {Cells(wall)} | {Cells(cpu)}");
        }
        Console.WriteLine($"load after: {Load()}");
        return 0;
    }

    private static double Median(List<double[]> t, int k) => IndicatorsBench.Median(t.Select(x => x[k]).ToList());
    private static double Ratio(List<double[]> t, int k) => IndicatorsBench.Median(t.Select(x => x[k] / x[0]).ToList());

    private static string Load() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "unknown";
}
