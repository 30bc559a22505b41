using CsvHelper;

namespace LocalOffer.Indicators.Output;

/// <summary>
/// CSV cells a spreadsheet would read as a formula (starting =, +, -, @, tab or carriage return:
/// OWASP "CSV injection") get a leading apostrophe, so a CHILD id or reason from an input file can
/// never run as a formula when the file is opened in Excel or LibreOffice. Numbers we write ourselves
/// are never negative, so no figure is changed.
/// </summary>
public static class SafeCsv
{
    public static string Cell(string? value) =>
        string.IsNullOrEmpty(value) ? "" : value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;

    public static CsvWriter Open(Stream output) => CsvWriter.Create(output, new CsvWriterOptions(), leaveOpen: true);

    public static void Row(CsvWriter csv, params string?[] cells)
    {
        foreach (var c in cells) csv.WriteField(Cell(c));
        csv.EndRecord();
    }
}
