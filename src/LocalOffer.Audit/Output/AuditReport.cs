using System.Globalization;
using LocalOffer.Audit.Input;
using LocalOffer.Core.Engine;
using LocalOffer.Indicators;
using static LocalOffer.Indicators.Output.IndicatorReport;
using LocalOffer.Offers.Render;
using NodaTime;

namespace LocalOffer.Audit.Output;

/// <summary>
/// index.html: the audit as a GOV.UK Frontend page with no JavaScript (templates/audit/index.sbn-html; every
/// value escaped by the template context). Counts by finding, the young people to look at first, the category
/// recorded against the law's, counts by team and by adviser, the in-year indicators from the list with
/// the DfE's benchmarks, and the findings (the first <see cref="FindingsLimit"/>; all are in audit.csv).
/// </summary>
public static class AuditReport
{
    public const int FindingsLimit = 1000;

    private static readonly Dictionary<string, string> IndicatorTitles = new()
    {
        ["in_touch"] = "In touch with the council", ["activity"] = "In education, employment or training",
        ["accommodation"] = "In suitable accommodation",
    };

    private static readonly Dictionary<string, string> CategoryWords = new()
    {
        ["in_touch"] = "In touch", ["not_in_touch"] = "Not in touch", ["refuses_contact"] = "Refuses contact",
        ["no_longer_requires_services"] = "No longer requires services",
        ["eet"] = "In education, employment or training", ["neet"] = "Not in education, employment or training",
        ["not_known"] = "Not known", ["suitable"] = "Suitable", ["unsuitable"] = "Unsuitable",
        ["no_information"] = "Not known",
    };

    public static string Render(TemplateSet templates, AuditRun run, AuditTables tables,
        int findingsLimit = FindingsLimit) =>
        templates.Render("audit/index", Model(run, tables, findingsLimit));

    /// <summary>
    /// The report's values, for templates/audit/_audit-report.sbn-html (the report folder and /audit).
    /// </summary>
    public static object Model(AuditRun run, AuditTables tables, int findingsLimit = FindingsLimit)
    {
        var s = run.Summary;
        var council = run.Council;
        var findings = AuditCsv.Ordered(run).ToList();
        var list = run.Format == ListFormat.AnnexA ? "Annex A list 9" : "the SSD's ssd_care_leavers table";
        var model = new
        {
            council = council?.Name,
            asAt = Show(run.AsAt),
            list,
            summary = new[]
            {
                Item("As at", Show(run.AsAt)),
                Item("List", $"{list}: {N(s.ListRowsRead)} rows read, {N(s.ListRowsAudited)} audited, "
                    + $"{N(s.ListRowsRejected)} rejected (see rejects.csv)"),
                Item("Young people in the care histories", N(s.Children)),
                Item("Care history rows rejected", N(s.HistoryRowsRejected)),
                Item("Young people with a finding", N(s.PeopleWithFindings)),
            },
            byFinding = Findings.All.Select(f =>
                new { finding = Findings.Words(f), code = f, count = N(s.ByFinding[f]) }),
            first = tables.First.Select(p => new
            {
                child = p.Child, weight = p.Weight, team = Blank(p.Row?.Team), adviser = Blank(p.Row?.Adviser),
                findings = string.Join("; ", p.Findings.Select(f => Findings.Words(f.Finding))),
            }),
            columns = AuditTables.ComputedColumns.Select(Short),
            matrix = AuditTables.RecordedRows.Select((r, i) => new
            {
                recorded = r switch
                {
                    "none" => "No category recorded",
                    "not on the list" => "Not on the list",
                    _ => Short(StatusNames.FromWire(r)),
                },
                cells = AuditTables.ComputedColumns.Select((_, j) => N(tables.Matrix[i, j])),
            }),
            groupings = new[]
            {
                new { caption = "By team", heading = "Team", groups = Groups(tables.ByTeam) },
                new { caption = "By personal adviser", heading = "Adviser", groups = Groups(tables.ByAdviser) },
            },
            indicators = run.Indicators.GroupBy(r => (r.Indicator, r.AgeBand)).Select(g => new
            {
                title = $"{IndicatorTitles[g.Key.Indicator]}, aged {g.Key.AgeBand}",
                total = N(g.First().Total),
                year = g.First().BenchmarkYear,
                rows = g.Select(r => new
                {
                    category = CategoryWords.GetValueOrDefault(r.Category, r.Category),
                    count = N(r.Count), percent = r.Percent is { } p ? $"{p}%" : "–",
                    published = council is null ? null : Pct(r.CouncilPublished?.Percent),
                    region = council is null ? null : Pct(r.Region?.Text),
                    neighbours = council is null ? null : Pct(r.Neighbours?.Text),
                    england = Pct(r.England.Text),
                }),
            }),
            findings = findings.Take(findingsLimit).Select(f => new
            {
                child = f.Child, finding = Findings.Words(f.Finding), recorded = Blank(f.Recorded),
                computed = f.Computed,
                detail = f.Detail, provisions = f.Provisions,
            }),
            findingsCut = findings.Count > findingsLimit
                ? $"The first {findingsLimit:N0} of {findings.Count:N0} findings are shown; all are in audit.csv."
                : null,
            noFindings = findings.Count == 0,
        };
        return model;
    }

    private static object Groups(IReadOnlyList<AuditGroup> groups) => groups.Select(g => new
    {
        name = g.Name, people = N(g.People), withFindings = N(g.WithFindings),
        top = string.Join("; ", g.ByFinding.Where(kv => kv.Value > 0).OrderByDescending(kv => kv.Value)
            .Select(kv => $"{Findings.Words(kv.Key)} {kv.Value}")),
    });

    private static object Item(string key, string value) => new { key, value };

    /// <summary>A category in a table's heading: short, since the caption says what the table is.</summary>
    private static string Short(Status s) => s switch
    {
        Status.Eligible => "Eligible", Status.Relevant => "Relevant", Status.FormerRelevant => "Former relevant",
        Status.Qualifying => "Qualifying", Status.LookedAfter => "Looked after, not eligible", _ => "Not a care leaver",
    };

    private static string Blank(string? s) => string.IsNullOrEmpty(s) ? "–" : s;
    private static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
    private static string Show(LocalDate d) => d.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}
