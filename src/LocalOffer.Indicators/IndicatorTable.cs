using System.Globalization;
using LocalOffer.Indicators.Benchmarks;
using LocalOffer.Indicators.Definitions;

namespace LocalOffer.Indicators;

/// <summary>A benchmark figure: the percent (or the suppression code as published) and the year.</summary>
public sealed record BenchmarkFigure(string Text, decimal? Value);

/// <summary>One line of indicators.csv: a category's count of the band's total, with benchmarks.</summary>
public sealed record IndicatorRow(
    string Indicator, string AgeBand, string Category, int Count, int Total, int? Percent,
    int BenchmarkYear, BenchmarkFigure England, BenchmarkFigure? Region, BenchmarkFigure? Neighbours,
    NeighbourMedian? NeighboursUsed,
    DfeCell? CouncilPublished);

/// <summary>
/// The indicators over the young people counted (an OC3 row used: a care leaver, not died or
/// returned home), by age band, each category's count of the band's total, with the DfE benchmarks
/// of the latest year: England, the council's region and the median of its statistical neighbours.
/// </summary>
public static class IndicatorTable
{
    /// <summary>
    /// Percent as the DfE publishes it: a whole number, halves rounded up (this reproduces every
    /// council percentage in the DfE tables; a test checks them all). Integer arithmetic, no float.
    /// </summary>
    public static int? Percent(int count, int total) =>
        total <= 0 ? null : (int)((200L * count + total) / (2L * total));

    public static List<IndicatorRow> Build(
        IReadOnlyList<YoungPerson> people, IndicatorDefinitions defs, DfeTables dfe, Council? council)
    {
        var rows = new List<IndicatorRow>();
        foreach (var (indicator, categories) in defs.Indicators)
        {
            var year = dfe.LatestYear(indicator);
            var bands = indicator == "staying_put" ? defs.StayingPut.AgeBands.Keys : defs.AgeBands.Keys;
            foreach (var band in bands)
            {
                Func<YoungPerson, bool> inBand;
                Func<YoungPerson, string?> category;
                if (indicator == "staying_put")
                {
                    inBand = p => p.StayingPutBand == band;
                    category = p => p.StayingPut ? "staying_put" : null;
                }
                else
                {
                    // The DfE's suitability total leaves out those gone abroad, deported or whose residence is
                    // not known (oc3.yaml accommodation.left_out_of_suitability); the other totals keep everyone.
                    var suitability = indicator == "accommodation";
                    inBand = p => p.Counted && p.Band == band
                        && !(suitability && p.Accommodation == IndicatorDefinitions.LeftOutOfSuitability);
                    category = indicator switch
                    {
                        "in_touch" => p => p.InTouch,
                        "activity" => p => p.Activity,
                        _ => p => p.Accommodation,
                    };
                }
                // Counted in one pass, no list of the band made (issue 30: eight lists and groupings of the
                // whole cohort were a twentieth of a cold run at 100k, most of it the collections they caused).
                var counts = new Dictionary<string, int>(StringComparer.Ordinal);
                var total = 0;
                foreach (var p in people)
                {
                    if (!inBand(p)) continue;
                    total++;
                    var key = category(p) ?? "";
                    counts[key] = counts.GetValueOrDefault(key) + 1;
                }
                foreach (var c in categories)
                {
                    var n = counts.GetValueOrDefault(c);
                    rows.Add(new IndicatorRow(indicator, band, c, n, total, Percent(n, total), year,
                        Figure(dfe.Figure(indicator, Place.England, year, band, c)),
                        council is null ? null
                            : Figure(dfe.Figure(indicator, Place.Region(council.Region), year, band, c)),
                        council is null ? null : Median(dfe.NeighbourMedian(council, indicator, year, band, c)),
                        council is null ? null : dfe.NeighbourMedian(council, indicator, year, band, c),
                        council is null ? null : dfe.Figure(indicator, Place.La(council.Code), year, band, c)));
                }
            }
        }
        return rows;
    }

    private static BenchmarkFigure Figure(DfeCell? c) =>
        c is { } cell ? new BenchmarkFigure(cell.Percent, cell.PercentValue) : new BenchmarkFigure("x", null);

    private static BenchmarkFigure Median(NeighbourMedian m) =>
        m.Median is { } v ? new BenchmarkFigure(Format(v), v) : new BenchmarkFigure("x", null);

    public static string Format(decimal v) => v.ToString("0.#", CultureInfo.InvariantCulture);
}
