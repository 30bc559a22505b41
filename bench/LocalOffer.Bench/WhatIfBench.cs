using System.Diagnostics;
using System.Globalization;
using LocalOffer.Batch.Caseload;
using LocalOffer.Batch.Synth;
using LocalOffer.Core;
using LocalOffer.WhatIf;
using NodaTime;

namespace LocalOffer.Bench;

/// <summary>
/// `localoffer whatif` end to end on a synthetic SSDA903 return of n young people (seed 1, year ending 31 March
/// 2026): staying close from 1 October 2026 and the intentionally homeless protection from 1 April 2027, a unit
/// cost, 24 month-ends from the year end; read, count under both laws, write whatif.csv, gainers.csv, index.html and
/// rejects.csv. Also the read alone, so the count (both laws, every month-end) is the difference. Median of the runs
/// after one warm-up; the machine's load average before and after.
/// </summary>
public static class WhatIfBench
{
    public static int Run(int n, int runs)
    {
        var dir = Path.Combine(Path.GetTempPath(), "localoffer-bench", n.ToString(CultureInfo.InvariantCulture));
        var asAt = new LocalDate(2026, 3, 31);
        if (!File.Exists(Path.Combine(dir, "episodes.csv"))) SyntheticReturn.Write(dir, n, seed: 1, asAt);
        var (header, episodes) = (Path.Combine(dir, "header.csv"), Path.Combine(dir, "episodes.csv"));
        var core = RulesCore.LoadDefault();
        var templates = LocalOffer.Offers.Render.TemplateSet.LoadDefault();
        var options = new WhatIfOptions(header, [episodes], [], null, null,
            ["commencement.staying_close=2026-10-01", "commencement.intentionally_homeless_protection=2027-04-01"],
            asAt, 24, ["staying-close=2500/yr"], Path.Combine(dir, "whatif"), Force: true);
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}; load before: {Load()}");
        var (totals, reads) = (new List<double>(), new List<double>());
        WhatIfResult? last = null;
        for (var r = 0; r < runs + 1; r++) // the first run warms up and is not counted
        {
            GC.Collect();
            var sw = Stopwatch.StartNew();
            new CaseloadRunner(core).Load(new CaseloadOptions(header, [episodes], [], null, null, asAt, 1), []);
            var read = sw.Elapsed.TotalSeconds;
            GC.Collect();
            sw.Restart();
            var (cpu0, gc0) = (Process.GetCurrentProcess().TotalProcessorTime, GC.CollectionCount(0));
            var result = new WhatIfRunner(core).Compute(options);
            var (cpu, gcs) = (Process.GetCurrentProcess().TotalProcessorTime - cpu0, GC.CollectionCount(0) - gc0);
            var computed = sw.Elapsed.TotalSeconds;
            WhatIfFolder.Write(result, options, templates, core.Law.Entitlements);
            var total = sw.Elapsed.TotalSeconds;
            Console.WriteLine($"  run {r}: read {result.Phases["read"].TotalSeconds:F2} s, count {result.Phases["count"].TotalSeconds:F2} s, " +
                $"write {total - computed:F2} s; read and count CPU {cpu.TotalSeconds:F2} s, {gcs} collections");
            if (r > 0) (totals, reads) = ([.. totals, total], [.. reads, read]);
            last = result;
        }
        double Median(List<double> xs) => xs.Order().ElementAt(xs.Count / 2);
        var gainers = last!.Gainers.Select(g => g.Child).Distinct().Count();
        Console.WriteLine($"whatif: {last.YoungPeople:N0} young people, {last.Horizon.MonthEnds.Count} month-ends, " +
            $"{gainers:N0} gain something; end to end median {Median(totals):F2} s, read alone {Median(reads):F2} s, " +
            $"so counting both laws and writing {Median(totals) - Median(reads):F2} s");
        Console.WriteLine($"  runs: {string.Join(", ", totals.Select(x => x.ToString("F2", CultureInfo.InvariantCulture)))}; " +
            $"load after: {Load()}");
        return 0;
    }

    private static string Load() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "unknown";
}
