using System.Diagnostics;
using LocalOffer.Batch;
using LocalOffer.Batch.Caseload;
using LocalOffer.Batch.Synth;
using LocalOffer.Core;
using LocalOffer.Core.Model;
using NodaTime;

namespace LocalOffer.Bench;

/// <summary>
/// `--caseload-paths N` (issue 30): where `caseload`'s time goes, one thread, warm, on a synthetic return of N
/// (seed 1, year ending 2026-03-31, as at that day): how many young people it passes over (nothing can fall
/// due), and for the rest each way of asking the engine (Assess with the explanation, as before; without it,
/// as now; the runs alone; the batch's Classify) and the events made from the answer, each the median of the runs.
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
        var ways = new (string Name, Action<CareHistory> Ask)[]
        {
            ("Assess (with the explanation)", h => core.Engine.Assess(h, asAt)),
            ("AssessWithoutExplanation", h => core.Engine.AssessWithoutExplanation(h, asAt)),
            ("  + CaseloadEvents.For, 60 days",
                h => rules.For(core.Engine.AssessWithoutExplanation(h, asAt), null, asAt, 60)),
            ("EntitlementRuns alone", h => core.Engine.EntitlementRuns(h)),
            ("AssessOnDay", h => core.Engine.AssessOnDay(h, asAt)),
            ("Classify (batch)", h => core.Engine.Classify(h, asAt)),
        };
        foreach (var (name, ask) in ways)
        {
            var times = new List<double>();
            for (var r = 0; r < runs + 1; r++)
            {
                GC.Collect();
                sw.Restart();
                foreach (var h in rest) ask(h);
                if (r > 0) times.Add(sw.Elapsed.TotalSeconds);
            }
            var m = IndicatorsBench.Median(times);
            Console.WriteLine($"{name,-34} {m:F2} s  {m * 1e6 / Math.Max(1, rest.Count):F1} us each");
        }
        return 0;
    }
}
