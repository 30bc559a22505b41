using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using LocalOffer.Batch.Caseload;
using LocalOffer.Core.Rules;
using NodaTime;

namespace LocalOffer.Batch.Tests;

/// <summary>
/// Issue 24, low: the xlsx checked text char by char, so every character outside the Basic
/// Multilingual Plane (a CJK Extension B name, an emoji) was dropped. Read back, every cell is the
/// text written; only what XML cannot hold (control characters, a lone surrogate) is left out.
/// </summary>
public sealed class CaseloadXlsxTextTests
{
    private static CaseloadEvent Event(string child, string adviser) =>
        new(child, new LocalDate(2010, 3, 10), CaseloadEventKind.Birthday18, "18th birthday",
            new LocalDate(2028, 3, 10),
            5, "status becomes X", [new LegalReference("Children Act 1989 s.105(1)", "https://example.org")], null,
            new CaseloadExtras(adviser, "North", new LocalDate(2027, 10, 1), null));

    private static (List<string> Sheets, List<string> Cells) Written(params CaseloadEvent[] events)
    {
        using var s = new MemoryStream();
        CaseloadXlsxWriter.Write(s, events);
        s.Position = 0;
        using var doc = SpreadsheetDocument.Open(s, false);
        var sheets = doc.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(x => x.Name!.Value!).ToList();
        var cells = doc.WorkbookPart.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<Cell>())
            .Select(c => c.InlineString?.Text?.Text ?? c.CellValue?.Text ?? "").ToList();
        return (sheets, cells);
    }

    [Fact]
    public void Characters_outside_the_bmp_are_kept_in_cells_and_sheet_names()
    {
        const string child = "𠀀𪛖-李 😀", adviser = "Sam 𠮷野 👩‍👩‍👧";
        var (sheets, cells) = Written(Event(child, adviser), Event("A1", "Jo"));
        cells.Should().Contain(child).And.Contain(adviser);
        sheets.Should().Contain(adviser);
    }

    [Fact]
    public void Control_characters_and_lone_surrogates_are_still_left_out_and_ordinary_text_kept()
    {
        var (_, cells) = Written(Event("A\u0001B\uD800C", "Jo"), Event("Zoé O'Brien", "Jo"));
        cells.Should().Contain("ABC").And.Contain("Zoé O'Brien");
    }

    [Fact]
    public void A_long_sheet_name_is_never_cut_inside_a_character()
    {
        var name = new string('x', CaseloadXlsxWriter.SheetNameLength - 1) + "😀😀";
        var cut = CaseloadXlsxWriter.SheetName(name);
        cut.Should().Be(new string('x', CaseloadXlsxWriter.SheetNameLength - 1));
        var (sheets, _) = Written(Event("A", name), Event("B", name + "!"));
        sheets.Should().OnlyContain(n =>
            !char.IsHighSurrogate(n[n.Length - 1]) && n.Length <= CaseloadXlsxWriter.SheetNameLength);
    }
}
