using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace LocalOffer.Batch.Caseload;

/// <summary>
/// The caseload as .xlsx (DocumentFormat.OpenXml): a sheet "All" and a sheet per adviser (and one for
/// young people with none), each with the CSV's columns. Text is written as inline strings, never a
/// formula, so nothing from an input can run; characters XML cannot hold are dropped, characters
/// outside the BMP kept. Sheet names are cut to Excel's 31 characters with its forbidden characters
/// replaced, and made unique.
/// </summary>
public static class CaseloadXlsxWriter
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    /// <summary>Excel's longest sheet name.</summary>
    public const int SheetNameLength = 31;

    public static void Write(Stream output, IReadOnlyList<CaseloadEvent> events)
    {
        using var doc = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var book = doc.AddWorkbookPart();
        var sheets = new List<(string Name, WorksheetPart Part)>();
        var groups = events.GroupBy(e => e.Extras?.Adviser ?? "", StringComparer.OrdinalIgnoreCase).OrderBy(g => g.Key.Length == 0).ThenBy(g => g.Key, StringComparer.OrdinalIgnoreCase);
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, rows) in groups.Select(g => (g.Key.Length == 0 ? "No adviser" : g.Key, g.ToList()))
                     .Prepend(("All", events.ToList())))
        {
            var part = book.AddNewPart<WorksheetPart>();
            WriteSheet(part, rows);
            sheets.Add((Unique(SheetName(name), names), part));
        }
        using var w = OpenXmlWriter.Create(book);
        w.WriteStartElement(new Workbook());
        w.WriteStartElement(new Sheets());
        for (var i = 0; i < sheets.Count; i++)
            w.WriteElement(new Sheet { Name = sheets[i].Name, SheetId = (uint)(i + 1), Id = book.GetIdOfPart(sheets[i].Part) });
        w.WriteEndElement();
        w.WriteEndElement();
    }

    private static void WriteSheet(WorksheetPart part, List<CaseloadEvent> rows)
    {
        using var stream = part.GetStream(FileMode.Create, FileAccess.Write);
        using var w = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false) });
        w.WriteStartElement("worksheet", Main);
        w.WriteStartElement("sheetData", Main);
        Row(w, CaseloadCsvWriter.Columns);
        foreach (var e in rows) Row(w, CaseloadCsvWriter.Row(e).ToArray(), numberColumn: 2);
        w.WriteEndElement();
        w.WriteEndElement();
    }

    private static void Row(XmlWriter w, IReadOnlyList<string> cells, int numberColumn = -1)
    {
        w.WriteStartElement("row", Main);
        for (var i = 0; i < cells.Count; i++)
        {
            w.WriteStartElement("c", Main);
            if (i == numberColumn)
                w.WriteElementString("v", Main, cells[i]);
            else
            {
                w.WriteAttributeString("t", "inlineStr");
                w.WriteStartElement("is", Main);
                w.WriteElementString("t", Main, XmlSafe(cells[i]));
                w.WriteEndElement();
            }
            w.WriteEndElement();
        }
        w.WriteEndElement();
    }

    // Characters XML 1.0 cannot hold (control characters, lone surrogates) are dropped, but a surrogate
    // pair is one character and is kept: checking char by char dropped every character outside the
    // Basic Multilingual Plane, so a CJK Extension B name or an emoji vanished (issue 24, low).
    private static string XmlSafe(string s)
    {
        var sb = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            if (i + 1 < s.Length && XmlConvert.IsXmlSurrogatePair(s[i + 1], s[i])) sb.Append(s, i++, 2);
            else if (XmlConvert.IsXmlChar(s[i])) sb.Append(s[i]);
        }
        return sb.Length == s.Length ? s : sb.ToString();
    }

    // A cut to Excel's length never splits a surrogate pair (half a character is not XML).
    private static string Cut(string s, int length) =>
        s.Length <= length ? s : s[..(char.IsHighSurrogate(s[length - 1]) ? length - 1 : length)];

    /// <summary>Excel refuses : \ / ? * [ ] in a sheet name, a leading or trailing ', and more than 31 characters.</summary>
    public static string SheetName(string name)
    {
        var clean = new string(XmlSafe(name).Select(c => c is ':' or '\\' or '/' or '?' or '*' or '[' or ']' ? '-' : c).ToArray()).Trim('\'', ' ');
        if (clean.Length == 0) clean = "Adviser";
        return clean.Length <= SheetNameLength ? clean : Cut(clean, SheetNameLength).TrimEnd('\'', ' ');
    }

    private static string Unique(string name, HashSet<string> taken)
    {
        var candidate = name;
        for (var n = 2; !taken.Add(candidate); n++)
        {
            var suffix = $" ({n})";
            candidate = Cut(name, SheetNameLength - suffix.Length) + suffix;
        }
        return candidate;
    }
}
