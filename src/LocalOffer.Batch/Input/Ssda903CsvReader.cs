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

    public static void ReadHeader(InputSource source, CohortBuilder cohort)
    {
        var path = source.Name;
        var malformed = new MalformedRows();
        using var csv = Open(source, malformed.Add);
        var c = Columns(path, csv, [.. HeaderColumns, "LA"], required: HeaderColumns, malformed);
        while (Read(path, csv))
        {
            if (malformed.Take(csv.LineNumber, out var m)) { Reject(path, m, cohort.RejectHeaderRow); continue; }
            cohort.AddChild(path, csv.LineNumber, Child(csv, c[0], c[2]), Field(csv, c[1]));
        }
    }

    public static void ReadEpisodes(string path, CohortBuilder cohort) => ReadEpisodes(InputSource.File(path), cohort);

    public static void ReadEpisodes(InputSource source, CohortBuilder cohort)
    {
        var path = source.Name;
        var malformed = new MalformedRows();
        using var csv = Open(source, malformed.Add);
        var c = Columns(path, csv, [.. EpisodeColumns, "LA", "YEAR"], required: ["CHILD", "DECOM", "LS", "DEC", "REC"], malformed);
        while (Read(path, csv))
        {
            if (malformed.Take(csv.LineNumber, out var m)) { Reject(path, m, cohort.RejectEpisodeRow); continue; }
            cohort.AddEpisode(path, csv.LineNumber, Child(csv, c[0], c[6]), Field(csv, c[1]), Field(csv, c[4]), Field(csv, c[2]),
                Field(csv, c[3]), Field(csv, c[5]), c[7] >= 0 ? Field(csv, c[7]) : default);
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

    private static void Reject(string path, CsvMalformedRecord m, Action<string, long, int, string> reject) =>
        reject(path, m.LineNumber, MalformedColumn(m.RawRecord), $"malformed quoting ({Words(m.Reason)}): the row is not read");

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
