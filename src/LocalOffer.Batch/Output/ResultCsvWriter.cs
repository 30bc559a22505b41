using System.Globalization;
using CsvHelper;
using LocalOffer.Core.Engine;

namespace LocalOffer.Batch.Output;

/// <summary>
/// The results file, one row per child. Dates ISO; "next_change" is the day the next status
/// begins; the day counts are as at the run's date (days before it), short breaks left out.
/// </summary>
public static class ResultCsvWriter
{
    public static readonly string[] Columns =
    [
        "CHILD", "DOB", "age", "status", "status_since", "next_status", "next_change",
        "days_looked_after_since_14", "days_looked_after_since_16", "ever_eligible", "entitlements", "warning",
    ];

    public static void Write(Stream output, IEnumerable<BatchResult> results)
    {
        using var csv = CsvWriter.Create(output, new CsvWriterOptions(), leaveOpen: true);
        csv.WriteRecord(Columns);
        foreach (var r in results)
        {
            var h = r.Child.History;
            var c = r.Classification;
            csv.WriteField(h.Id ?? "");
            csv.WriteField(Iso(h.DateOfBirth));
            csv.WriteField(c is null ? "" : c.Age.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(c?.Status.Wire() ?? "");
            csv.WriteField(c is null ? "" : Iso(c.StatusSince));
            csv.WriteField(c?.NextChange?.To.Wire() ?? "");
            csv.WriteField(c?.NextChange is { } n ? Iso(n.On) : "");
            csv.WriteField(c is null ? "" : c.Facts.DaysLookedAfterSince14.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(c is null ? "" : c.Facts.DaysLookedAfterSince16.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(c is null ? "" : c.Facts.EverEligible ? "true" : "false");
            csv.WriteField(c is null ? "" : string.Join(';', c.EntitlementIds));
            csv.WriteField(r.Warning ?? "");
            csv.EndRecord();
        }
        csv.Flush();
    }

    internal static string Iso(NodaTime.LocalDate d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
