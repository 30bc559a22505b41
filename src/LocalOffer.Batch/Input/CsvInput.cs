using CsvHelper;
using LocalOffer.Core.Safety;

namespace LocalOffer.Batch.Input;

/// <summary>
/// The one CSV reader every command's CSV input goes through (SSDA903 header and episodes, OC3,
/// caseload), so the rules that keep a file's rows accounted for hold everywhere at once:
/// <list type="bullet">
/// <item>a quoted field may not run over a line break, so one stray quote cannot swallow the rest
/// of a file into one field (rows silently gone, and the whole file held in memory);</item>
/// <item>a row with malformed quoting (a quote never closed on its line, text after a closing
/// quote) is returned with a <see cref="Problem"/>: the caller rejects it, naming the line and
/// column, and the next line is read normally; a quote inside an unquoted field (O"Brien) is text;</item>
/// <item>a row longer than <see cref="MaxRowBytes"/> stops the run (no real row is near it);</item>
/// <item>a field longer than the reader's own cap is a <see cref="Problem"/> of its row;</item>
/// <item>bytes are UTF-8 or the run stops (<see cref="InputFile"/>).</item>
/// </list>
/// Rows read = rows returned by <see cref="Next"/>, each used or rejected by the caller.
/// </summary>
public sealed class CsvInput : IDisposable
{
    /// <summary>The longest row read (bytes): far beyond any real row of any of the files read.</summary>
    public const int MaxRowBytes = 1 << 20;

    private readonly Dictionary<long, CsvMalformedRecord> _malformed = [];
    private readonly int _maxFieldBytes;

    public string Name { get; }

    /// <summary>The underlying reader, for the SSDA903 reader's copy-the-bytes fast path.</summary>
    public CsvReader Csv { get; }

    /// <summary>The current row's problem (malformed quoting, a field over the cap), or null.</summary>
    public CsvRowProblem? Problem { get; private set; }

    public long Line => Csv.LineNumber;
    public int FieldCount => Csv.FieldCount;

    private CsvInput(InputSource source, int maxFieldBytes)
    {
        Name = source.Name;
        _maxFieldBytes = maxFieldBytes;
        Csv = CsvReader.Create(source.Open(), new CsvReaderOptions
        {
            HasHeader = false, TrackLineNumbers = true, SkipEmptyLines = true,
            AllowLineBreaksInQuotes = false, MalformedData = CsvMalformedDataHandling.Recover,
            OnMalformedRecord = Malformed, MaxRecordSize = MaxRowBytes, IncludeValuesInExceptions = false,
        }, false);
    }

    /// <summary>Opens a source; a field longer than <paramref name="maxFieldBytes"/> makes its row a problem.</summary>
    public static CsvInput Open(InputSource source, int maxFieldBytes = MaxRowBytes) => new(source, maxFieldBytes);

    // The scanner may report several rows ahead of the one being read: kept by line until read.
    // A stray quote inside an unquoted field is kept as text, as a spreadsheet reads it.
    private void Malformed(CsvMalformedRecord m)
    {
        if (m.Reason != CsvMalformedReason.StrayQuote) _malformed[m.LineNumber] = m;
    }

    /// <summary>The header line's names, trimmed, BOM removed, upper-cased; a bad header stops the run.</summary>
    public List<string> Header()
    {
        if (!Next()) throw new UnreadableInputException($"{Name}: empty file (no header line)");
        if (Problem is { } p) throw new UnreadableInputException($"{Name}: line {Line}: the header line: {p.Reason}");
        return Enumerable.Range(0, Csv.FieldCount)
            .Select(i => Csv.GetString(i).Trim().TrimStart('\uFEFF').ToUpperInvariant()).ToList();
    }

    /// <summary>Reads the next row; a row too long or bytes that are not UTF-8 stop the run (exit 2).</summary>
    public bool Next()
    {
        bool more;
        try
        {
            more = Csv.Read();
        }
        catch (CsvFormatException e)
        {
            throw new UnreadableInputException(
                $"{Name}: line {e.LineNumber}: a row longer than {MaxRowBytes:N0} bytes: not a file this reads");
        }
        catch (InvalidUtf8Exception e)
        {
            throw new UnreadableInputException($"{Name}: {e.Message}");
        }
        Problem = !more ? null
            : _malformed.Remove(Csv.LineNumber, out var m) ? new CsvRowProblem(MalformedColumn(m.RawRecord),
                $"malformed quoting ({Words(m.Reason)}): the row is not read")
            : LongField();
        return more;
    }

    private CsvRowProblem? LongField()
    {
        if (_maxFieldBytes >= MaxRowBytes) return null;
        for (var i = 0; i < Csv.FieldCount; i++)
            if (Csv.GetSpan(i).Length > _maxFieldBytes)
                return new CsvRowProblem(i + 1, $"a field longer than {_maxFieldBytes:N0} bytes: the row is not read");
        return null;
    }

    /// <summary>Field <paramref name="i"/> of the current row, trimmed ("" when the row is shorter or i is -1).</summary>
    public string Field(int i) => i >= 0 && i < Csv.FieldCount ? Csv.GetString(i).Trim() : "";

    private static string Words(CsvMalformedReason r) => r switch
    {
        CsvMalformedReason.StrayQuote => "a quote inside an unquoted field",
        CsvMalformedReason.TextAfterClosingQuote => "text after a closing quote",
        CsvMalformedReason.UnterminatedQuote or CsvMalformedReason.LineBreakInQuotes =>
            "a quote that is never closed on its line",
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

    public void Dispose() => Csv.Dispose();
}

/// <summary>Why a row cannot be read: the column (1-based, 0 for the whole row) and the reason.</summary>
public readonly record struct CsvRowProblem(int Column, string Reason);
