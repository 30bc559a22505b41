using System.Diagnostics;
using LocalOffer.Batch;
using LocalOffer.Core;
using LocalOffer.Core.Engine;
using LocalOffer.Core.Model;
using NodaTime;

namespace LocalOffer.Bench;

/// <summary>
/// `--profile [100000]` and `--classify N`: where one thread's classification time and allocations go,
/// per child, as the batch classifies (episodes as values from the cohort into one reused buffer).
/// The guide for issue 14's work.
/// </summary>
public static class ProfileClassify
{
    private static readonly LocalDate AsAt = new(2026, 3, 31);

    // The synthetic files of n children (written on first use) loaded as the batch loads them.
    private static (RulesCore Core, BatchRunner Runner, LocalOffer.Batch.Cohort.Cohort Cohort, BatchOptions Options)
        Load(int n)
    {
        var dir = Path.Combine(Path.GetTempPath(), "localoffer-bench", n.ToString());
        if (!File.Exists(Path.Combine(dir, "episodes.csv")))
            LocalOffer.Batch.Synth.SyntheticReturn.Write(dir, n, 1, AsAt);
        var core = RulesCore.LoadDefault();
        var runner = new BatchRunner(core);
        var options = new BatchOptions(Path.Combine(dir, "header.csv"), [Path.Combine(dir, "episodes.csv")], [],
            AsAt, "");
        return (core, runner, runner.Load(options).Cohort, options);
    }

    /// <summary>
    /// `--profile`: one thread, per child: the episodes from the cohort; the whole Classify; the timeline
    /// alone (as `check` builds it, from a history); writing the results CSV to nowhere; the load; and
    /// Classify on every core. The first round warms up and is not shown.
    /// </summary>
    public static int Run(int n)
    {
        var (core, runner, cohort, options) = Load(n);
        var engine = core.Engine;
        double Us(TimeSpan x) => x.TotalMilliseconds * 1000 / cohort.Count;
        for (var warm = 0; warm < 2; warm++)
        {
            var buffer = new EpisodeValue[8];
            var (tEpisodes, aEpisodes) = Measure(cohort.Count, i => { cohort.Episodes(i, ref buffer); return null!; });
            var (tWhole, aWhole) = Measure(cohort.Count, i => AsBatch(engine, cohort, i, AsAt, ref buffer)!);
            var (tTimeline, aTimeline) = Measure(cohort.Count, i =>
                cohort.History(i) is var h && AsAt >= h.DateOfBirth ? engine.ProfileTimeline(h) : null!);
            var t = Stopwatch.StartNew();
            Parallel.For(0, (cohort.Count + 4095) / 4096, k =>
            {
                var own = new EpisodeValue[8];
                for (var i = k * 4096; i < Math.Min(cohort.Count, (k + 1) * 4096); i++)
                    GC.KeepAlive(AsBatch(engine, cohort, i, AsAt, ref own));
            });
            var parallel = t.Elapsed;
            var all = runner.Classify(cohort, AsAt).SelectMany(b => b).ToList();
            var a0 = GC.GetAllocatedBytesForCurrentThread();
            t.Restart();
            using (var w = new LocalOffer.Batch.Output.ResultCsvWriter(Stream.Null))
                foreach (var r in all) w.Write(r);
            var (write, aWrite) = (t.Elapsed, GC.GetAllocatedBytesForCurrentThread() - a0);
            a0 = GC.GetAllocatedBytesForCurrentThread();
            t.Restart();
            GC.KeepAlive(runner.Load(options));
            var (load, aLoad) = (t.Elapsed, GC.GetAllocatedBytesForCurrentThread() - a0);
            if (warm == 0) continue;
            Console.WriteLine($"{cohort.Count:N0} children, one thread, per child:");
            Console.WriteLine($"  episodes from the cohort: {tEpisodes:F2} us, {aEpisodes} B");
            Console.WriteLine($"  classify (episodes included): {tWhole:F2} us, {aWhole} B");
            Console.WriteLine($"  timeline only (as `check`: history built): {tTimeline:F2} us, {aTimeline} B");
            Console.WriteLine($"  write results CSV (to nowhere): {Us(write):F2} us, {aWrite / cohort.Count} B");
            Console.WriteLine($"  load (read, check, one record per child): {Us(load):F2} us, " +
                $"{aLoad / cohort.Count} B");
            Console.WriteLine($"  classify on {Environment.ProcessorCount} threads (Parallel.For): " +
                $"{Us(parallel):F2} us wall per child");
        }
        return 0;
    }

    /// <summary>
    /// `--classify N`: Classify for every child on one thread, run after run (for a profiler); then the
    /// episodes from the cohort alone, the children the short cuts answer and the rest apart, and the
    /// full path stage by stage, per child of each group.
    /// </summary>
    public static int OneThread(int n, int runs)
    {
        var (core, _, cohort, _) = Load(n);
        if (Environment.GetEnvironmentVariable("BENCH_COLLECT") == "1") GC.Collect();
        var engine = core.Engine;
        var shortCut = new List<int>();
        var full = new List<int>();
        for (var i = 0; i < cohort.Count; i++)
        {
            var h = cohort.History(i);
            if (AsAt >= h.DateOfBirth) (engine.TakesShortCut(h, AsAt) ? shortCut : full).Add(i);
        }
        for (var run = 0; run < runs; run++)
        {
            var a0 = GC.GetAllocatedBytesForCurrentThread();
            var (g0, g1, g2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
            var pause = GC.GetTotalPauseDuration();
            var t = Stopwatch.StartNew();
            var buffer = new EpisodeValue[8];
            for (var i = 0; i < cohort.Count; i++) GC.KeepAlive(AsBatch(engine, cohort, i, AsAt, ref buffer));
            Console.WriteLine($"classify, one thread: {t.Elapsed.TotalMilliseconds * 1000 / cohort.Count:F2} us, " +
                $"{(GC.GetAllocatedBytesForCurrentThread() - a0) / cohort.Count} B per child; " +
                $"GCs {GC.CollectionCount(0) - g0}/{GC.CollectionCount(1) - g1}/{GC.CollectionCount(2) - g2}, " +
                $"paused {(GC.GetTotalPauseDuration() - pause).TotalMilliseconds:F0} ms");
            var (tEpisodes, aEpisodes) = Measure(cohort.Count, i => { cohort.Episodes(i, ref buffer); return null!; });
            var (tShort, aShort) =
                Measure(shortCut.Count, k => AsBatch(engine, cohort, shortCut[k], AsAt, ref buffer)!);
            var (tFull, aFull) = Measure(full.Count, k => AsBatch(engine, cohort, full[k], AsAt, ref buffer)!);
            var share = 100.0 * shortCut.Count / cohort.Count;
            Console.WriteLine($"  episodes from the cohort {tEpisodes:F2} us {aEpisodes} B; short cut {share:F1}% of " +
                $"children, {tShort:F2} us {aShort} B each (episodes included); " +
                $"full path {tFull:F2} us {aFull} B each");
            // The full path again, stage by stage (the timestamps cost a little: compare stages, not totals).
            var ticks = new long[5];
            var bytes = new long[5];
            foreach (var i in full) GC.KeepAlive(engine.ProfileStages(cohort.History(i), AsAt, ticks, bytes));
            string[] names = ["timeline", "status", "entitlement ids", "warnings", "counts"];
            Console.WriteLine("  full path stages: " + string.Join(", ", names.Select((s, k) =>
                $"{s} {ticks[k] * 1e6 / Stopwatch.Frequency / Math.Max(1, full.Count):F2} us " +
                $"{bytes[k] / Math.Max(1, full.Count)} B")));
        }
        return 0;
    }

    /// <summary>One child classified as the batch does it: its episodes as values, in a reused buffer.</summary>
    public static Classification? AsBatch(CareLeaverEngine engine, LocalOffer.Batch.Cohort.Cohort cohort, int i,
        LocalDate asAt, ref EpisodeValue[] buffer)
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
