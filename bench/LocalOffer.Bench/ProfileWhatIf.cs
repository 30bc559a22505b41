using System.Diagnostics;
using LocalOffer.Batch.Caseload;
using LocalOffer.Core;
using LocalOffer.WhatIf;
using NodaTime;

namespace LocalOffer.Bench;

/// <summary>
/// Why `whatif` reads each young person's whole runs once per law rather than asking the batch's Classify on every
/// month-end: one thread, the synthetic return of n (written by `--whatif n` first), 24 month-ends, the law as it
/// stands. Prints the time of the whole runs alone, of the months filled from them (what `whatif` does per law),
/// and of Classify on each month-end; three repetitions.
/// </summary>
public static class ProfileWhatIf
{
    public static int Run(int n)
    {
        var dir = Path.Combine(Path.GetTempPath(), "localoffer-bench", n.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var asAt = new LocalDate(2026, 3, 31);
        var core = RulesCore.LoadDefault();
        var people = new CaseloadRunner(core).Load(new CaseloadOptions(Path.Combine(dir, "header.csv"),
            [Path.Combine(dir, "episodes.csv")], [], null, null, asAt, 1), []);
        var horizon = new Horizon(asAt, 24);
        var ids = core.Law.Entitlements.Ids;
        var index = ids.Select((id, k) => (id, k)).ToDictionary(x => x.id, x => x.k);
        var months = new PersonMonths(horizon, index, new UnitCost?[ids.Count]);
        for (var rep = 0; rep < 3; rep++)
        {
            var sw = Stopwatch.StartNew();
            long runs = 0;
            foreach (var h in people) runs += core.Engine.EntitlementRuns(h).Count;
            var whole = sw.Elapsed.TotalSeconds;
            sw.Restart();
            foreach (var h in people) months.Fill(core.Engine, h);
            var fill = sw.Elapsed.TotalSeconds;
            sw.Restart();
            foreach (var h in people)
                foreach (var d in horizon.MonthEnds)
                    if (d >= h.DateOfBirth) core.Engine.Classify(h, d);
            var classify = sw.Elapsed.TotalSeconds;
            Console.WriteLine($"{people.Count:N0} young people, one thread: whole runs {whole:F2} s ({runs:N0} runs), " +
                $"months filled from them {fill:F2} s, Classify on each of 24 month-ends {classify:F2} s");
        }
        return 0;
    }
}
