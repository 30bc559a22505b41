using System.Globalization;
using CsvHelper;
using LocalOffer.Batch.Input;

namespace LocalOffer.Batch.Output;

/// <summary>
/// The rejects file: every row not used, with file, line, column, field, child and reason. A cell that
/// a spreadsheet would run as a formula (starting = + - @, tab or CR) gets a leading apostrophe (OWASP).
/// </summary>
public static class RejectCsvWriter
{
    public static void Write(Stream output, IEnumerable<Reject> rejects)
    {
        using var csv = CsvWriter.Create(output, new CsvWriterOptions { Injection = CsvInjection.Escape }, leaveOpen: true);
        csv.WriteRecord(["file", "line", "column", "field", "CHILD", "reason"]);
        foreach (var r in rejects)
        {
            csv.WriteField(r.File);
            csv.WriteField(r.Line.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(r.Column.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(r.Field);
            csv.WriteField(r.Child ?? "");
            csv.WriteField(r.Reason);
            csv.EndRecord();
        }
        csv.Flush();
    }
}
