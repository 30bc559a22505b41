using System.Globalization;
using CsvHelper;
using LocalOffer.Core.Engine;

namespace LocalOffer.Batch.Output;

/// <summary>
/// The results file, one row per child. Dates ISO; "next_change" is the day the next status
/// begins; the day counts are as at the run's date (days before it), short breaks left out.
/// </summary>
public sealed class ResultCsvWriter : IResultWriter
{
    public static readonly string[] Columns =
    [
        "CHILD", "DOB", "age", "status", "status_since", "next_status", "next_change",
        "days_looked_after_since_14", "days_looked_after_since_16", "ever_eligible", "entitlements", "warning",
    ];

    private readonly CsvWriter _csv;

    public ResultCsvWriter(Stream output)
    {
        _csv = CsvWriter.Create(output, new CsvWriterOptions { Injection = CsvInjection.Escape }, leaveOpen: true);
        _csv.WriteRecord(Columns);
    }

    public void Write(BatchResult r)
    {
        var c = r.Classification;
        _csv.WriteField(r.Child);
        _csv.WriteField(Iso(r.DateOfBirth));
        _csv.WriteField(c is null ? "" : c.Age.ToString(CultureInfo.InvariantCulture));
        _csv.WriteField(c?.Status.Wire() ?? "");
        _csv.WriteField(c is null ? "" : Iso(c.StatusSince));
        _csv.WriteField(c?.NextChange?.To.Wire() ?? "");
        _csv.WriteField(c?.NextChange is { } n ? Iso(n.On) : "");
        _csv.WriteField(c is null ? "" : c.Facts.DaysLookedAfterSince14.ToString(CultureInfo.InvariantCulture));
        _csv.WriteField(c is null ? "" : c.Facts.DaysLookedAfterSince16.ToString(CultureInfo.InvariantCulture));
        _csv.WriteField(c is null ? "" : c.Facts.EverEligible ? "true" : "false");
        _csv.WriteField(c is null ? "" : string.Join(';', c.EntitlementIds));
        _csv.WriteField(r.Warning ?? "");
        _csv.EndRecord();
    }

    public void Dispose()
    {
        _csv.Flush();
        _csv.Dispose();
    }

    internal static string Iso(NodaTime.LocalDate d) => LocalOffer.Core.Output.AssessmentJson.Iso(d);
}
