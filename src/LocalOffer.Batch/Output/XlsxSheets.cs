using System.Globalization;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace LocalOffer.Batch.Output;

/// <summary>
/// A workbook of plain sheets (DocumentFormat.OpenXml for the package, each sheet streamed with an
/// XmlWriter so a large one builds no DOM), for the caseload and the audit. A number (int, long,
/// decimal) is a number cell; everything else is an inline string, never a formula, so nothing from an
/// input can run; characters XML cannot hold are dropped, characters outside the BMP kept. Sheet names
/// are cut to Excel's 31 characters with its forbidden characters replaced, and made unique.
/// </summary>
public static class XlsxSheets
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    /// <summary>Excel's longest sheet name.</summary>
    public const int SheetNameLength = 31;
    /// <summary>Excel's most rows in a sheet.</summary>
    public const int RowLimit = 1_048_576;

    public static void Write(Stream output, IEnumerable<(string Name, IEnumerable<IReadOnlyList<object?>> Rows)> sheets)
    {
        using var doc = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var book = doc.AddWorkbookPart();
        var parts = new List<(string Name, WorksheetPart Part)>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, rows) in sheets)
        {
            var part = book.AddNewPart<WorksheetPart>();
            WriteSheet(part, rows);
            parts.Add((Unique(SheetName(name), names), part));
        }
        using var w = OpenXmlWriter.Create(book);
        w.WriteStartElement(new Workbook());
        w.WriteStartElement(new Sheets());
        for (var i = 0; i < parts.Count; i++)
            w.WriteElement(new Sheet { Name = parts[i].Name, SheetId = (uint)(i + 1), Id = book.GetIdOfPart(parts[i].Part) });
        w.WriteEndElement();
        w.WriteEndElement();
    }

    private static void WriteSheet(WorksheetPart part, IEnumerable<IReadOnlyList<object?>> rows)
    {
        using var stream = part.GetStream(FileMode.Create, FileAccess.Write);
        using var w = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false) });
        w.WriteStartElement("worksheet", Main);
        w.WriteStartElement("sheetData", Main);
        foreach (var row in rows.Take(RowLimit)) Row(w, row);
        w.WriteEndElement();
        w.WriteEndElement();
    }

    private static void Row(XmlWriter w, IReadOnlyList<object?> cells)
    {
        w.WriteStartElement("row", Main);
        foreach (var cell in cells)
        {
            w.WriteStartElement("c", Main);
            switch (cell)
            {
                case null: break;
                case int or long or decimal:
                    w.WriteElementString("v", Main, Convert.ToString(cell, CultureInfo.InvariantCulture));
                    break;
                default:
                    w.WriteAttributeString("t", "inlineStr");
                    w.WriteStartElement("is", Main);
                    w.WriteElementString("t", Main, XmlSafe(cell.ToString() ?? ""));
                    w.WriteEndElement();
                    break;
            }
            w.WriteEndElement();
        }
        w.WriteEndElement();
    }

    // Characters XML 1.0 cannot hold (control characters, lone surrogates) are dropped, but a surrogate
    // pair is one character and is kept: checking char by char dropped every character outside the
    // Basic Multilingual Plane, so a CJK Extension B name or an emoji vanished (issue 24, low).
    public static string XmlSafe(string s)
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
        var clean = new string(XmlSafe(name).Select(c => c is ':' or '\\' or '/' or '?' or '*' or '[' or ']' ? '-' : c)
            .ToArray()).Trim('\'', ' ');
        if (clean.Length == 0) clean = "Sheet";
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
