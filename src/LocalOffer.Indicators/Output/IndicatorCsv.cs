using System.Globalization;
using LocalOffer.Indicators.Definitions;

namespace LocalOffer.Indicators.Output;

/// <summary>
/// indicators.csv and cohort-check.csv. Every percent column holds a whole number or nothing: where the
/// DfE published a symbol instead of a figure (c, k, x, z), the cell is empty and `suppressed` says in
/// words what the symbol means and for which benchmark, so no reader has to look a code up. The
/// statistical neighbours' figure is the median of their whole percentages, rounded half up like every
/// other percentage, and `median_of_n` says how many neighbours published a figure it is the median of.
/// </summary>
public static class IndicatorCsv
{
    public static readonly string[] IndicatorColumns =
    [
        "indicator", "age_band", "category", "count", "total", "percent", "england_percent", "region_percent",
        "statistical_neighbours_percent", "median_of_n", "council_published_percent", "benchmark_year",
        "suppressed",
    ];

    public static readonly string[] CohortColumns = ["CHILD", "finding", "detail"];

    public static void WriteIndicators(Stream output, IEnumerable<IndicatorRow> rows, IndicatorDefinitions defs)
    {
        using var csv = SafeCsv.Open(output);
        SafeCsv.Row(csv, IndicatorColumns);
        foreach (var r in rows)
            SafeCsv.Row(csv, r.Indicator, r.AgeBand, r.Category, I(r.Count), I(r.Total), Number(r.Percent),
                Number(r.England.Value), Number(r.Region?.Value), Number(NeighbourPercent(r.NeighboursUsed)),
                r.NeighboursUsed is { } u ? I(u.Used) : "", Number(r.CouncilPublished?.PercentValue),
                I(r.BenchmarkYear), Suppressed(r, defs));
        csv.Flush();
    }

    /// <summary>The neighbours' median as a whole percent, halves rounded up (35.5 → 36), or null.</summary>
    public static int? NeighbourPercent(Benchmarks.NeighbourMedian? m) =>
        m?.Median is { } v ? (int)Math.Floor(v + 0.5m) : null;

    /// <summary>Plain words for every benchmark of the row that is not a number, separated by "; ".</summary>
    public static string Suppressed(IndicatorRow r, IndicatorDefinitions defs)
    {
        var notes = new List<string>();
        void Add(string what, string? symbol, bool isNumber)
        {
            if (isNumber) return;
            var meaning = symbol is { Length: > 0 } s && defs.DfeSymbols.TryGetValue(s, out var m) ? m
                : "not published for this breakdown";
            notes.Add($"{what}: {meaning}");
        }
        Add("England", r.England.Text, r.England.Value is not null);
        if (r.Region is { } region) Add("region", region.Text, region.Value is not null);
        if (r.NeighboursUsed is { } u && u.Used < u.Of)
            notes.Add(u.Used == 0 ? $"statistical neighbours: none of {u.Of} published a figure"
                : $"statistical neighbours: {u.Of - u.Used} of {u.Of} published no figure, left out of the median");
        if (r.CouncilPublished is { } c) Add("council's published figure", c.Percent, c.PercentValue is not null);
        return string.Join("; ", notes);
    }

    public static void WriteCohortCheck(Stream output, IEnumerable<YoungPerson> people)
    {
        using var csv = SafeCsv.Open(output);
        SafeCsv.Row(csv, CohortColumns);
        foreach (var p in Ordered(people)) SafeCsv.Row(csv, p.Child, p.Finding, p.Detail);
        csv.Flush();
    }

    /// <summary>Findings in the fixed order of <see cref="Findings.All"/>, each in input order.</summary>
    public static IEnumerable<YoungPerson> Ordered(IEnumerable<YoungPerson> people) =>
        people.Where(p => p.Finding is not null).OrderBy(p => Array.IndexOf(Findings.All, p.Finding));

    private static string Number(decimal? v) => v is { } d ? d.ToString("0.#", CultureInfo.InvariantCulture) : "";

    private static string Number(int? v) => v is { } n ? I(n) : "";

    private static string I(int n) => n.ToString(CultureInfo.InvariantCulture);
}
