using System.Globalization;

namespace LocalOffer.Indicators.Output;

/// <summary>
/// indicators.csv and cohort-check.csv. The indicator columns are those of the issue, then the year
/// of the DfE figures and how many of the 10 statistical neighbours the median used (a suppressed
/// neighbour is left out). A suppressed benchmark is written as its code (c, z, k, x).
/// </summary>
public static class IndicatorCsv
{
    public static readonly string[] IndicatorColumns =
    [
        "indicator", "age_band", "category", "count", "total", "percent", "england_percent", "region_percent",
        "statistical_neighbours_percent", "benchmark_year", "statistical_neighbours_used",
    ];

    public static readonly string[] CohortColumns = ["CHILD", "finding", "detail"];

    public static void WriteIndicators(Stream output, IEnumerable<IndicatorRow> rows)
    {
        using var csv = SafeCsv.Open(output);
        SafeCsv.Row(csv, IndicatorColumns);
        foreach (var r in rows)
            SafeCsv.Row(csv, r.Indicator, r.AgeBand, r.Category, I(r.Count), I(r.Total), r.Percent is { } p ? I(p) : "",
                r.England.Text, r.Region?.Text ?? "", r.Neighbours?.Text ?? "", I(r.BenchmarkYear),
                r.NeighboursUsed is { } u ? $"{u.Used} of {u.Of}" : "");
        csv.Flush();
    }

    public static void WriteCohortCheck(Stream output, IEnumerable<YoungPerson> people)
    {
        using var csv = SafeCsv.Open(output);
        SafeCsv.Row(csv, CohortColumns);
        foreach (var p in Ordered(people)) SafeCsv.Row(csv, p.Child, p.Finding, p.Detail);
        csv.Flush();
    }

    /// <summary>Findings in a fixed order (missing, not a care leaver, died or returned home), each in input order.</summary>
    public static IEnumerable<YoungPerson> Ordered(IEnumerable<YoungPerson> people) =>
        people.Where(p => p.Finding is not null).OrderBy(p => Array.IndexOf(Findings.All, p.Finding));

    private static string I(int n) => n.ToString(CultureInfo.InvariantCulture);
}
