using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Ical.Net;
using LocalOffer.Batch.Caseload;
using LocalOffer.Cli;
using LocalOffer.Core.Rules;
using NodaTime;

namespace LocalOffer.Batch.Tests;

/// <summary>
/// Issue 28: the calendar read back by a parser (Ical.Net) and the spreadsheet read back by OpenXml, as a
/// calendar app and Excel would read them: nothing on a past day, one event per young person per day, a
/// name and reminders; human headers, real dates, widths, a frozen header, a filter and a summary.
/// </summary>
public sealed class CaseloadCalendarAndSheetTests : IDisposable
{
    private static readonly LocalDate AsAt = new(2026, 12, 7);
    private readonly TempDir _dir = new();
    public void Dispose() => _dir.Dispose();

    private static CaseloadEvent Item(string child, string title, int days, string? adviser = "Sam") =>
        new(child, new LocalDate(2009, 1, 1), CaseloadEventKind.StatusChange, title, AsAt.PlusDays(days), days,
            $"{title} changes", [new LegalReference("Children Act 1989 s.23C", "https://example.org/23C")], null,
            new CaseloadExtras(adviser, "North", new LocalDate(2026, 6, 1), null));

    private static readonly CaseloadEvent[] Items =
    [
        Item("A", "Pathway plan review", -40), Item("B", "Needs assessment", -3), Item("A", "Status change", -3),
        Item("A", "18th birthday", 10), Item("A", "Status change", 10), Item("A", "Entitlement starts", 10),
        Item("B", "21st birthday", 3), Item("C", "25th birthday", 0, adviser: "Jo"),
    ];

    private static Calendar Parse(IEnumerable<CaseloadEvent> items, string name = "Caseload: Sam")
    {
        using var s = new MemoryStream();
        CaseloadIcsWriter.Write(s, items, Instant.FromUtc(2026, 12, 7, 9, 0), AsAt, name);
        return Calendar.Load(System.Text.Encoding.UTF8.GetString(s.ToArray()))!;
    }

    private static DateOnly Start(Ical.Net.CalendarComponents.CalendarEvent e) => DateOnly.FromDateTime(e.DtStart!.Value);

    [Fact]
    public void No_event_falls_before_the_as_at_date_and_the_overdue_items_are_one_event_on_it()
    {
        var events = Parse(Items).Events.ToList();
        events.Should().OnlyContain(e => Start(e) >= new DateOnly(2026, 12, 7));
        var overdue = events.Where(e => e.Summary!.Contains("overdue")).ToList();
        overdue.Should().ContainSingle();
        overdue[0].Summary.Should().StartWith("3 overdue: ");
        Start(overdue[0]).Should().Be(new DateOnly(2026, 12, 7));
        overdue[0].Description.Should().Contain("A: Pathway plan review, due 28 October 2026 (40 days overdue)");
    }

    [Fact]
    public void Each_young_person_has_one_event_a_day_listing_all_that_happens()
    {
        var events = Parse(Items).Events.Where(e => !e.Summary!.Contains("overdue")).ToList();
        events.GroupBy(e => (e.Summary!.Split(':')[0], Start(e))).Should().OnlyContain(g => g.Count() == 1);
        var birthday = events.Single(e => e.Summary!.StartsWith("A:"));
        birthday.Summary.Should().Be("A: 18th birthday and 2 more");
        birthday.Description.Should().Contain("18th birthday").And.Contain("Status change").And.Contain("Entitlement starts");
        events.Should().HaveCount(3);
    }

    [Fact]
    public void The_calendar_is_named_and_items_a_week_or_more_ahead_have_a_reminder_a_week_before()
    {
        var cal = Parse(Items, "Caseload: Sam");
        cal.Properties.Get<string>("X-WR-CALNAME").Should().Be("Caseload: Sam");
        var ahead = cal.Events.Single(e => e.Summary!.StartsWith("A:"));
        ahead.Alarms.Should().ContainSingle().Which.Trigger!.Duration!.Value.ToTimeSpanUnspecified()
            .Should().Be(TimeSpan.FromDays(-7));
        cal.Events.Single(e => e.Summary!.StartsWith("B:")).Alarms.Should().BeEmpty("its week before is already past");
    }

    [Fact]
    public void Names_say_whose_calendar_it_is() =>
        new[] { CaseloadCalendar.Name("Sam", "North"), CaseloadCalendar.Name(null, "North"), CaseloadCalendar.Name(null, null) }
            .Should().Equal("Caseload: Sam", "Caseload: team North", "Caseload: all advisers");

    private static SpreadsheetDocument Sheet(MemoryStream s, IReadOnlyList<CaseloadEvent> items)
    {
        CaseloadXlsxWriter.Write(s, items);
        s.Position = 0;
        return SpreadsheetDocument.Open(s, false);
    }

    private static WorksheetPart Part(SpreadsheetDocument doc, string name) =>
        (WorksheetPart)doc.WorkbookPart!.GetPartById(doc.WorkbookPart.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>()
            .Single(x => x.Name == name).Id!);

    private static string Text(Cell c) => c.InlineString?.Text?.Text ?? c.CellValue?.Text ?? "";

    [Fact]
    public void The_sheet_has_word_headers_date_cells_widths_a_frozen_header_and_a_filter()
    {
        using var s = new MemoryStream();
        using var doc = Sheet(s, Items);
        var all = Part(doc, "All").Worksheet;
        var rows = all.Descendants<Row>().ToList();
        rows[0].Elements<Cell>().Select(Text).Should().Equal(CaseloadXlsxWriter.Headers);
        CaseloadXlsxWriter.Headers.Should().OnlyContain(h => h.Contains(' ') || char.IsUpper(h[0]));
        var due = rows[1].Elements<Cell>().ElementAt(1);
        due.DataType.Should().BeNull("a date is a number");
        var formats = doc.WorkbookPart!.WorkbookStylesPart!.Stylesheet;
        var xf = formats.CellFormats!.Elements<CellFormat>().ElementAt((int)due.StyleIndex!.Value);
        formats.NumberingFormats!.Elements<NumberingFormat>().Single(f => f.NumberFormatId! == xf.NumberFormatId!)
            .FormatCode!.Value.Should().Be("d mmmm yyyy");
        var serial = int.Parse(due.CellValue!.Text);
        DateTime.FromOADate(serial).Should().Be(new DateTime(2026, 10, 28), "the first row is the oldest item");
        all.Descendants<Column>().Should().HaveCount(CaseloadXlsxWriter.Headers.Length).And.OnlyContain(c => c.Width! > 0);
        all.Descendants<Pane>().Single().State!.Value.Should().Be(PaneStateValues.Frozen);
        all.Descendants<AutoFilter>().Single().Reference!.Value.Should().Be($"A1:K{Items.Length + 1}");
    }

    [Fact]
    public void The_summary_sheet_counts_each_adviser_as_the_page_does()
    {
        using var s = new MemoryStream();
        using var doc = Sheet(s, Items);
        doc.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().First().Name!.Value
            .Should().Be("Summary");
        var rows = Part(doc, "Summary").Worksheet.Descendants<Row>().Select(r => r.Elements<Cell>().Select(Text).ToArray()).ToList();
        rows[0].Should().Equal(CaseloadXlsxWriter.SummaryHeaders);
        rows[1].Should().Equal("Jo", "1", "0", "1", "1", "1");
        rows[2].Should().Equal("Sam", "2", "3", "1", "4", "7");
        rows[3].Should().Equal("All advisers", "3", "3", "2", "5", "8");
    }

    [Theory]
    [InlineData(0, "A")]
    [InlineData(1, "A")]
    [InlineData(26, "Z")]
    [InlineData(27, "AA")]
    [InlineData(702, "ZZ")]
    [InlineData(703, "AAA")]
    public void Column_letters(int n, string letters)
    {
        if (n == 0) { CaseloadXlsxWriter.Column(n).Should().BeEmpty(); return; }
        CaseloadXlsxWriter.Column(n).Should().Be(letters);
    }

    [Theory]
    [InlineData(1900, 3, 1, 61)]
    [InlineData(2026, 12, 7, 46363)]
    [InlineData(9999, 12, 31, 2958465)]
    public void Serial_days_match_excel(int y, int m, int d, int serial) =>
        CaseloadXlsxWriter.Serial(new LocalDate(y, m, d)).Should().Be(serial);
}
