using System.Diagnostics;
using LocalOffer.Batch;
using LocalOffer.Batch.Caseload;
using LocalOffer.Batch.Synth;
using LocalOffer.Core;
using LocalOffer.Core.Engine;
using LocalOffer.Core.Model;
using NodaTime;

namespace LocalOffer.Bench;

/// <summary>
/// `--caseload-paths N` (issue 30): where `caseload`'s time goes, one thread, warm, on a synthetic return of N
/// (seed 1, year ending 2026-03-31, as at that day): how many young people it passes over (nothing can fall
/// due), and for the rest each way of asking the engine (Assess with the explanation, as before; without it,
/// as before; AssessWithin, the runs joined only when one changes in 60 days, as now; the runs alone; the batch's
/// Classify) and the events made from the answer, each the median of the runs, with the bytes allocated a young
/// person. `LOCALOFFER_BENCH_WAY=i` runs only the i-th way (for a profiler).
/// </summary>
public static class CaseloadPaths
{
    public static int Run(int n, int runs)
    {
        var asAt = new LocalDate(2026, 3, 31);
        var dir = Path.Combine(Path.GetTempPath(), "localoffer-bench", n.ToString());
        if (!File.Exists(Path.Combine(dir, "episodes.csv"))) SyntheticReturn.Write(dir, n, seed: 1, asAt);
        var core = RulesCore.LoadDefault();
        var (cohort, _) = new BatchRunner(core).Load(new BatchOptions(Path.Combine(dir, "header.csv"),
            [Path.Combine(dir, "episodes.csv")], [], asAt, ""));
        var people = Enumerable.Range(0, cohort.Count).Select(cohort.History).ToList();
        var sw = Stopwatch.StartNew();
        var rest = people
            .Where(h => asAt >= h.DateOfBirth && !CaseloadEvents.NothingFallsDue(core.Engine, h, asAt)).ToList();
        var pass = sw.Elapsed.TotalSeconds;
        Console.WriteLine($"{people.Count:N0} young people; passed over {people.Count - rest.Count:N0} " +
            $"({100.0 * (people.Count - rest.Count) / people.Count:F1}%) in {pass:F2} s; {rest.Count:N0} assessed");
        var rules = new CaseloadEvents(core.Law);
        var quiet = rest.Count(h => core.Engine.AssessWithin(h, asAt, asAt.PlusDays(60)).RunsWhenChanging is null);
        Console.WriteLine($"no run changing within 60 days: {quiet:N0} " +
            $"({100.0 * quiet / rest.Count:F1}% of those assessed)");
        var ready = rest.Select(h => core.Engine.AssessWithoutExplanation(h, asAt)).ToList();
        var within = rest.Select(h => core.Engine.AssessWithin(h, asAt, asAt.PlusDays(60))).ToList();
        var k = 0;
        var ways = new (string Name, Action<CareHistory> Ask)[]
        {
            ("Assess (with the explanation)", h => core.Engine.Assess(h, asAt)),
            ("AssessWithoutExplanation", h => core.Engine.AssessWithoutExplanation(h, asAt)),
            ("  + CaseloadEvents.For, 60 days",
                h => rules.For(core.Engine.AssessWithoutExplanation(h, asAt), null, asAt, 60)),
            ("AssessWithin 60 days + For", h => rules.For(core.Engine.AssessWithin(h, asAt, asAt.PlusDays(60)),
                null, asAt, 60)),
            ("CaseloadEvents.For alone, 60 days", _ => rules.For(ready[k++ % ready.Count], null, asAt, 60)),
            ("  EntitlementEvents.After alone", _ => EntitlementEvents.After(ready[k++ % ready.Count].AllEntitlements,
                asAt, asAt.PlusYears(25))),
            ("EntitlementRuns alone", h => core.Engine.EntitlementRuns(h)),
            ("AssessOnDay", h => core.Engine.AssessOnDay(h, asAt)),
            ("Classify (batch)", h => core.Engine.Classify(h, asAt)),
            ("AssessWithin 60 days alone", h => core.Engine.AssessWithin(h, asAt, asAt.PlusDays(60))),
            ("  + For on its answer, 60 days", _ => rules.For(within[k++ % within.Count], null, asAt, 60)),
            ("  + EventsOrNone on it (caseload)", _ => rules.EventsOrNone(within[k++ % within.Count], null, asAt, 60)),
        };
        // LOCALOFFER_BENCH_WAY=i runs only way i (for a profiler).
        var only = Environment.GetEnvironmentVariable("LOCALOFFER_BENCH_WAY") is { } w ? int.Parse(w) : -1;
        foreach (var (name, ask) in ways.Where((_, i) => only < 0 || i == only))
        {
            var times = new List<double>();
            long bytes = 0;
            for (var r = 0; r < runs + 1; r++)
            {
                GC.Collect();
                var before = GC.GetAllocatedBytesForCurrentThread();
                sw.Restart();
                foreach (var h in rest) ask(h);
                if (r > 0) times.Add(sw.Elapsed.TotalSeconds);
                bytes = GC.GetAllocatedBytesForCurrentThread() - before;
            }
            var m = IndicatorsBench.Median(times);
            Console.WriteLine($"{name,-34} {m:F2} s  {m * 1e6 / Math.Max(1, rest.Count):F1} us each  " +
                $"{bytes / Math.Max(1, rest.Count):N0} B each");
        }
        return 0;
    }
}
