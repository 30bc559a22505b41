using LocalOffer.Indicators.Output;

namespace LocalOffer.Audit.Output;

/// <summary>
/// audit.csv: one line per finding, the young people in the list's order then those missing from it,
/// each young person's findings in the order of <see cref="Findings.All"/>. Cells a spreadsheet would
/// read as a formula get a leading apostrophe (<see cref="SafeCsv"/>).
/// </summary>
public static class AuditCsv
{
    public static readonly string[] Columns = ["child", "finding", "recorded", "computed", "detail", "provisions"];

    public static void Write(Stream output, AuditRun run)
    {
        using var csv = SafeCsv.Open(output);
        SafeCsv.Row(csv, Columns);
        foreach (var f in Ordered(run))
            SafeCsv.Row(csv, f.Child, f.Finding, f.Recorded, f.Computed, f.Detail, f.Provisions);
        csv.Flush();
    }

    /// <summary>Findings by young person, each young person's in the fixed order of the findings.</summary>
    public static IEnumerable<AuditFinding> Ordered(AuditRun run) =>
        run.People.SelectMany(p => p.Findings.OrderBy(f => Array.IndexOf(Findings.All, f.Finding)));
}
