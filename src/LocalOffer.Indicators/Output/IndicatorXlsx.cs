using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using LocalOffer.Core.Engine;

namespace LocalOffer.Indicators.Output;

/// <summary>
/// indicators.xlsx (DocumentFormat.OpenXml, streamed with its SAX writer so a large cohort does not
/// build a DOM): a Summary sheet (the indicators with their benchmarks) and a Young people sheet (one
/// row per young person checked, with the OC3 codes, categories and finding). Every text cell is an
/// inline string, never a formula, so nothing from an input file can run in a spreadsheet. A sheet
/// holds at most 1,048,576 rows (Excel's limit): beyond that the Young people sheet stops and the
/// Summary says how many were left out (all of them are in cohort-check.csv when they have a finding).
/// </summary>
public static class IndicatorXlsx
{
    public const int ExcelRowLimit = 1_048_576;

    public static readonly string[] PeopleColumns =
    [
        "CHILD", "DOB", "age", "birthday", "age_band", "status_on_birthday", "oc3_line", "IN_TOUCH", "ACTIV", "ACCOM",
        "in_touch", "activity", "accommodation", "staying_put_band", "left_foster_care_at_18", "staying_put", "finding", "detail", "warning",
    ];

    public static void Write(string path, IReadOnlyList<IndicatorRow> rows, IReadOnlyList<YoungPerson> people, string title,
        int rowLimit = ExcelRowLimit)
    {
        using var doc = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
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
                Row(w, [r.Indicator, r.AgeBand, r.Category, r.Count, r.Total, r.Percent, r.England.Value ?? (object)r.England.Text,
                    r.Region is null ? null : r.Region.Value ?? (object)r.Region.Text,
                    r.Neighbours is null ? null : r.Neighbours.Value ?? (object)r.Neighbours.Text, r.BenchmarkYear,
                    r.NeighboursUsed is { } u ? $"{u.Used} of {u.Of}" : null]);
            if (shown < people.Count)
            {
                Row(w, []);
                Row(w, [$"The Young people sheet holds the first {shown:N0} of {people.Count:N0} young people (a sheet's limit)."]);
            }
        });
        WriteSheet(detail, w =>
        {
            Row(w, [.. PeopleColumns]);
            for (var i = 0; i < shown; i++)
            {
                var p = people[i];
                Row(w, [p.Child, Iso(p.DateOfBirth), p.Age, Iso(p.Birthday), p.Band, p.Status.Wire(), p.Oc3?.Line,
                    p.Oc3?.InTouch, p.Oc3?.Activity, p.Oc3?.Accommodation, p.InTouch, p.Activity, p.Accommodation,
                    p.StayingPutBand, p.LeftFosterCareAt18 ? "yes" : "no", p.StayingPut ? "yes" : "no", p.Finding, p.Detail, p.Warning]);
            }
        });

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

    private static void WriteSheet(WorksheetPart part, Action<OpenXmlWriter> rows)
    {
        using var w = OpenXmlWriter.Create(part);
        w.WriteStartElement(new Worksheet());
        w.WriteStartElement(new SheetData());
        rows(w);
        w.WriteEndElement();
        w.WriteEndElement();
    }

    private static void Row(OpenXmlWriter w, object?[] values)
    {
        w.WriteStartElement(new Row());
        foreach (var v in values)
        {
            switch (v)
            {
                case null: w.WriteElement(new Cell()); break;
                case int or long or decimal:
                    w.WriteElement(new Cell { DataType = CellValues.Number, CellValue = new CellValue(Convert.ToString(v, CultureInfo.InvariantCulture)!) });
                    break;
                default:
                    w.WriteElement(new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(Clean(v.ToString()!))) });
                    break;
            }
        }
        w.WriteEndElement();
    }

    /// <summary>XML cannot hold most control characters: they are dropped (a cell is text for people).</summary>
    private static string Clean(string s) => s.Any(c => c < ' ' && c is not '\t' and not '\n') ? new string(s.Where(c => c >= ' ' || c is '\t' or '\n').ToArray()) : s;

    private static string Iso(NodaTime.LocalDate d) => LocalOffer.Core.Output.AssessmentJson.Iso(d);
}
