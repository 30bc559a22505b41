using System.Buffers;
using System.Globalization;
using System.Text;
using CsvHelper;
using LocalOffer.Core.Engine;

namespace LocalOffer.Batch.Output;

/// <summary>
/// The results file, one row per child. Dates ISO; "next_change" is the day the next status
/// begins; the day counts are as at the run's date (days before it), short breaks left out.
/// </summary>
/// <remarks>
/// A row whose every field is plain (<see cref="Plain"/>) is written here as bytes; any other row (a warning
/// with a comma, an id with a quote, a field that starts like a formula, anything not ASCII) is written by
/// CsvHelper with the options below, as every row once was. A plain field is exactly what CsvHelper writes
/// as it is (no quotes, no escape, nothing encoded), so the bytes are the same either way
/// (ResultCsvWriterTests holds the two to each other, character by character and on random rows). Issue 30:
/// CsvHelper's per-field machinery was about 8% of a cold 1M `batch`'s CPU.
/// </remarks>
public sealed class ResultCsvWriter : IResultWriter
{
    public static readonly string[] Columns =
    [
        "CHILD", "DOB", "age", "status", "status_since", "next_status", "next_change",
        "days_looked_after_since_14", "days_looked_after_since_16", "ever_eligible", "entitlements", "warning",
    ];

    /// <summary>CsvHelper's options for this file: RFC 4180, CRLF, possible formulas escaped.</summary>
    internal static CsvWriterOptions Options { get; } = new() { Injection = CsvInjection.Escape };

    private const int FlushAt = 1 << 16;
    private readonly Stream _out;
    private byte[] _bytes = new byte[FlushAt + 1024];
    private int _used;
    private bool _atRowStart = true;
    // The rows that are not plain, written by CsvHelper into their own buffer and copied in (made when needed).
    private MemoryStream? _slowText;
    private CsvWriter? _slow;

    /// <param name="header">false for a part of the file written apart (a block of rows made on another core).</param>
    public ResultCsvWriter(Stream output, bool header = true)
    {
        _out = output;
        if (!header) return;
        foreach (var c in Columns) if (!Field(c)) throw new InvalidOperationException($"column {c} is not plain");
        EndRow();
    }

    // One buffer per writer for the joined entitlement ids: a million rows allocate no strings for them.
    private char[] _ids = new char[256];

    public void Write(BatchResult r)
    {
        // Dates and numbers are formatted into stack buffers and written as spans (issue 14): the same
        // characters as Iso() and ToString(InvariantCulture), without a string per field.
        Span<char> buffer = stackalloc char[16];
        var row = _used;
        var c = r.Classification;
        var plain = Field(r.Child) && Field(IsoSpan(r.DateOfBirth, buffer));
        if (c is null)
        {
            // Not classified (born after the date): every column between DOB and warning empty.
            for (var i = 2; plain && i < Columns.Length - 1; i++) plain = Field([]);
        }
        else
        {
            plain = plain
                && Field(Int(c.Age, buffer)) && Field(c.Status.Wire()) && Field(IsoSpan(c.StatusSince, buffer))
                && Field(c.NextChange?.To.Wire() ?? "")
                && Field(c.NextChange is { } n ? IsoSpan(n.On, buffer) : [])
                && Field(Int(c.Facts.DaysLookedAfterSince14, buffer))
                && Field(Int(c.Facts.DaysLookedAfterSince16, buffer))
                && Field(c.Facts.EverEligible ? "true" : "false") && Field(Joined(c.EntitlementIds));
        }
        if (plain && Field(r.Warning ?? "")) EndRow();
        else
        {
            _used = row; // what was put of this row is dropped: CsvHelper writes all of it
            WriteSlow(r);
        }
        if (_used >= FlushAt) Drain();
    }

    /// <summary>Everything written so far put into the stream (a slice of rows, before its text is copied).</summary>
    public void Flush()
    {
        Drain();
        _out.Flush();
    }

    public void Dispose()
    {
        Flush();
        _slow?.Dispose();
        _slowText?.Dispose();
    }

    private void Drain()
    {
        _out.Write(_bytes, 0, _used);
        _used = 0;
    }

    // Printable ASCII but the separator and the quote: what CsvHelper writes as it is, inside a field.
    private static readonly SearchValues<char> PlainChars = SearchValues.Create(
        Enumerable.Range(0x20, 0x7F - 0x20).Select(i => (char)i).Where(c => c is not (',' or '"')).ToArray());

    /// <summary>
    /// Whether CsvHelper (RFC 4180, quoting when needed, formulas escaped) writes <paramref name="field"/> as it
    /// is: printable ASCII with no comma or quote, not starting with a space or a formula's first character
    /// (= @ + -; tab and CR are not printable), not ending with a space. Empty is plain.
    /// </summary>
    internal static bool Plain(ReadOnlySpan<char> field) =>
        field.Length == 0
        || (!field.ContainsAnyExcept(PlainChars) && field[0] is not (' ' or '=' or '@' or '+' or '-')
            && field[^1] != ' ');

    /// <summary>The field put after a separator (but the row's first), or false (nothing put) when not plain.</summary>
    private bool Field(ReadOnlySpan<char> field)
    {
        if (!Plain(field)) return false;
        if (_bytes.Length - _used < field.Length + 3)
            Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, _used + field.Length + 3));
        if (_atRowStart) _atRowStart = false;
        else _bytes[_used++] = (byte)',';
        _used += Encoding.ASCII.GetBytes(field, _bytes.AsSpan(_used));
        return true;
    }

    private void EndRow()
    {
        _bytes[_used++] = (byte)'\r';
        _bytes[_used++] = (byte)'\n';
        _atRowStart = true;
    }

    /// <summary>A row that is not plain: written by CsvHelper (as every row once was), its bytes copied in.</summary>
    private void WriteSlow(BatchResult r)
    {
        _atRowStart = true;
        _slowText ??= new MemoryStream();
        _slow ??= CsvWriter.Create(_slowText, Options, leaveOpen: true);
        WriteRow(_slow, r);
        _slow.Flush();
        var n = (int)_slowText.Length;
        if (_bytes.Length - _used < n) Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, _used + n));
        _slowText.GetBuffer().AsSpan(0, n).CopyTo(_bytes.AsSpan(_used));
        _used += n;
        _slowText.SetLength(0);
    }

    /// <summary>One row through CsvHelper's writer: the rows that are not plain, and the tests' reference.</summary>
    internal void WriteRow(CsvWriter csv, BatchResult r)
    {
        Span<char> buffer = stackalloc char[16];
        var c = r.Classification;
        csv.WriteField(r.Child);
        csv.WriteField(IsoSpan(r.DateOfBirth, buffer));
        if (c is null)
        {
            for (var i = 2; i < Columns.Length - 1; i++) csv.WriteField(ReadOnlySpan<char>.Empty);
        }
        else
        {
            csv.WriteField(Int(c.Age, buffer));
            csv.WriteField(c.Status.Wire());
            csv.WriteField(IsoSpan(c.StatusSince, buffer));
            csv.WriteField(c.NextChange?.To.Wire() ?? "");
            if (c.NextChange is { } n) csv.WriteField(IsoSpan(n.On, buffer));
            else csv.WriteField(ReadOnlySpan<char>.Empty);
            csv.WriteField(Int(c.Facts.DaysLookedAfterSince14, buffer));
            csv.WriteField(Int(c.Facts.DaysLookedAfterSince16, buffer));
            csv.WriteField(c.Facts.EverEligible ? "true" : "false");
            csv.WriteField(Joined(c.EntitlementIds));
        }
        csv.WriteField(r.Warning ?? "");
        csv.EndRecord();
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
