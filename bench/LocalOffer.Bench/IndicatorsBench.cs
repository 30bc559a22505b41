using System.Diagnostics;
using LocalOffer.Batch;
using LocalOffer.Batch.Synth;
using LocalOffer.Core;
using LocalOffer.Indicators;
using NodaTime;

/// <summary>
/// `indicators` against `batch` on the same synthetic files (header, episodes, and oc3 for the
/// indicators), each the whole command with its outputs written; the first run warms up and is not
/// counted; medians of the rest, taken alternately so both see the same machine load.
/// </summary>
internal static class IndicatorsBench
{
    public static int Run(int[] sizes, int runs)
    {
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}");
        Console.WriteLine($"children | OC3 rows | batch | indicators | ratio of medians | median of run ratios   ({runs} runs)");
        var yearEnd = new LocalDate(2026, 3, 31);
        var core = RulesCore.LoadDefault();
        var indicators = IndicatorsRunner.LoadDefault(core);
        foreach (var n in sizes)
        {
            var dir = Path.Combine(Path.GetTempPath(), "localoffer-bench-oc3", n.ToString());
            if (!File.Exists(Path.Combine(dir, "oc3.csv"))) SyntheticReturn.Write(dir, n, seed: 1, yearEnd);
            var header = Path.Combine(dir, "header.csv");
            var episodes = Path.Combine(dir, "episodes.csv");
            var batchOptions = new BatchOptions(header, [episodes], [], yearEnd, Path.Combine(dir, "results.csv"), "csv", Path.Combine(dir, "rejects.csv"));
            var indOptions = new IndicatorOptions(header, [episodes], Path.Combine(dir, "oc3.csv"), [], yearEnd, "384", Path.Combine(dir, "report"));
            var b = new List<double>(); var ind = new List<double>(); var ratios = new List<double>();
            long oc3Rows = 0;
            for (var i = 0; i < runs + 1; i++)
            {
                GC.Collect();
                var sw = Stopwatch.StartNew();
                new BatchRunner(core).Run(batchOptions);
                var tb = sw.Elapsed.TotalSeconds;
                GC.Collect();
                sw.Restart();
                var run = indicators.Run(indOptions);
                var ti = sw.Elapsed.TotalSeconds;
                oc3Rows = run.Summary.Oc3RowsRead;
                Console.Error.WriteLine($"  run {i}{(i == 0 ? " (warm-up)" : "")}: batch {tb:F2} s, indicators {ti:F2} s");
                if (i == 0) continue;
                b.Add(tb); ind.Add(ti); ratios.Add(ti / tb);
            }
            // The ratio of each run (batch then indicators, back to back) is less sensitive to a machine
            // whose load changes during the bench than the ratio of the two medians.
            Console.WriteLine($"{n,8:N0} | {oc3Rows,8:N0} | {Median(b),5:F2} s | {Median(ind),6:F2} s | "
                + $"{Median(ind) / Median(b),5:F2} | {Median(ratios),5:F2}");
        }
        return 0;
    }

    internal static double Median(List<double> xs)
    {
        var s = xs.Order().ToList();
        return s.Count % 2 == 1 ? s[s.Count / 2] : (s[s.Count / 2 - 1] + s[s.Count / 2]) / 2;
    }
}
