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

    /// <param name="header">false for a part of the file written apart (a block of rows made on another core).</param>
    public ResultCsvWriter(Stream output, bool header = true)
    {
        _csv = CsvWriter.Create(output, new CsvWriterOptions { Injection = CsvInjection.Escape }, leaveOpen: true);
        if (header) _csv.WriteRecord(Columns);
    }

    // One buffer per writer for the joined entitlement ids: a million rows allocate no strings for them.
    private char[] _ids = new char[256];

    public void Write(BatchResult r)
    {
        // Dates and numbers are formatted into stack buffers and written as spans (issue 14): the same
        // characters as Iso() and ToString(InvariantCulture), without a string per field.
        Span<char> buffer = stackalloc char[16];
        var c = r.Classification;
        _csv.WriteField(r.Child);
        _csv.WriteField(IsoSpan(r.DateOfBirth, buffer));
        if (c is null)
        {
            // Not classified (born after the date): every column between DOB and warning empty.
            for (var i = 2; i < Columns.Length - 1; i++) _csv.WriteField(ReadOnlySpan<char>.Empty);
        }
        else
        {
            _csv.WriteField(Int(c.Age, buffer));
            _csv.WriteField(c.Status.Wire());
            _csv.WriteField(IsoSpan(c.StatusSince, buffer));
            _csv.WriteField(c.NextChange?.To.Wire() ?? "");
            if (c.NextChange is { } n) _csv.WriteField(IsoSpan(n.On, buffer));
            else _csv.WriteField(ReadOnlySpan<char>.Empty);
            _csv.WriteField(Int(c.Facts.DaysLookedAfterSince14, buffer));
            _csv.WriteField(Int(c.Facts.DaysLookedAfterSince16, buffer));
            _csv.WriteField(c.Facts.EverEligible ? "true" : "false");
            _csv.WriteField(Joined(c.EntitlementIds));
        }
        _csv.WriteField(r.Warning ?? "");
        _csv.EndRecord();
    }

    /// <summary>Everything written so far put into the stream (a slice of rows, before its text is copied).</summary>
    public void Flush() => _csv.Flush();

    public void Dispose()
    {
        _csv.Flush();
        _csv.Dispose();
    }

    internal static string Iso(NodaTime.LocalDate d) => LocalOffer.Core.Output.AssessmentJson.Iso(d);

    /// <summary>yyyy-MM-dd into the buffer, as <see cref="Iso"/> writes it (any other year through Iso itself).</summary>
    private static ReadOnlySpan<char> IsoSpan(NodaTime.LocalDate d, Span<char> b)
    {
        if (d.Year is < 1000 or > 9999) return Iso(d);
        Digits(b[..4], d.Year);
        b[4] = '-';
        Digits(b.Slice(5, 2), d.Month);
        b[7] = '-';
        Digits(b.Slice(8, 2), d.Day);
        return b[..10];
    }

    private static void Digits(Span<char> into, int value)
    {
        for (var i = into.Length - 1; i >= 0; i--, value /= 10) into[i] = (char)('0' + value % 10);
    }

    private static ReadOnlySpan<char> Int(int value, Span<char> b) =>
        value.TryFormat(b, out var n, default, CultureInfo.InvariantCulture) ? b[..n] : value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The ids joined with ';' as string.Join does, into the writer's own buffer.</summary>
    private ReadOnlySpan<char> Joined(IReadOnlyList<string> ids)
    {
        var length = ids.Count == 0 ? 0 : ids.Count - 1;
        for (var i = 0; i < ids.Count; i++) length += ids[i].Length;
        if (_ids.Length < length) _ids = new char[Math.Max(length, _ids.Length * 2)];
        var at = 0;
        for (var i = 0; i < ids.Count; i++)
        {
            if (i > 0) _ids[at++] = ';';
            ids[i].CopyTo(_ids.AsSpan(at));
            at += ids[i].Length;
        }
        return _ids.AsSpan(0, at);
    }
}
