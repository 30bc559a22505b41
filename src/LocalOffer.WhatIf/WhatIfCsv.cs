using System.Globalization;
using CsvHelper;
using LocalOffer.Batch.Caseload;

namespace LocalOffer.WhatIf;

/// <summary>
/// whatif.csv (one row per month-end and entitlement) and gainers.csv (one row per young person and entitlement
/// gained). Text from the inputs (CHILD, adviser, team) that a spreadsheet would run as a formula gets a leading
/// ' (<see cref="CaseloadCsvWriter.Neutralise"/>); the numbers are our own.
/// </summary>
public static class WhatIfCsv
{
    public static readonly string[] Columns = ["month_end", "entitlement", "baseline", "changed", "gained", "lost", "cost"];
    public static readonly string[] GainerColumns = ["CHILD", "entitlement", "first_month_end", "month_ends", "adviser", "team"];

    public static void Write(Stream output, IEnumerable<WhatIfRow> rows)
    {
        using var csv = CsvWriter.Create(output, new CsvWriterOptions(), leaveOpen: true);
        csv.WriteRecord(Columns);
        foreach (var r in rows)
            csv.WriteRecord(new[] { Iso(r.MonthEnd), r.Entitlement, N(r.Baseline), N(r.Changed), N(r.Gained), N(r.Lost),
                r.Cost is { } c ? c.ToString("0.00", CultureInfo.InvariantCulture) : "" });
        csv.Flush();
    }

    public static void WriteGainers(Stream output, IEnumerable<GainerRow> rows)
    {
        using var csv = CsvWriter.Create(output, new CsvWriterOptions(), leaveOpen: true);
        csv.WriteRecord(GainerColumns);
        foreach (var g in rows)
            csv.WriteRecord(new[] { CaseloadCsvWriter.Neutralise(g.Child), g.Entitlement, Iso(g.FirstMonthEnd), N(g.MonthEnds),
                CaseloadCsvWriter.Neutralise(g.Adviser ?? ""), CaseloadCsvWriter.Neutralise(g.Team ?? "") });
        csv.Flush();
    }

    public static readonly string[] LocalOfferColumns =
        ["council", "offer_in_force_from", "missing_item", "provision", "required_from"];

    /// <summary>local-offers.csv: each council and CWSA 2026 s.8 item its offer lacks (a header alone without s.8 dated).</summary>
    public static void WriteLocalOffers(Stream output, IEnumerable<LocalOfferGap> gaps)
    {
        using var csv = CsvWriter.Create(output, new CsvWriterOptions(), leaveOpen: true);
        csv.WriteRecord(LocalOfferColumns);
        foreach (var g in gaps)
            csv.WriteRecord(new[] { g.Council, g.OfferFrom is { } f ? Iso(f) : "", g.Topic, g.Provision, Iso(g.RequiredFrom) });
        csv.Flush();
    }

    private static string Iso(NodaTime.LocalDate d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    private static string N(long n) => n.ToString(CultureInfo.InvariantCulture);
}
