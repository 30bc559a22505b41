using System.Diagnostics;
using LocalOffer.Batch;
using LocalOffer.Core;
using LocalOffer.Core.Engine;
using LocalOffer.Core.Model;
using NodaTime;

namespace LocalOffer.Bench;

/// <summary>
/// `-- --profile [100000]`: where one thread's classification time and allocations go, stage by
/// stage (history built from the cohort, timeline, entitlement ids, warnings, the rest), per child.
/// The guide for issue 14's work; numbers are per child on one thread.
/// </summary>
public static class ProfileClassify
{
    public static int Run(int n)
    {
        var dir = Path.Combine(Path.GetTempPath(), "localoffer-bench", n.ToString());
        var asAt = new LocalDate(2026, 3, 31);
        if (!File.Exists(Path.Combine(dir, "episodes.csv"))) LocalOffer.Batch.Synth.SyntheticReturn.Write(dir, n, 1, asAt);
        var core = RulesCore.LoadDefault();
        var runner = new BatchRunner(core);
        var (cohort, _) = runner.Load(new BatchOptions(Path.Combine(dir, "header.csv"), [Path.Combine(dir, "episodes.csv")], [], asAt, ""));
        var engine = core.Engine;
        for (var warm = 0; warm < 2; warm++)
        {
            long a0 = GC.GetAllocatedBytesForCurrentThread();
            var t = Stopwatch.StartNew();
            for (var i = 0; i < cohort.Count; i++) GC.KeepAlive(cohort.History(i));
            var history = t.Elapsed; var aHistory = GC.GetAllocatedBytesForCurrentThread() - a0;
            a0 = GC.GetAllocatedBytesForCurrentThread();
            t.Restart();
            var buffer = new EpisodeValue[8];
            for (var i = 0; i < cohort.Count; i++) GC.KeepAlive(AsBatch(engine, cohort, i, asAt, ref buffer));
            var whole = t.Elapsed; var aWhole = GC.GetAllocatedBytesForCurrentThread() - a0;
            a0 = GC.GetAllocatedBytesForCurrentThread();
            t.Restart();
            for (var i = 0; i < cohort.Count; i++)
            {
                var h = cohort.History(i);
                if (asAt >= h.DateOfBirth) GC.KeepAlive(engine.ProfileTimeline(h));
            }
            var timeline = t.Elapsed; var aTimeline = GC.GetAllocatedBytesForCurrentThread() - a0;
            t.Restart();
            Parallel.For(0, (cohort.Count + 4095) / 4096, k =>
            {
                var end = Math.Min(cohort.Count, (k + 1) * 4096);
                for (var i = k * 4096; i < end; i++)
                {
                    var h = cohort.History(i);
                    if (asAt >= h.DateOfBirth) GC.KeepAlive(engine.Classify(h, asAt));
                }
            });
            var parallel = t.Elapsed;
            var all = runner.Classify(cohort, asAt).SelectMany(b => b).ToList();
            a0 = GC.GetAllocatedBytesForCurrentThread();
            t.Restart();
            using (var w = new LocalOffer.Batch.Output.ResultCsvWriter(Stream.Null))
                foreach (var r in all) w.Write(r);
            var write = t.Elapsed; var aWrite = GC.GetAllocatedBytesForCurrentThread() - a0;
            a0 = GC.GetAllocatedBytesForCurrentThread();
            t.Restart();
            var (c2, _) = runner.Load(new BatchOptions(Path.Combine(dir, "header.csv"), [Path.Combine(dir, "episodes.csv")], [], asAt, ""));
            var loadT = t.Elapsed; var aLoad = GC.GetAllocatedBytesForCurrentThread() - a0;
            GC.KeepAlive(c2);
            if (warm == 0) continue;
            Console.WriteLine($"  write results CSV (to nowhere): {write.TotalMilliseconds * 1000 / cohort.Count:F2} us, {aWrite / cohort.Count} B");
            Console.WriteLine($"  load (read, check, one record per child): {loadT.TotalMilliseconds * 1000 / cohort.Count:F2} us, {aLoad / cohort.Count} B");
            Console.WriteLine($"  classify on {Environment.ProcessorCount} threads (Parallel.For): {parallel.TotalMilliseconds * 1000 / cohort.Count:F2} us wall per child");
            double Us(TimeSpan x) => x.TotalMilliseconds * 1000 / cohort.Count;
            Console.WriteLine($"{cohort.Count:N0} children, one thread, per child:");
            Console.WriteLine($"  history from cohort: {Us(history):F2} us, {aHistory / cohort.Count} B");
            Console.WriteLine($"  classify (incl. history): {Us(whole):F2} us, {aWhole / cohort.Count} B");
            Console.WriteLine($"  timeline only (incl. history): {Us(timeline):F2} us, {aTimeline / cohort.Count} B");
        }
        return 0;
    }

    /// <summary>
    /// `--classify N`: `Classify` for every child on one thread, run after run (for a profiler); then
    /// the children the short cut answers (CareEndedBefore16) and the rest apart, the history built
    /// from the cohort alone, and the full path stage by stage, per child of each group.
    /// </summary>
    public static int OneThread(int n, int runs)
    {
        var dir = Path.Combine(Path.GetTempPath(), "localoffer-bench", n.ToString());
        var asAt = new LocalDate(2026, 3, 31);
        if (!File.Exists(Path.Combine(dir, "episodes.csv"))) LocalOffer.Batch.Synth.SyntheticReturn.Write(dir, n, 1, asAt);
        var core = RulesCore.LoadDefault();
        var (cohort, _) = new BatchRunner(core).Load(new BatchOptions(Path.Combine(dir, "header.csv"), [Path.Combine(dir, "episodes.csv")], [], asAt, ""));
        if (Environment.GetEnvironmentVariable("BENCH_COLLECT") == "1") GC.Collect();
        var engine = core.Engine;
        var shortCut = new List<int>();
        var full = new List<int>();
        for (var i = 0; i < cohort.Count; i++)
        {
            var h = cohort.History(i);
            if (asAt >= h.DateOfBirth) (engine.TakesShortCut(h, asAt) ? shortCut : full).Add(i);
        }
        for (var run = 0; run < runs; run++)
        {
            var a0 = GC.GetAllocatedBytesForCurrentThread();
            var (g0, g1, g2, pause) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());
            var t = Stopwatch.StartNew();
            var buffer = new EpisodeValue[8];
            for (var i = 0; i < cohort.Count; i++) GC.KeepAlive(AsBatch(engine, cohort, i, asAt, ref buffer));
            Console.WriteLine($"classify, one thread: {t.Elapsed.TotalMilliseconds * 1000 / cohort.Count:F2} us, " +
                $"{(GC.GetAllocatedBytesForCurrentThread() - a0) / cohort.Count} B per child; GCs {GC.CollectionCount(0) - g0}/" +
                $"{GC.CollectionCount(1) - g1}/{GC.CollectionCount(2) - g2}, paused {(GC.GetTotalPauseDuration() - pause).TotalMilliseconds:F0} ms");
            var (tHistory, aHistory) = Measure(cohort.Count, i => { cohort.Episodes(i, ref buffer); return null!; });
            var (tShort, aShort) = Measure(shortCut.Count, k => AsBatch(engine, cohort, shortCut[k], asAt, ref buffer)!);
            var (tFull, aFull) = Measure(full.Count, k => AsBatch(engine, cohort, full[k], asAt, ref buffer)!);
            var share = 100.0 * shortCut.Count / cohort.Count;
            Console.WriteLine($"  episodes from the cohort {tHistory:F2} us {aHistory} B; short cut {share:F1}% of " +
                $"children, {tShort:F2} us {aShort} B each (episodes included); full path {tFull:F2} us {aFull} B each");
            // The full path again, stage by stage (the timestamps cost a little: compare stages, not totals).
            var ticks = new long[5];
            var bytes = new long[5];
            foreach (var i in full) GC.KeepAlive(engine.ProfileStages(cohort.History(i), asAt, ticks, bytes));
            string[] names = ["timeline", "status", "entitlement ids", "warnings", "counts"];
            Console.WriteLine("  full path stages: " + string.Join(", ", names.Select((s, k) =>
                $"{s} {ticks[k] * 1e6 / Stopwatch.Frequency / Math.Max(1, full.Count):F2} us " +
                $"{bytes[k] / Math.Max(1, full.Count)} B")));
        }
        return 0;
    }

    /// <summary>One child classified as the batch does it: its episodes as values from the cohort, in a reused buffer.</summary>
    public static Classification? AsBatch(CareLeaverEngine engine, LocalOffer.Batch.Cohort.Cohort cohort, int i, LocalDate asAt,
        ref EpisodeValue[] buffer)
    {
        var dob = cohort.DateOfBirth(i);
        return asAt < dob ? null : engine.Classify(dob, cohort.Episodes(i, ref buffer), asAt);
    }

    // Microseconds and bytes per call of `work` for 0 to count - 1, on this thread.
    private static (double Us, long Bytes) Measure(int count, Func<int, object> work)
    {
        var a0 = GC.GetAllocatedBytesForCurrentThread();
        var t = Stopwatch.StartNew();
        for (var k = 0; k < count; k++) GC.KeepAlive(work(k));
        var n = Math.Max(1, count);
        return (t.Elapsed.TotalMilliseconds * 1000 / n, (GC.GetAllocatedBytesForCurrentThread() - a0) / n);
    }
}
