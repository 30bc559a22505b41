using System.Globalization;
using CsvHelper;

namespace LocalOffer.Batch.Caseload;

/// <summary>
/// The caseload as CSV, one row per event sorted by due date. Every cell that a spreadsheet would
/// read as a formula (starting = + - @ tab or CR) is prefixed with ' (OWASP CSV injection).
/// </summary>
public static class CaseloadCsvWriter
{
    public static readonly string[] Columns =
        ["CHILD", "due", "days_left", "event", "title", "changes", "provisions", "provision_links", "adviser", "team", "last_review", "last_contact"];

    public static void Write(Stream output, IEnumerable<CaseloadEvent> events)
    {
        using var csv = CsvWriter.Create(output, new CsvWriterOptions(), leaveOpen: true);
        csv.WriteRecord(Columns);
        foreach (var e in events)
        {
            // days_left (column 3) is our own whole number: a minus sign there is a number, not a formula.
            var i = 0;
            foreach (var cell in Row(e)) csv.WriteField(i++ == 2 ? cell : Neutralise(cell));
            csv.EndRecord();
        }
        csv.Flush();
    }

    public static IEnumerable<string> Row(CaseloadEvent e) =>
    [
        e.Child, e.Due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), e.DaysLeft.ToString(CultureInfo.InvariantCulture),
        e.Kind.Wire(), e.Title, e.Changes, string.Join("; ", e.Basis.Select(b => b.Citation)), string.Join(" ", e.Basis.Select(b => b.Url)),
        e.Extras?.Adviser ?? "", e.Extras?.Team ?? "", e.Extras?.LastReview?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
        e.Extras?.LastContact?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
    ];

    /// <summary>A cell a spreadsheet would run as a formula gets a leading '.</summary>
    public static string Neutralise(string cell) =>
        cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + cell : cell;
}
