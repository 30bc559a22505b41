using System.Globalization;
using LocalOffer.Indicators.Benchmarks;
using LocalOffer.Indicators.Definitions;
using LocalOffer.Offers.Render;
using NodaTime;

namespace LocalOffer.Indicators.Output;

/// <summary>
/// index.html: the accessible report (GOV.UK Frontend, no JavaScript), from templates/indicators/index.sbn-html.
/// Each indicator and age band: a bar chart of the headline category (this return, the council's
/// published figure, region, statistical neighbours, England) with the table of every category beside
/// it; the council's published five-year trend when a council is given; the cohort check as a table
/// (the first <see cref="CohortTableLimit"/> rows; all are in cohort-check.csv).
/// </summary>
public static class IndicatorReport
{
    public const int CohortTableLimit = 1000;

    private static readonly Dictionary<string, (string Title, string Headline, string HeadlineWords)> Words = new()
    {
        ["in_touch"] = ("In touch with the council", "in_touch", "in touch"),
        ["activity"] = ("In education, employment or training", "eet", "in education, employment or training"),
        ["accommodation"] = ("In suitable accommodation", "suitable", "in suitable accommodation"),
        ["staying_put"] = ("Staying put with former foster carers", "staying_put", "staying put"),
    };

    private static readonly Dictionary<string, string> CategoryWords = new()
    {
        ["in_touch"] = "In touch", ["not_in_touch"] = "Not in touch", ["refuses_contact"] = "Refuses contact",
        ["no_longer_requires_services"] = "No longer requires services",
        ["eet"] = "In education, employment or training",
        ["neet"] = "Not in education, employment or training", ["not_known"] = "Information not known",
        ["suitable"] = "Suitable", ["unsuitable"] = "Unsuitable", ["no_information"] = "No information",
        ["staying_put"] = "Staying put",
    };

    private static readonly Dictionary<string, string> FindingWords = new()
    {
        [Findings.MissingOc3] = "Missing from OC3", [Findings.NotACareLeaver] = "Not a care leaver",
        [Findings.DiedOrReturnedHome] = "Died or returned home",
        [Findings.CareTransferred] = "Care transferred to another council",
    };

    public static string Render(
        TemplateSet templates, IndicatorRun run, IndicatorDefinitions defs, DfeTables dfe, Council? council,
        int cohortTableLimit = CohortTableLimit)
    {
        var who = council is null ? "this return" : $"{council.Name} (this return)";
        var indicators = defs.Indicators.Select(ind =>
        {
            var (title, headline, words) = Words[ind.Indicator];
            var bands = run.Rows.Where(r => r.Indicator == ind.Indicator).GroupBy(r => r.AgeBand).Select(g =>
            {
                var h = g.First(r => r.Category == headline);
                var ours = h.Percent is { } p ? $"{p}% ({h.Count} of {h.Total})" : "no young people";
                var bars = new List<Bar> { new(who, h.Percent, ours) };
                if (council is not null)
                {
                    bars.Add(Published($"{council.Name} published {h.BenchmarkYear}", h.CouncilPublished?.Percent));
                    bars.Add(Published($"{council.Region} (region)", h.Region?.Text));
                    var used = h.NeighboursUsed?.Used ?? 0;
                    bars.Add(Published($"Statistical neighbours (median of {used})", h.Neighbours?.Text));
                }
                bars.Add(Published("England", h.England.Text));
                var id = $"chart-{ind.Indicator}-{g.Key}".Replace('_', '-');
                return new
                {
                    band = g.Key,
                    chartTitle = $"{title}, aged {g.Key}: percent {words}",
                    svg = SafeSvg.Check(BarChartSvg.Render(id, $"{title}, aged {g.Key}: percent {words}", bars)),
                    year = h.BenchmarkYear,
                    total = h.Total,
                    rows = g.Select(r => new
                    {
                        category = CategoryWords.GetValueOrDefault(r.Category, r.Category),
                        // Issue 28: the two shares where fewer is better say so (the headline shares are
                        // "higher is better", said under each chart).
                        better = r.Category is "not_in_touch" or "neet" ? "Lower is better" : null,
                        count = r.Count, percent = r.Percent is { } p ? $"{p}%" : "–",
                        council = r.CouncilPublished?.Percent is { } cp ? Pct(cp) : "not available",
                        region = r.Region is null ? null : Pct(r.Region.Text),
                        neighbours = r.Neighbours is null ? null
                            : r.NeighboursUsed is { } u && u.Used < u.Of
                                ? $"{Pct(r.Neighbours.Text)} (median of {u.Used} of {u.Of} neighbours)"
                            : Pct(r.Neighbours.Text),
                        england = Pct(r.England.Text),
                    }).ToArray(),
                };
            }).ToArray();
            var trend = council is null ? [] : dfe.Years(ind.Indicator).Select(y => new
            {
                year = y,
                cells = bands.Select(b => Trend(dfe, ind.Indicator, council, y, b.band, headline)).ToArray(),
            }).ToArray();
            var bandNames = bands.Select(b => b.band).ToArray();
            return new { id = ind.Indicator.Replace('_', '-'), title, words, bands, trend, bandNames };
        }).ToArray();

        var s = run.Summary;
        var findings = IndicatorCsv.Ordered(run.People).ToList();
        var model = new
        {
            pageTitle = "Care leaver indicators",
            council = council?.Name,
            neighbours = council is null ? null
                : string.Join(", ",
                    council.Neighbours.Select(n => dfe.Councils.TryGetValue(n, out var c) ? c.Name : n)),
            region = council?.Region,
            yearStart = Show(run.YearEnd.PlusYears(-1).PlusDays(1)), yearEnd = Show(run.YearEnd),
            summary = new[]
            {
                Item("Collection year", $"{Show(run.YearEnd.PlusYears(-1).PlusDays(1))} to {Show(run.YearEnd)}"),
                Item("Children in the return", N(s.Children)),
                Item("Care leavers aged 17 to 21 on a birthday in the year (engine)", N(s.CareLeavers)),
                Item("OC3 rows", $"{N(s.Oc3RowsRead)} read: {N(s.Oc3RowsCounted)} counted, "
                    + $"{N(s.Oc3RowsInFindings)} in the cohort check, {N(s.Oc3RowsRejected)} rejected"),
                Item("Missing from OC3", N(s.ByFinding[Findings.MissingOc3])),
                Item("OC3 rows for young people who are not care leavers", N(s.ByFinding[Findings.NotACareLeaver])),
                Item("Died or returned home (for information)", N(s.ByFinding[Findings.DiedOrReturnedHome])),
                Item("Care transferred to another council (E3; not in OC3, as the DfE counts)",
                    N(s.ByFinding[Findings.CareTransferred])),
                Item("All rows rejected (header, episodes, OC3)", $"{N(s.RowsRejected)}: see rejects.csv"),
            },
            indicators,
            findings = findings.Take(cohortTableLimit)
                .Select(p => new { child = p.Child, finding = FindingWords[p.Finding!], detail = p.Detail }).ToArray(),
            findingsCut = findings.Count > cohortTableLimit
                ? $"The first {cohortTableLimit:N0} of {findings.Count:N0} findings are shown; "
                    + "all are in cohort-check.csv."
                : null,
            noFindings = findings.Count == 0,
        };
        return templates.Render("indicators/index", model);
    }

    private static Bar Published(string label, string? text) =>
        decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var v)
            ? new Bar(label, v, $"{text}%")
            : new Bar(label, null, Pct(text));

    /// <summary>A published percent, or what its suppression code means (DfE: c, z, k, x).</summary>
    public static string Pct(string? text) =>
        decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _)
            ? text + "%"
            : text switch
        {
            "c" => "suppressed (small number)",
            "k" => "under 0.5%",
            "z" => "not applicable",
            _ => "not available",
        };

    /// <summary>
    /// A trend cell: the council's published percent with its count and total, or what the code means.
    /// </summary>
    private static string Trend(
        DfeTables dfe, string indicator, Council council, int year, string band, string category)
    {
        if (dfe.Figure(indicator, Place.La(council.Code), year, band, category) is not { } c) return "not published";
        if (c.Suppressed) return Pct(c.Percent);
        var total = dfe.Figure(indicator, Place.La(council.Code), year, band, "total")?.Count;
        return $"{c.Percent}% ({c.Count} of {total})";
    }

    private static object Item(string key, string value) => new { key, value };
    private static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
    private static string Show(LocalDate d) => d.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}
