using CsvHelper;
using LocalOffer.Batch.Cohort;
using LocalOffer.Core.Safety;

namespace LocalOffer.Batch.Input;

/// <summary>
/// Reads SSDA903 header.csv and episodes.csv with CsvHelper's UTF-8 reader: header names in any
/// case, extra columns ignored, UTF-8 with or without BOM, CRLF or LF, quoted fields, blank lines
/// skipped. Line numbers are the file's own (for the rejects file).
/// A quoted field may not span lines (SSDA903 fields never do): so one stray quote cannot swallow
/// the rest of the file into one field. A row with malformed quoting is a reject of that row (line
/// and column), and the next line is read normally.
/// </summary>
public static class Ssda903CsvReader
{
    public static readonly string[] HeaderColumns = ["CHILD", "DOB"];
    public static readonly string[] EpisodeColumns = ["CHILD", "DECOM", "LS", "PLACE", "DEC", "REC"];

    /// <summary>The longest row read (bytes): far beyond any real SSDA903 row.</summary>
    public const int MaxRowBytes = 1 << 20;

    private static CsvReader Open(InputSource source, Action<CsvMalformedRecord> onMalformed) =>
        CsvReader.Create(source.Open(), new CsvReaderOptions
        {
            HasHeader = false, TrackLineNumbers = true, SkipEmptyLines = true,
            AllowLineBreaksInQuotes = false, MalformedData = CsvMalformedDataHandling.Recover, OnMalformedRecord = onMalformed,
            MaxRecordSize = MaxRowBytes, IncludeValuesInExceptions = false,
        }, false);

    /// <summary>
    /// The malformed rows the scanner reported (it may report several ahead of the row being read),
    /// by line. A quote inside an unquoted field (ab"c) is kept as text, as Excel reads it; a quoted
    /// field never closed on its line, or text after a closing quote, shifts the fields: that row is
    /// rejected whole.
    /// </summary>
    private sealed class MalformedRows
    {
        private readonly Dictionary<long, CsvMalformedRecord> _rows = [];

        public void Add(CsvMalformedRecord m)
        {
            if (m.Reason != CsvMalformedReason.StrayQuote) _rows[m.LineNumber] = m;
        }

        public bool Take(long line, out CsvMalformedRecord m) => _rows.Remove(line, out m!);
    }

    public static void ReadHeader(string path, CohortBuilder cohort) => ReadHeader(InputSource.File(path), cohort);

    /// <summary>Rows handed from the reader to the cohort at a time: small in memory, few hand-overs.</summary>
    private const int BatchRows = 512;

    /// <summary>The header rows, read and checked on their own one core ahead of the cohort (<see cref="ReadAhead"/>).</summary>
    public static void ReadHeader(InputSource source, CohortBuilder cohort)
    {
        foreach (var batch in ReadAhead.Of(HeaderRows(source, cohort.Checker)))
            foreach (var row in batch) cohort.AddChild(source.Name, row);
    }

    public static void ReadEpisodes(string path, CohortBuilder cohort) => ReadEpisodes(InputSource.File(path), cohort);

    /// <summary>The episode rows, read and checked on their own one core ahead of the cohort (<see cref="ReadAhead"/>).</summary>
    public static void ReadEpisodes(InputSource source, CohortBuilder cohort)
    {
        foreach (var batch in ReadAhead.Of(EpisodeRows(source, cohort.Checker)))
            foreach (var row in batch) cohort.AddEpisode(source.Name, row);
    }

    private static IEnumerable<List<ChildInput>> HeaderRows(InputSource source, RowChecker check)
    {
        var path = source.Name;
        var malformed = new MalformedRows();
        using var csv = Open(source, malformed.Add);
        var c = Columns(path, csv, [.. HeaderColumns, "LA"], required: HeaderColumns, malformed);
        var batch = new List<ChildInput>(BatchRows);
        var buffer = new char[FieldBuffer];
        while (Read(path, csv))
        {
            batch.Add(malformed.Take(csv.LineNumber, out var m)
                ? new ChildInput(m.LineNumber, "", 0, 0, default, Unreadable(m))
                : check.Child(csv.LineNumber, Child(csv, c[0], c[2]), Text(csv, c[1], buffer)));
            if (batch.Count < BatchRows) continue;
            yield return batch;
            batch = new List<ChildInput>(BatchRows);
        }
        if (batch.Count > 0) yield return batch;
    }

    private static IEnumerable<List<EpisodeInput>> EpisodeRows(InputSource source, RowChecker check)
    {
        var path = source.Name;
        var malformed = new MalformedRows();
        using var csv = Open(source, malformed.Add);
        var c = Columns(path, csv, [.. EpisodeColumns, "LA", "YEAR"], required: ["CHILD", "DECOM", "LS", "DEC", "REC"], malformed);
        var batch = new List<EpisodeInput>(BatchRows);
        var buffers = new char[7][];
        for (var i = 0; i < buffers.Length; i++) buffers[i] = new char[FieldBuffer];
        var child = new RepeatedChild();
        while (Read(path, csv))
        {
            batch.Add(malformed.Take(csv.LineNumber, out var m)
                ? new EpisodeInput(m.LineNumber, "", 0, 0, default, null, "", null, null, 0, Unreadable(m), null, null)
                : check.Episode(csv.LineNumber, child.Of(csv, c[0], c[6], buffers[0], buffers[1]),
                    Text(csv, c[1], buffers[2]), Text(csv, c[4], buffers[3]), Text(csv, c[2], buffers[4]),
                    Text(csv, c[3], buffers[5]), Text(csv, c[5], buffers[6]), c[7] >= 0 ? Text(csv, c[7], buffers[0]) : default));
            if (batch.Count < BatchRows) continue;
            yield return batch;
            batch = new List<EpisodeInput>(BatchRows);
        }
        if (batch.Count > 0) yield return batch;
    }

    /// <summary>A field's characters fit in this buffer unless the field is far longer than any SSDA903 value.</summary>
    private const int FieldBuffer = 128;

    /// <summary>
    /// A field's text read into <paramref name="buffer"/>, without a string (a million rows, six fields
    /// each); a field too long for it is read as a string. Column as <see cref="Field"/> gives it.
    /// </summary>
    private static FieldText Text(CsvReader csv, int index, char[] buffer)
    {
        if (index < 0 || index >= csv.FieldCount) return new FieldText(default, index + 1);
        // UTF-8 never has fewer bytes than characters, so a field of at most that many bytes fits.
        return csv.GetSpan(index).Length <= buffer.Length
            ? new FieldText(buffer.AsSpan(0, csv.GetChars(index, buffer)), index + 1)
            : new FieldText(csv.GetString(index), index + 1);
    }

    /// <summary>
    /// The child's key of an episode row, made once for a run of rows of one child (episodes files
    /// list a child's episodes together): the same key as <see cref="Child"/> makes, without a new
    /// string per row.
    /// </summary>
    private sealed class RepeatedChild
    {
        private readonly char[] _id = new char[FieldBuffer], _la = new char[FieldBuffer];
        private int _idLength = -1, _laLength = -1;
        private FieldAt _last;

        public FieldAt Of(CsvReader csv, int child, int la, char[] idBuffer, char[] laBuffer)
        {
            var id = Text(csv, child, idBuffer).Text;
            var council = la >= 0 ? Text(csv, la, laBuffer).Text : default;
            if (_idLength == id.Length && id.SequenceEqual(_id.AsSpan(0, _idLength))
                && _laLength == council.Length && council.SequenceEqual(_la.AsSpan(0, _laLength)))
                return _last;
            _last = Child(csv, child, la);
            if (id.Length <= _id.Length && council.Length <= _la.Length)
            {
                id.CopyTo(_id);
                council.CopyTo(_la);
                (_idLength, _laLength) = (id.Length, council.Length);
            }
            else _idLength = -1;
            return _last;
        }
    }

    /// <summary>Reads the next row; a row too long to be SSDA903 or a file that is not UTF-8 stops the run (exit 2).</summary>
    private static bool Read(string path, CsvReader csv)
    {
        try
        {
            return csv.Read();
        }
        catch (CsvFormatException e)
        {
            throw new UnreadableInputException($"{path}: line {e.LineNumber}: a row longer than {MaxRowBytes:N0} bytes: not an SSDA903 file");
        }
        catch (InvalidUtf8Exception e)
        {
            throw new UnreadableInputException($"{path}: {e.Message}");
        }
    }

    private static RowProblem Unreadable(CsvMalformedRecord m) =>
        RowChecker.Unreadable(MalformedColumn(m.RawRecord), $"malformed quoting ({Words(m.Reason)}): the row is not read");

    private static string Words(CsvMalformedReason r) => r switch
    {
        CsvMalformedReason.StrayQuote => "a quote inside an unquoted field",
        CsvMalformedReason.TextAfterClosingQuote => "text after a closing quote",
        CsvMalformedReason.UnterminatedQuote or CsvMalformedReason.LineBreakInQuotes => "a quote that is never closed on its line",
        _ => r.ToString(),
    };

    /// <summary>The 1-based column of the first field whose quoting is malformed (0 when it cannot be told).</summary>
    internal static int MalformedColumn(string raw, char separator = ',')
    {
        var column = 1;
        var i = 0;
        while (i <= raw.Length)
        {
            if (i < raw.Length && raw[i] == '"')
            {
                i++;
                while (true)
                {
                    if (i >= raw.Length) return column; // never closed
                    if (raw[i] == '"')
                    {
                        if (i + 1 < raw.Length && raw[i + 1] == '"') { i += 2; continue; }
                        i++;
                        break;
                    }
                    i++;
                }
                if (i < raw.Length && raw[i] != separator) return column; // text after the closing quote
            }
            else
            {
                while (i < raw.Length && raw[i] != separator)
                {
                    if (raw[i] == '"') return column; // a stray quote
                    i++;
                }
            }
            i++; // the separator
            column++;
        }
        return 0;
    }

    /// <summary>
    /// The child's key. In a regional extract (an LA column) CHILD ids are only unique within a
    /// council, so the key is "LA/CHILD". An LA code with a '/' is refused by the builder, so two
    /// different (LA, CHILD) pairs can never make the same key ("A" + "B/C" against "A/B" + "C").
    /// </summary>
    private static FieldAt Child(CsvReader csv, int child, int la)
    {
        var id = Field(csv, child);
        if (la < 0) return id;
        var council = Field(csv, la).Text.Trim();
        return council.Length == 0 || id.Text.Trim().Length == 0 ? id : new FieldAt($"{council}/{id.Text.Trim()}", id.Column, council);
    }

    /// <summary>The bare parse, the benchmark's floor: every row read and the same fields taken the same way, nothing done with them.</summary>
    public static long ParseOnly(string path, string[] wanted)
    {
        using var csv = Open(InputSource.File(path), _ => { });
        var cols = Columns(path, csv, wanted, required: [], new MalformedRows());
        long chars = 0;
        while (Read(path, csv))
            foreach (var c in cols) chars += Field(csv, c).Text.Length;
        return chars;
    }

    private static FieldAt Field(CsvReader csv, int index) =>
        index >= 0 && index < csv.FieldCount ? new FieldAt(csv.GetString(index), index + 1) : new FieldAt("", index + 1);

    /// <summary>Column index of each wanted name (case-insensitive), -1 when absent; a missing required one is an error.</summary>
    private static int[] Columns(string path, CsvReader csv, string[] wanted, string[] required, MalformedRows malformed)
    {
        if (!Read(path, csv)) throw new UnreadableInputException($"{path}: empty file (no header line)");
        if (malformed.Take(csv.LineNumber, out var m))
            throw new UnreadableInputException($"{path}: line {m.LineNumber}: the header line has malformed quoting ({Words(m.Reason)})");
        var names = Enumerable.Range(0, csv.FieldCount).Select(i => csv.GetString(i).Trim().TrimStart('\uFEFF').ToUpperInvariant()).ToList();
        var missing = required.Where(r => !names.Contains(r)).ToList();
        if (missing.Count > 0)
            throw new UnreadableInputException($"{path}: line 1: missing column(s) {string.Join(", ", missing)} " +
                $"(found: {Printable.Clean(string.Join(", ", names))})");
        return wanted.Select(w => names.IndexOf(w)).ToArray();
    }
}
