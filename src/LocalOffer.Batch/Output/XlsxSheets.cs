using System.Globalization;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace LocalOffer.Batch.Output;

/// <summary>
/// A workbook of plain sheets (DocumentFormat.OpenXml for the package, each sheet streamed as text so a
/// large one builds no DOM), for the audit; the caseload's styled sheets share its names and text rules.
/// A number (int, long, decimal) is a number cell; everything else is an inline string, never a formula,
/// so nothing from an input can run; characters XML cannot hold are dropped, characters outside the BMP
/// kept. Sheet names are cut to Excel's 31 characters with its forbidden characters replaced, and made
/// unique.
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
        // Fast deflate: the sheets are plain XML that compresses well either way, and a sheet of 100,000
        // rows spent most of its time in Normal's deflate (issue 31's bench).
        doc.CompressionOption = System.IO.Packaging.CompressionOption.Fast;
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
            w.WriteElement(new Sheet
                { Name = parts[i].Name, SheetId = (uint)(i + 1), Id = book.GetIdOfPart(parts[i].Part) });
        w.WriteEndElement();
        w.WriteEndElement();
    }

    // Each sheet is written as text straight into its part: an XmlWriter call per element cost more than
    // the rest of a 100,000-row audit's spreadsheet (issue 31's bench). Text is escaped here (& < >, and
    // what XML cannot hold dropped); nothing else is ever written unescaped.
    private static void WriteSheet(WorksheetPart part, IEnumerable<IReadOnlyList<object?>> rows)
    {
        using var stream = part.GetStream(FileMode.Create, FileAccess.Write);
        using var w = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16);
        w.Write($"<?xml version=\"1.0\" encoding=\"utf-8\"?><worksheet xmlns=\"{Main}\"><sheetData>");
        foreach (var row in rows.Take(RowLimit)) Row(w, row);
        w.Write("</sheetData></worksheet>");
    }

    private static void Row(TextWriter w, IReadOnlyList<object?> cells)
    {
        w.Write("<row>");
        foreach (var cell in cells)
        {
            switch (cell)
            {
                case null:
                    w.Write("<c/>");
                    break;
                case int or long or decimal:
                    w.Write("<c><v>");
                    w.Write(Convert.ToString(cell, CultureInfo.InvariantCulture));
                    w.Write("</v></c>");
                    break;
                default:
                    var text = XmlSafe(cell.ToString() ?? "");
                    // Leading or trailing spaces are kept only when the text says so (xml:space).
                    w.Write(text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]))
                        ? "<c t=\"inlineStr\"><is><t xml:space=\"preserve\">" : "<c t=\"inlineStr\"><is><t>");
                    Escaped(w, text);
                    w.Write("</t></is></c>");
                    break;
            }
        }
        w.Write("</row>");
    }

    /// <summary>XML text: &amp;, &lt; and &gt; as entities (a tab or line break is text as it is).</summary>
    private static void Escaped(TextWriter w, string text)
    {
        var from = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var entity = text[i] switch { '&' => "&amp;", '<' => "&lt;", '>' => "&gt;", '\r' => "&#13;", _ => null };
            if (entity is null) continue;
            w.Write(text.AsSpan(from, i - from));
            w.Write(entity);
            from = i + 1;
        }
        w.Write(text.AsSpan(from));
    }

    // Characters XML 1.0 cannot hold (control characters, lone surrogates) are dropped, but a surrogate
    // pair is one character and is kept: checking char by char dropped every character outside the
    // Basic Multilingual Plane, so a CJK Extension B name or an emoji vanished (issue 24, low).
    public static string XmlSafe(string s)
    {
        var clean = true;
        foreach (var c in s)
            if (c < ' ' && c is not '\t' and not '\n' and not '\r' || char.IsSurrogate(c) || c > '\uFFFD')
            {
                clean = false;
                break;
            }
        if (clean) return s; // almost every cell: no copy
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

    /// <summary>
    /// Excel refuses : \ / ? * [ ] in a sheet name, a leading or trailing ', and over 31 characters;
    /// <paramref name="empty"/> names a sheet whose name is nothing once cleaned.
    /// </summary>
    public static string SheetName(string name, string empty = "Sheet")
    {
        var clean = new string(XmlSafe(name).Select(c => c is ':' or '\\' or '/' or '?' or '*' or '[' or ']' ? '-' : c)
            .ToArray()).Trim('\'', ' ');
        if (clean.Length == 0) clean = empty;
        return clean.Length <= SheetNameLength ? clean : Cut(clean, SheetNameLength).TrimEnd('\'', ' ');
    }

    /// <summary>The name, or when <paramref name="taken"/> has it, the name cut and numbered " (2)"...</summary>
    public static string Unique(string name, HashSet<string> taken)
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
