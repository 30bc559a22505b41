using System.Globalization;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using LocalOffer.Core.Engine;

namespace LocalOffer.Indicators.Output;

/// <summary>
/// indicators.xlsx (DocumentFormat.OpenXml for the package; sheets streamed, so a large cohort does
/// not build a DOM): a Summary sheet (the indicators with their benchmarks) and a Young people sheet (one
/// row per young person checked, with the OC3 codes, categories, and the finding with its detail).
/// Every text cell is a string (shared or inline), never a formula, so nothing from an input file can
/// run in a spreadsheet. A sheet
/// holds at most 1,048,576 rows (Excel's limit): beyond that the Young people sheet stops and the
/// Summary says how many were left out (all of them are in cohort-check.csv when they have a finding).
/// </summary>
public static class IndicatorXlsx
{
    public const int ExcelRowLimit = 1_048_576;

    public static readonly string[] PeopleColumns =
    [
        "CHILD", "DOB", "age", "birthday", "age_band", "status_on_birthday", "oc3_line", "IN_TOUCH", "ACTIV", "ACCOM",
        "in_touch", "activity", "accommodation", "staying_put_band", "left_foster_care_at_18", "staying_put",
        "finding", "detail", "warning",
    ];

    public static void Write(
        string path, IReadOnlyList<IndicatorRow> rows, IReadOnlyList<YoungPerson> people, string title,
        int rowLimit = ExcelRowLimit) =>
        LocalOffer.Core.Safety.AtomicFile.Write(path, s => Write(s, rows, people, title, rowLimit));

    public static void Write(
        Stream output, IReadOnlyList<IndicatorRow> rows, IReadOnlyList<YoungPerson> people, string title,
        int rowLimit = ExcelRowLimit)
    {
        using var doc = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        // The fastest deflate (issue 30): at 100k the Young people sheet is 8 MB of XML, and the usual level
        // took as long as writing it (about 50 ms of a 0.5 s run, on the path the run waits for); the file is
        // about twice the size (1.0 against 0.5 MB). The parts inside are the same bytes.
        doc.CompressionOption = System.IO.Packaging.CompressionOption.Fast;
        var book = doc.AddWorkbookPart();
        var summary = book.AddNewPart<WorksheetPart>();
        var detail = book.AddNewPart<WorksheetPart>();
        var shown = Math.Min(people.Count, rowLimit - 1);

        WriteSheet(summary, w =>
        {
            Row(w, [title]);
            Row(w, []);
            Row(w, [.. IndicatorCsv.IndicatorColumns]);
            foreach (var r in rows)
                Row(w, [r.Indicator, r.AgeBand, r.Category, r.Count, r.Total, r.Percent,
                    r.England.Value ?? (object)r.England.Text,
                    r.Region is null ? null : r.Region.Value ?? (object)r.Region.Text,
                    r.Neighbours is null ? null : r.Neighbours.Value ?? (object)r.Neighbours.Text, r.BenchmarkYear,
                    r.NeighboursUsed is { } u ? $"{u.Used} of {u.Of}" : null]);
            if (shown < people.Count)
            {
                Row(w, []);
                Row(w, [$"The Young people sheet holds the first {shown:N0} of {people.Count:N0} young people "
                    + "(a sheet's limit)."]);
            }
        });
        var shared = new SharedStrings();
        // Columns from "detail" on (detail, warning) and CHILD are inline; the rest are shared.
        var detailColumn = Array.IndexOf(PeopleColumns, "detail");
        WriteSheet(detail, w =>
        {
            Row(w, [.. PeopleColumns], shared);
            for (var i = 0; i < shown; i++)
            {
                var p = people[i];
                Row(w, [p.Child, Iso(p.DateOfBirth), p.Age, Iso(p.Birthday), p.Band, p.Status.Wire(), p.Oc3?.Line,
                    p.Oc3?.InTouch, p.Oc3?.Activity, p.Oc3?.Accommodation, p.InTouch, p.Activity, p.Accommodation,
                    p.StayingPutBand, p.LeftFosterCareAt18 ? "yes" : "no", p.StayingPut ? "yes" : "no", p.Finding,
                    p.Finding is null ? null : p.Detail, p.Warning], shared, detailColumn, inlineColumn: 0);
            }
        });

        shared.Write(book.AddNewPart<SharedStringTablePart>());
        using (var w = OpenXmlWriter.Create(book))
        {
            w.WriteStartElement(new Workbook());
            w.WriteStartElement(new Sheets());
            w.WriteElement(new Sheet { Name = "Summary", SheetId = 1, Id = book.GetIdOfPart(summary) });
            w.WriteElement(new Sheet { Name = "Young people", SheetId = 2, Id = book.GetIdOfPart(detail) });
            w.WriteEndElement();
            w.WriteEndElement();
        }
    }

    // The sheets are written with a plain XmlWriter into the package part (the SDK's element objects
    // cost a few microseconds a cell: seconds for a large cohort); the package, workbook and
    // relationships are the SDK's. Text is escaped by the XmlWriter.
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static readonly XmlWriterSettings Settings = new() { Encoding = new System.Text.UTF8Encoding(false) };

    private static void WriteSheet(WorksheetPart part, Action<XmlWriter> rows)
    {
        using var stream = part.GetStream(FileMode.Create, FileAccess.Write);
        using var w = XmlWriter.Create(stream, Settings);
        w.WriteStartDocument();
        w.WriteStartElement("worksheet", Main);
        w.WriteStartElement("sheetData", Main);
        rows(w);
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndDocument();
    }

    /// <summary>
    /// One row. Short repeated text (codes, categories, dates, yes/no) goes in the shared string
    /// table, so a large sheet is a fraction of the size; CHILD ids and details are written inline.
    /// A cell that holds no text of its own (a number, a shared string's index, an empty cell) is written
    /// as the very bytes the XmlWriter writes for it (<see cref="Cell"/>): most of a large sheet, at a fifth
    /// of the cost (issue 30); text always goes through the XmlWriter, which escapes it.
    /// </summary>
    private static void Row(
        XmlWriter w, object?[] values, SharedStrings? shared = null, int inlineFrom = int.MaxValue,
        int inlineColumn = -1)
    {
        w.WriteStartElement("row", Main);
        for (var i = 0; i < values.Length; i++)
        {
            switch (values[i])
            {
                case null: w.WriteRaw(Cell.Empty); break;
                case int n: w.WriteRaw(Cell.Number(n.ToString(CultureInfo.InvariantCulture))); break;
                case long or decimal:
                    w.WriteRaw(Cell.Number(Convert.ToString(values[i], CultureInfo.InvariantCulture)!));
                    break;
                case var v:
                    var text = Clean(v.ToString()!);
                    if (shared is not null && i < inlineFrom && i != inlineColumn)
                    {
                        w.WriteRaw(Cell.Shared(shared.Index(text)));
                        break;
                    }
                    w.WriteStartElement("c", Main);
                    w.WriteAttributeString("t", "inlineStr");
                    w.WriteStartElement("is", Main);
                    w.WriteStartElement("t", Main);
                    Preserve(w, text);
                    w.WriteString(text);
                    w.WriteEndElement();
                    w.WriteEndElement();
                    w.WriteEndElement();
                    break;
            }
        }
        w.WriteEndElement();
    }

    /// <summary>
    /// The markup of the cells with no text of their own, as the XmlWriter writes them (the sheet's default
    /// namespace declared on the worksheet, an empty element closed with " /&gt;"). Numbers are the invariant
    /// digits; nothing from an input file is ever written this way. <c>IndicatorXlsxCellTests</c> holds these
    /// to the XmlWriter's own output.
    /// </summary>
    internal static class Cell
    {
        public const string Empty = "<c />";
        public static string Number(string digits) => "<c><v>" + digits + "</v></c>";
        public static string Shared(int index) => SharedIndex.Length > index ? SharedIndex[index]
            : "<c t=\"s\"><v>" + index.ToString(CultureInfo.InvariantCulture) + "</v></c>";

        // The first shared strings' cells made once: a large sheet's codes and dates use a few hundred.
        private static readonly string[] SharedIndex = Enumerable.Range(0, 4096)
            .Select(i => "<c t=\"s\"><v>" + i.ToString(CultureInfo.InvariantCulture) + "</v></c>").ToArray();
    }

    /// <summary>The workbook's shared string table, built as the sheets are written.</summary>
    private sealed class SharedStrings
    {
        private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
        public List<string> Strings { get; } = [];

        public int Index(string s)
        {
            if (_index.TryGetValue(s, out var i)) return i;
            _index[s] = Strings.Count;
            Strings.Add(s);
            return Strings.Count - 1;
        }

        public void Write(SharedStringTablePart part)
        {
            using var stream = part.GetStream(FileMode.Create, FileAccess.Write);
            using var w = XmlWriter.Create(stream, Settings);
            w.WriteStartDocument();
            w.WriteStartElement("sst", Main);
            w.WriteAttributeString("count", Strings.Count.ToString(CultureInfo.InvariantCulture));
            w.WriteAttributeString("uniqueCount", Strings.Count.ToString(CultureInfo.InvariantCulture));
            foreach (var s in Strings)
            {
                w.WriteStartElement("si", Main);
                w.WriteStartElement("t", Main);
                Preserve(w, s);
                w.WriteString(s);
                w.WriteEndElement();
                w.WriteEndElement();
            }
            w.WriteEndElement();
            w.WriteEndDocument();
        }
    }

    /// <summary>XML cannot hold most control characters: they are dropped (a cell is text for people).</summary>
    private static string Clean(string s)
    {
        // A loop, not LINQ: this is asked of every text cell (a tenth of the workbook's time with LINQ).
        foreach (var c in s)
            if (c < ' ' && c is not '\t' and not '\n')
                return new string(s.Where(k => k >= ' ' || k is '\t' or '\n').ToArray());
        return s;
    }

    /// <summary>Leading or trailing spaces are kept only when the text says so (xml:space).</summary>
    private static void Preserve(XmlWriter w, string text)
    {
        if (text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])))
            w.WriteAttributeString("xml", "space", null, "preserve");
    }

    private static string Iso(NodaTime.LocalDate d) => Core.Time.DateText.Iso(d);
}
