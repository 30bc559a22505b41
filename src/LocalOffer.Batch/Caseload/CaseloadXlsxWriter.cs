using LocalOffer.Batch.Output;

namespace LocalOffer.Batch.Caseload;

/// <summary>
/// The caseload as .xlsx: a sheet "All" and a sheet per adviser (and one for young people with none),
/// each with the CSV's columns, written by <see cref="XlsxSheets"/> (inline strings, never a formula;
/// characters XML cannot hold dropped, characters outside the BMP kept; sheet names cut to Excel's 31
/// characters with its forbidden characters replaced, and made unique).
/// </summary>
public static class CaseloadXlsxWriter
{
    /// <summary>Excel's longest sheet name.</summary>
    public const int SheetNameLength = XlsxSheets.SheetNameLength;

    public static void Write(Stream output, IReadOnlyList<CaseloadEvent> events)
    {
        var groups = events.GroupBy(e => e.Extras?.Adviser ?? "", StringComparer.OrdinalIgnoreCase)
            .OrderBy(g => g.Key.Length == 0).ThenBy(g => g.Key, StringComparer.OrdinalIgnoreCase);
        var sheets = groups.Select(g => (g.Key.Length == 0 ? "No adviser" : g.Key, g.ToList()))
            .Prepend(("All", events.ToList()))
            .Select(s => (SheetName(s.Item1), Rows(s.Item2)));
        XlsxSheets.Write(output, sheets);
    }

    // The CSV's cells, with days_left (the third column) a number.
    private static IEnumerable<IReadOnlyList<object?>> Rows(List<CaseloadEvent> events)
    {
        yield return CaseloadCsvWriter.Columns;
        foreach (var e in events)
        {
            var cells = CaseloadCsvWriter.Row(e).Cast<object?>().ToArray();
            cells[2] = long.Parse((string)cells[2]!, System.Globalization.CultureInfo.InvariantCulture);
            yield return cells;
        }
    }

    /// <summary>Excel refuses : \ / ? * [ ] in a sheet name, a leading or trailing ', and more than 31 characters.</summary>
    public static string SheetName(string name) =>
        XlsxSheets.SheetName(string.IsNullOrWhiteSpace(XlsxSheets.XmlSafe(name).Trim('\'', ' ')) ? "Adviser" : name);
}
