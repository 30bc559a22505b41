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
        // The column names and the short repeated text are shared; CHILD, detail and warning are inline.
        WriteSheet(detail, w =>
        {
            w.StartRow();
            foreach (var c in PeopleColumns) w.Shared(shared.Index(c));
            w.EndRow();
            for (var i = 0; i < shown; i++) PersonRow(w, people[i], shared);
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

    // The sheets are written as UTF-8 bytes by SheetXml, which writes what an XmlWriter wrote for them (the
    // SDK's element objects cost a few microseconds a cell: seconds for a large cohort; the XmlWriter's own
    // checks were most of the rest); the package, workbook, relationships and shared strings are the SDK's and
    // the XmlWriter's.
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static readonly XmlWriterSettings Settings = new() { Encoding = new System.Text.UTF8Encoding(false) };

    private static void WriteSheet(WorksheetPart part, Action<SheetXml> rows)
    {
        using var stream = part.GetStream(FileMode.Create, FileAccess.Write);
        using var w = new SheetXml(stream);
        rows(w);
        w.Finish();
    }

    /// <summary>One row of the Summary sheet: numbers as numbers, any other value as inline text.</summary>
    private static void Row(SheetXml w, object?[] values)
    {
        w.StartRow();
        foreach (var v in values)
        {
            switch (v)
            {
                case null: w.Empty(); break;
                case int n: w.Number(n); break;
                case long or decimal: w.Number(Convert.ToString(v, CultureInfo.InvariantCulture)!); break;
                default: w.Inline(Clean(v.ToString()!)); break;
            }
        }
        w.EndRow();
    }

    /// <summary>
    /// One young person's row, cell by cell (issue 30: no array of boxed values a row). Short repeated text
    /// (codes, categories, dates, yes/no) goes in the shared string table, so a large sheet is a fraction of
    /// the size; the CHILD id, the detail and the warning are written inline. Text is never a formula.
    /// </summary>
    private static void PersonRow(SheetXml w, YoungPerson p, SharedStrings shared)
    {
        void Shared(string? text)
        {
            if (text is null) w.Empty();
            else w.Shared(shared.Index(Clean(text)));
        }
        void Inline(string? text)
        {
            if (text is null) w.Empty();
            else w.Inline(Clean(text));
        }
        w.StartRow();
        Inline(p.Child);
        w.Shared(shared.Date(p.DateOfBirth));
        w.Number(p.Age);
        w.Shared(shared.Date(p.Birthday));
        Shared(p.Band);
        Shared(p.Status.Wire());
        if (p.Oc3 is { } oc3) w.Number(oc3.Line);
        else w.Empty();
        Shared(p.Oc3?.InTouch);
        Shared(p.Oc3?.Activity);
        Shared(p.Oc3?.Accommodation);
        Shared(p.InTouch);
        Shared(p.Activity);
        Shared(p.Accommodation);
        Shared(p.StayingPutBand);
        Shared(p.LeftFosterCareAt18 ? "yes" : "no");
        Shared(p.StayingPut ? "yes" : "no");
        Shared(p.Finding);
        Inline(p.Finding is null ? null : p.Detail);
        Inline(p.Warning);
        w.EndRow();
    }

    /// <summary>The workbook's shared string table, built as the sheets are written.</summary>
    private sealed class SharedStrings
    {
        private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
        public List<string> Strings { get; } = [];

        private readonly Dictionary<NodaTime.LocalDate, int> _dates = [];

        /// <summary>A date's index by the date, its text made once (most young people share a few hundred).</summary>
        public int Date(NodaTime.LocalDate d)
        {
            if (_dates.TryGetValue(d, out var i)) return i;
            return _dates[d] = Index(Iso(d));
        }

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
