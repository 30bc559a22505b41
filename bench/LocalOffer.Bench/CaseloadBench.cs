using System.Diagnostics;
using System.Globalization;
using LocalOffer.Batch.Caseload;
using LocalOffer.Batch.Synth;
using LocalOffer.Core;
using NodaTime;

namespace LocalOffer.Bench;

/// <summary>
/// The caseload end to end, as `localoffer caseload` does it: read a synthetic SSDA903 return of n
/// young people and a caseload CSV naming an adviser, team and last review for every one, assess
/// each (the full answer, as `check`), list 60 days of events and write the CSV. Median of the runs
/// after one warm-up, each step timed.
/// </summary>
public static class CaseloadBench
{
    public static int Run(int n, int runs)
    {
        var dir = Path.Combine(Path.GetTempPath(), "localoffer-bench", $"caseload-{n}");
        var asAt = new LocalDate(2026, 3, 31);
        if (!File.Exists(Path.Combine(dir, "episodes.csv"))) SyntheticReturn.Write(dir, n, seed: 1, asAt);
        var header = Path.Combine(dir, "header.csv");
        var caseload = Path.Combine(dir, "caseload.csv");
        if (!File.Exists(caseload))
        {
            using var w = new StreamWriter(caseload);
            w.WriteLine("CHILD,adviser,team,last_review");
            var i = 0;
            foreach (var line in File.ReadLines(header).Skip(1))
            {
                var child = line.Split(',')[0];
                w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{child},Adviser {i % 800},Team {i % 40},{asAt.PlusDays(-(i % 240)):yyyy-MM-dd}"));
                i++;
            }
        }
        var core = RulesCore.LoadDefault();
        var options = new CaseloadOptions(header, [Path.Combine(dir, "episodes.csv")], [], null, caseload, asAt, 60);
        var totals = new List<double>();
        var events = 0; var people = 0;
        for (var r = 0; r < runs + 1; r++)
        {
            GC.Collect();
            var sw = Stopwatch.StartNew();
            var result = new CaseloadRunner(core).Run(options);
            using (var s = File.Create(Path.Combine(dir, "caseload-out.csv"))) CaseloadCsvWriter.Write(s, result.Events);
            var t = sw.Elapsed.TotalSeconds;
            events = result.Events.Count; people = result.YoungPeople;
            if (r > 0) totals.Add(t);
        }
        var sorted = totals.Order().ToList();
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}");
        Console.WriteLine($"caseload: {people:N0} young people, {events:N0} items in 60 days; end to end median {sorted[sorted.Count / 2]:F2} s " +
            $"(runs: {string.Join(", ", totals.Select(x => x.ToString("F2", CultureInfo.InvariantCulture)))})");
        return 0;
    }
}
