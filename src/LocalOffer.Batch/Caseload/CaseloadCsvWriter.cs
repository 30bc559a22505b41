using System.Globalization;
using CsvHelper;
using LocalOffer.Batch.Input;

namespace LocalOffer.Batch.Caseload;

/// <summary>
/// The caseload as CSV, one row per event sorted by due date. Every cell that a spreadsheet would
/// read as a formula (starting = + - @ tab or CR) is prefixed with ' (OWASP CSV injection).
/// </summary>
public static class CaseloadCsvWriter
{
    public static readonly string[] Columns =
        ["CHILD", "due", "days_left", "event", "title", "changes", "provisions", "provision_links", "adviser", "team", "last_review", "last_contact"];

    /// <summary>Rows a core makes as text at a time when the rows are written on every core.</summary>
    private const int Part = 1024;

    public static void Write(Stream output, IEnumerable<CaseloadEvent> events)
    {
        if (events is IReadOnlyList<CaseloadEvent> list && list.Count > Part && ReadAhead.Threaded)
        {
            WriteOnEveryCore(output, list);
            return;
        }
        using var csv = CsvWriter.Create(output, new CsvWriterOptions(), leaveOpen: true);
        csv.WriteRecord(Columns);
        foreach (var e in events) WriteRow(csv, e);
        csv.Flush();
    }

    /// <summary>
    /// The same bytes, the rows made as text a part at a time on every core and copied out in order (each part by a
    /// writer of its own, as the batch writes its results: a row's text is its own cells' alone), so the file of a
    /// caseload is not written on one core while the other waits (issue 30). A few parts are held at a time.
    /// </summary>
    private static void WriteOnEveryCore(Stream output, IReadOnlyList<CaseloadEvent> events)
    {
        using (var header = CsvWriter.Create(output, new CsvWriterOptions(), leaveOpen: true))
        {
            header.WriteRecord(Columns);
            header.Flush();
        }
        var texts = new MemoryStream[4 * Environment.ProcessorCount];
        for (var k = 0; k < texts.Length; k++) texts[k] = new MemoryStream();
        for (var first = 0; first < events.Count; first += texts.Length * Part)
        {
            var start = first;
            var parts = Math.Min(texts.Length, (events.Count - start + Part - 1) / Part);
            Parallel.For(0, parts, k =>
            {
                texts[k].SetLength(0);
                using var csv = CsvWriter.Create(texts[k], new CsvWriterOptions(), leaveOpen: true);
                var end = Math.Min(events.Count, start + (k + 1) * Part);
                for (var i = start + k * Part; i < end; i++) WriteRow(csv, events[i]);
                csv.Flush();
            });
            for (var k = 0; k < parts; k++) output.Write(texts[k].GetBuffer(), 0, (int)texts[k].Length);
        }
    }

    private static void WriteRow(CsvWriter csv, CaseloadEvent e)
    {
        // days_left (column 3) is our own whole number: a minus sign there is a number, not a formula.
        var i = 0;
        foreach (var cell in Row(e)) csv.WriteField(i++ == 2 ? cell : Neutralise(cell));
        csv.EndRecord();
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
