using System.Globalization;
using LocalOffer.Batch.Output;
using LocalOffer.Core.Engine;
using LocalOffer.Indicators.Output;

namespace LocalOffer.Audit.Output;

/// <summary>
/// audit.xlsx (<see cref="XlsxSheets"/>: every text an inline string, never a formula): Summary (counts
/// by finding), Findings (audit.csv with team and adviser), Young people (everyone audited), Categories
/// (recorded against the law's), Teams, Advisers and Indicators (this list against the DfE's figures).
/// A sheet holds at most 1,048,576 rows: beyond that it stops, and the Summary says so.
/// </summary>
public static class AuditXlsx
{
    public static readonly string[] PeopleColumns =
    [
        "child", "date_of_birth", "age", "on_list", "line", "recorded", "computed", "since", "team", "adviser",
        "findings", "weight", "warning",
    ];

    public static void Write(Stream output, AuditRun run, AuditTables tables, string title)
    {
        var findings = AuditCsv.Ordered(run).ToList();
        var cut = findings.Count >= XlsxSheets.RowLimit || run.People.Count >= XlsxSheets.RowLimit;
        XlsxSheets.Write(output,
        [
            ("Summary", Summary(run, title, cut)),
            ("Findings", Rows([.. AuditCsv.Columns, "team", "adviser"], findings.Select(f =>
                (IReadOnlyList<object?>)
                [f.Child, f.Finding, f.Recorded, f.Computed, f.Detail, f.Provisions, f.Team, f.Adviser]))),
            ("Young people", Rows(PeopleColumns, run.People.Select(p => (IReadOnlyList<object?>)
            [
                p.Child, Iso(p.DateOfBirth), p.Age, p.Row is null ? "no" : "yes", p.Row?.Line, p.Row?.RecordedCategory,
                p.Computed.Wire(), Iso(p.Since), p.Row?.Team, p.Row?.Adviser, p.Findings.Count, p.Weight, p.Warning,
            ]))),
            ("Categories", Matrix(tables)),
            ("Teams", Groups("team", tables.ByTeam)),
            ("Advisers", Groups("adviser", tables.ByAdviser)),
            ("Indicators", Rows(IndicatorCsv.IndicatorColumns[..^1], run.Indicators.Select(r => (IReadOnlyList<object?>)
            [
                r.Indicator, r.AgeBand, r.Category, r.Count, r.Total, r.Percent,
                r.England.Value ?? (object)r.England.Text,
                r.Region is null ? null : r.Region.Value ?? (object)r.Region.Text,
                r.Neighbours is null ? null : r.Neighbours.Value ?? (object)r.Neighbours.Text,
                r.NeighboursUsed is { } u ? u.Used : null, r.CouncilPublished?.PercentValue, r.BenchmarkYear,
            ]))),
        ]);
    }

    private static IEnumerable<IReadOnlyList<object?>> Summary(AuditRun run, string title, bool cut)
    {
        var s = run.Summary;
        yield return [title];
        yield return [];
        yield return ["list rows read", s.ListRowsRead];
        yield return ["list rows audited", s.ListRowsAudited];
        yield return ["list rows rejected", s.ListRowsRejected];
        yield return ["young people in the care histories", s.Children];
        yield return ["young people with a finding", s.PeopleWithFindings];
        yield return [];
        yield return ["finding", "count", "what it means"];
        foreach (var (f, n) in s.ByFinding) yield return [f, n, Findings.Words(f)];
        if (cut)
            yield return ["A sheet holds at most 1,048,576 rows: the longer sheets stop there; "
                + "audit.csv has every finding."];
    }

    private static IEnumerable<IReadOnlyList<object?>> Matrix(AuditTables t)
    {
        yield return ["recorded \\ law on the as-at date", .. AuditTables.ComputedColumns.Select(c => c.Wire())];
        for (var r = 0; r < AuditTables.RecordedRows.Length; r++)
            yield return [AuditTables.RecordedRows[r], .. Enumerable.Range(0, AuditTables.ComputedColumns.Length)
                .Select(c => (object?)t.Matrix[r, c])];
    }

    private static IEnumerable<IReadOnlyList<object?>> Groups(string what, IReadOnlyList<AuditGroup> groups) =>
        Rows([what, "young_people", "with_findings", .. Findings.All], groups.Select(g => (IReadOnlyList<object?>)
            [g.Name, g.People, g.WithFindings, .. Findings.All.Select(f => (object?)g.ByFinding[f])]));

    private static IEnumerable<IReadOnlyList<object?>> Rows(IReadOnlyList<string> columns,
        IEnumerable<IReadOnlyList<object?>> rows) =>
        rows.Prepend(columns);

    private static string Iso(NodaTime.LocalDate d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
