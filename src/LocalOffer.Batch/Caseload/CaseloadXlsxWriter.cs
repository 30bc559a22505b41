using System.Globalization;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using LocalOffer.Batch.Output;
using NodaTime;

namespace LocalOffer.Batch.Caseload;

/// <summary>
/// The caseload as .xlsx (DocumentFormat.OpenXml), for a manager to sort and filter (issue 28): a sheet
/// "Summary" (per adviser, as the web page's summary), a sheet "All" and one per adviser (and one for young
/// people with none). Headers are words; dates are real dates (serial numbers with a date format, so they
/// sort and filter as dates); columns have widths; the header row is frozen and has an autofilter.
/// Text is written as inline strings, never a formula, so nothing from an input can run; characters XML
/// cannot hold are dropped, characters outside the BMP kept. Sheet names are cut to Excel's 31
/// characters with its forbidden characters replaced, and made unique.
/// </summary>
public static class CaseloadXlsxWriter
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    /// <summary>Excel's longest sheet name.</summary>
    public const int SheetNameLength = XlsxSheets.SheetNameLength;
    /// <summary>The number format of every date cell ("7 December 2026", as the pages write dates).</summary>
    public const string DateFormat = "d mmmm yyyy";
    /// <summary>Widest column, in characters: long text stays readable without a sheet a screen wide per cell.</summary>
    private const int MaxWidth = 60;

    /// <summary>The item sheets' headers, in the CSV's order less its machine-only event id.</summary>
    public static readonly string[] Headers =
    [
        "Young person", "Due", "Days left", "What is due", "What changes", "The law", "Links to the law", "Adviser",
        "Team", "Last pathway plan review", "Last contact",
    ];

    public static readonly string[] SummaryHeaders =
        ["Adviser", "Young people", "Overdue", "Due within 7 days", "Due within 30 days", "All items"];

    // Cell styles (cellXfs): 0 plain, 1 date, 2 bold header.
    private const int DateStyle = 1, HeaderStyle = 2;

    public static void Write(Stream output, IReadOnlyList<CaseloadEvent> events)
    {
        using var doc = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var book = doc.AddWorkbookPart();
        WriteStyles(book.AddNewPart<WorkbookStylesPart>());
        var sheets = new List<(string Name, WorksheetPart Part, int Rows, int Columns)>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var summary = CaseloadSummary.ByAdviser(events).Append(CaseloadSummary.Total(events.ToList())).ToList();
        var summaryPart = book.AddNewPart<WorksheetPart>();
        WriteSheet(summaryPart, SummaryHeaders, summary.Select(SummaryRow));
        sheets.Add((XlsxSheets.Unique("Summary", names), summaryPart, summary.Count, SummaryHeaders.Length));
        var groups = events.GroupBy(e => e.Extras?.Adviser ?? "", StringComparer.OrdinalIgnoreCase)
            .OrderBy(g => g.Key.Length == 0).ThenBy(g => g.Key, StringComparer.OrdinalIgnoreCase);
        foreach (var (name, rows) in groups.Select(g => (g.Key.Length == 0 ? CaseloadSummary.NoAdviser : g.Key, g.ToList()))
                     .Prepend(("All", events.ToList())))
        {
            var part = book.AddNewPart<WorksheetPart>();
            WriteSheet(part, Headers, rows.Select(ItemRow));
            sheets.Add((XlsxSheets.Unique(SheetName(name), names), part, rows.Count, Headers.Length));
        }
        using var w = OpenXmlWriter.Create(book);
        w.WriteStartElement(new Workbook());
        w.WriteStartElement(new Sheets());
        for (var i = 0; i < sheets.Count; i++)
            w.WriteElement(new Sheet { Name = sheets[i].Name, SheetId = (uint)(i + 1), Id = book.GetIdOfPart(sheets[i].Part) });
        w.WriteEndElement();
        // Excel keeps each sheet's filter range in a hidden name; without it some versions drop the filter.
        w.WriteStartElement(new DefinedNames());
        for (var i = 0; i < sheets.Count; i++)
            w.WriteElement(new DefinedName($"'{sheets[i].Name.Replace("'", "''")}'!$A$1:${Column(sheets[i].Columns)}${sheets[i].Rows + 1}")
                { Name = "_xlnm._FilterDatabase", LocalSheetId = (uint)i, Hidden = true });
        w.WriteEndElement();
        w.WriteEndElement();
    }

    /// <summary>A cell: text, a whole number or a date.</summary>
    private readonly record struct Value(string? Text, long? Number = null, LocalDate? Date = null)
    {
        public static implicit operator Value(string? s) => new(s ?? "");
        public int Width => Date is not null ? 17 : Number is { } n ? n.ToString(CultureInfo.InvariantCulture).Length : Text!.Length;
    }

    private static Value[] ItemRow(CaseloadEvent e) =>
    [
        e.Child, new(null, Date: e.Due), new(null, e.DaysLeft), e.Title, e.Changes,
        string.Join("; ", e.Basis.Select(b => b.Citation)), string.Join(" ", e.Basis.Select(b => b.Url)),
        e.Extras?.Adviser, e.Extras?.Team, Dated(e.Extras?.LastReview), Dated(e.Extras?.LastContact),
    ];

    private static Value Dated(LocalDate? d) => d is { } x ? new Value(null, Date: x) : "";

    private static Value[] SummaryRow(AdviserSummary s) =>
        [s.Adviser, new(null, s.YoungPeople), new(null, s.Overdue), new(null, s.DueWithinWeek), new(null, s.DueWithinMonth),
            new(null, s.Items)];

    private static void WriteSheet(WorksheetPart part, string[] headers, IEnumerable<Value[]> rows)
    {
        var all = rows.ToList();
        var widths = headers.Select((h, i) => Math.Min(MaxWidth, Math.Max(h.Length, all.Count == 0 ? 0 : all.Max(r => r[i].Width)) + 2))
            .ToArray();
        using var stream = part.GetStream(FileMode.Create, FileAccess.Write);
        using var w = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false) });
        w.WriteStartElement("worksheet", Main);
        // The header row stays in view as the rows scroll.
        w.WriteStartElement("sheetViews", Main);
        w.WriteStartElement("sheetView", Main);
        w.WriteAttributeString("workbookViewId", "0");
        w.WriteStartElement("pane", Main);
        w.WriteAttributeString("ySplit", "1");
        w.WriteAttributeString("topLeftCell", "A2");
        w.WriteAttributeString("activePane", "bottomLeft");
        w.WriteAttributeString("state", "frozen");
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteStartElement("cols", Main);
        for (var i = 0; i < widths.Length; i++)
        {
            w.WriteStartElement("col", Main);
            w.WriteAttributeString("min", (i + 1).ToString(CultureInfo.InvariantCulture));
            w.WriteAttributeString("max", (i + 1).ToString(CultureInfo.InvariantCulture));
            w.WriteAttributeString("width", widths[i].ToString(CultureInfo.InvariantCulture));
            w.WriteAttributeString("customWidth", "1");
            w.WriteEndElement();
        }
        w.WriteEndElement();
        w.WriteStartElement("sheetData", Main);
        Row(w, headers.Select(h => (Value)h).ToArray(), HeaderStyle);
        foreach (var r in all) Row(w, r, 0);
        w.WriteEndElement();
        w.WriteStartElement("autoFilter", Main);
        w.WriteAttributeString("ref", $"A1:{Column(headers.Length)}{all.Count + 1}");
        w.WriteEndElement();
        w.WriteEndElement();
    }

    private static void Row(XmlWriter w, Value[] cells, int style)
    {
        w.WriteStartElement("row", Main);
        foreach (var cell in cells)
        {
            w.WriteStartElement("c", Main);
            if (cell.Date is { } d)
            {
                w.WriteAttributeString("s", DateStyle.ToString(CultureInfo.InvariantCulture));
                w.WriteElementString("v", Main, Serial(d).ToString(CultureInfo.InvariantCulture));
            }
            else if (cell.Number is { } n)
            {
                if (style != 0) w.WriteAttributeString("s", style.ToString(CultureInfo.InvariantCulture));
                w.WriteElementString("v", Main, n.ToString(CultureInfo.InvariantCulture));
            }
            else
            {
                if (style != 0) w.WriteAttributeString("s", style.ToString(CultureInfo.InvariantCulture));
                w.WriteAttributeString("t", "inlineStr");
                w.WriteStartElement("is", Main);
                w.WriteElementString("t", Main, XlsxSheets.XmlSafe(cell.Text ?? ""));
                w.WriteEndElement();
            }
            w.WriteEndElement();
        }
        w.WriteEndElement();
    }

    /// <summary>
    /// A date as Excel's serial day number (the 1900 date system: day 1 is 1 January 1900, and Excel counts
    /// a 29 February 1900 that never was, so from March 1900 the serial is the days since 30 December 1899).
    /// </summary>
    public static int Serial(LocalDate d) => Period.Between(new LocalDate(1899, 12, 30), d, PeriodUnits.Days).Days;

    /// <summary>Column letters for a 1-based column number (1 A, 26 Z, 27 AA).</summary>
    public static string Column(int n)
    {
        var s = "";
        for (; n > 0; n = (n - 1) / 26) s = (char)('A' + (n - 1) % 26) + s;
        return s;
    }

    private static void WriteStyles(WorkbookStylesPart part)
    {
        part.Stylesheet = new Stylesheet(
            new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = DateFormat }) { Count = 1 },
            new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
            new Borders(new Border()) { Count = 1 },
            new CellStyleFormats(new CellFormat()) { Count = 1 },
            new CellFormats(
                new CellFormat(),
                new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },
                new CellFormat { FontId = 1, ApplyFont = true }) { Count = 3 });
        part.Stylesheet.Save();
    }

    /// <summary>Excel refuses : \ / ? * [ ] in a sheet name, a leading or trailing ', and more than 31 characters.</summary>
    public static string SheetName(string name) => XlsxSheets.SheetName(name, "Adviser");
}
