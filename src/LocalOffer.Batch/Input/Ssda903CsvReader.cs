using System.Runtime.InteropServices;
using CsvHelper;
using LocalOffer.Batch.Cohort;
using LocalOffer.Core.Safety;

namespace LocalOffer.Batch.Input;

/// <summary>
/// Reads SSDA903 header.csv and episodes.csv through the one CSV input layer (<see cref="CsvInput"/>,
/// CsvHelper's UTF-8 reader underneath): header names in any
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

    /// <summary>The longest row read (bytes): the input layer's rule (<see cref="CsvInput"/>).</summary>
    public const int MaxRowBytes = CsvInput.MaxRowBytes;

    public static void ReadHeader(string path, CohortBuilder cohort) => ReadHeader(InputSource.File(path), cohort);

    /// <summary>
    /// The header rows: read in order on one core, checked on any (<see cref="RowChecker"/>), and
    /// taken by the cohort in order on this thread (<see cref="ReadAhead"/>).
    /// </summary>
    public static void ReadHeader(InputSource source, CohortBuilder cohort)
    {
        var pool = new RawRows<ChildInput>.Pool(HeaderWanted.Length);
        var threaded = ReadsAhead(source);
        TakeInOrder(HeaderRows(source, cohort.Checker, pool, threaded), pool, threaded,
            (in ChildInput row) => cohort.AddChild(source.Name, row));
    }

    public static void ReadEpisodes(string path, CohortBuilder cohort) => ReadEpisodes(InputSource.File(path), cohort);

    /// <summary>The episode rows: read in order on one core, checked on any, taken by the cohort in order.</summary>
    public static void ReadEpisodes(InputSource source, CohortBuilder cohort)
    {
        var pool = new RawRows<EpisodeInput>.Pool(EpisodeWanted.Length);
        var threaded = ReadsAhead(source);
        TakeInOrder(EpisodeRows(source, cohort.Checker, pool, threaded), pool, threaded,
            (in EpisodeInput row) => cohort.AddEpisode(source.Name, row));
    }

    /// <summary>A file is read ahead on other cores where there are some; an upload on its own thread.</summary>
    private static bool ReadsAhead(InputSource source) => ReadAhead.Threaded && !source.InMemory;

    private delegate void Taker<T>(in T row);

    /// <summary>Each checked batch's rows to <paramref name="take"/>, in file order; the batch is then used again.</summary>
    private static void TakeInOrder<T>(IEnumerable<Task<RawRows<T>>> batches, RawRows<T>.Pool pool, bool threaded,
        Taker<T> take)
    {
        foreach (var batch in threaded ? ReadAhead.Of(batches) : batches)
        {
            var raw = batch.GetAwaiter().GetResult();
            foreach (ref readonly var row in CollectionsMarshal.AsSpan(raw.Checked)) take(in row);
            pool.Return(raw);
        }
    }

    // The fields taken from each row, in this order (RawRows.Field's j); LA and YEAR where a file has them.
    internal static readonly string[] HeaderWanted = [.. HeaderColumns, "LA"];
    internal static readonly string[] EpisodeWanted = [.. EpisodeColumns, "LA", "YEAR"];

    internal static IEnumerable<Task<RawRows<ChildInput>>> HeaderRows(InputSource source, RowChecker check,
        RawRows<ChildInput>.Pool pool, bool threaded) =>
        Batches(source, HeaderWanted, HeaderColumns, pool, threaded, (raw, c) =>
        {
            for (var r = 0; r < raw.Count; r++)
                raw.Checked.Add(raw.Unreadable[r] is { } p
                    ? new ChildInput(raw.Line[r], "", 0, 0, default, p)
                    : check.Child(raw.Line[r], ChildKey(raw, r, c, la: 2, before: default), F(raw, r, c, 1)));
        });

    internal static IEnumerable<Task<RawRows<EpisodeInput>>> EpisodeRows(InputSource source, RowChecker check,
        RawRows<EpisodeInput>.Pool pool, bool threaded) =>
        Batches(source, EpisodeWanted, ["CHILD", "DECOM", "LS", "DEC", "REC"], pool, threaded, (raw, c) =>
        {
            var child = default(FieldAt);
            for (var r = 0; r < raw.Count; r++)
            {
                if (raw.Unreadable[r] is { } p)
                {
                    raw.Checked.Add(new EpisodeInput(raw.Line[r], "", 0, 0, default, null, 0, 0, 0, 0, p, null, null));
                    continue;
                }
                // CHILD 0, DECOM 1, LS 2, PLACE 3, DEC 4, REC 5, LA 6, YEAR 7.
                child = ChildKey(raw, r, c, la: 6, before: child);
                raw.Checked.Add(check.Episode(raw.Line[r], child, F(raw, r, c, 1), F(raw, r, c, 4), F(raw, r, c, 2),
                    F(raw, r, c, 3), F(raw, r, c, 5), c[7] >= 0 ? F(raw, r, c, 7) : default));
            }
        });

    /// <summary>Field <paramref name="j"/> of a row, its column numbered as <see cref="Field"/> does.</summary>
    private static FieldText F<T>(RawRows<T> raw, int row, int[] columns, int j) =>
        new(raw.Field(row, j), columns[j] + 1);

    /// <summary>
    /// Reads the file's rows in order, a batch at a time, and hands each batch to <paramref name="check"/>
    /// on another core when <paramref name="threaded"/> (else at once, in line: the browser).
    /// </summary>
    private static IEnumerable<Task<RawRows<T>>> Batches<T>(InputSource source, string[] wanted, string[] required,
        RawRows<T>.Pool pool, bool threaded, Action<RawRows<T>, int[]> check)
    {
        using var input = CsvInput.Open(source);
        var c = Columns(input, wanted, required);
        var raw = pool.Rent();
        RawRows<T> DecodeAndCheck(RawRows<T> rows)
        {
            rows.Decode();
            check(rows, c);
            return rows;
        }
        Task<RawRows<T>> Checked(RawRows<T> rows) =>
            threaded ? Task.Run(() => DecodeAndCheck(rows)) : Task.FromResult(DecodeAndCheck(rows));
        while (input.Next())
        {
            if (input.Problem is { } p) raw.AddUnreadable(input.Line, RowChecker.Unreadable(p.Column, p.Reason));
            else raw.Add(input.Csv, input.Line, c);
            if (!raw.IsFull) continue;
            yield return Checked(raw);
            raw = pool.Rent();
        }
        if (raw.Count > 0) yield return Checked(raw);
    }

    /// <summary>
    /// The child's key, from field 0 (CHILD) and field <paramref name="la"/> (LA, where the file has it).
    /// In a regional extract (an LA column) CHILD ids are only unique within a council, so the key is
    /// "LA/CHILD". An LA code with a '/' is refused by the checker, so two different (LA, CHILD) pairs can
    /// never make the same key ("A" + "B/C" against "A/B" + "C"). The row before's key is used again when
    /// both fields are the same (episodes files list a child's episodes together): one string per child.
    /// </summary>
    private static FieldAt ChildKey<T>(RawRows<T> raw, int row, int[] c, int la, FieldAt before)
    {
        var id = raw.Field(row, 0);
        var council = raw.Field(row, la);
        if (before.Text is not null && row > 0 && raw.Unreadable[row - 1] is null
            && id.SequenceEqual(raw.Field(row - 1, 0)) && council.SequenceEqual(raw.Field(row - 1, la)))
            return before;
        var column = c[0] + 1;
        if (c[la] < 0) return new FieldAt(id.ToString(), column);
        var trimmedCouncil = council.Trim();
        var trimmedId = id.Trim();
        return trimmedCouncil.Length == 0 || trimmedId.Length == 0
            ? new FieldAt(id.ToString(), column)
            : new FieldAt($"{trimmedCouncil}/{trimmedId}", column, trimmedCouncil.ToString());
    }

    /// <summary>
    /// The bench's measure of the reading side of a load: the header's then the episodes' rows read and
    /// checked on one thread, not kept. Returns the number of episode rows.
    /// </summary>
    public static long CheckedRowsOnly(IReadOnlyList<InputSource> headerThenEpisodes, Core.Rules.Ssda903Codes codes)
    {
        var check = new RowChecker(codes);
        long rows = 0;
        var children = new RawRows<ChildInput>.Pool(HeaderWanted.Length);
        foreach (var batch in HeaderRows(headerThenEpisodes[0], check, children, threaded: false))
            children.Return(batch.Result);
        var episodes = new RawRows<EpisodeInput>.Pool(EpisodeWanted.Length);
        foreach (var batch in EpisodeRows(headerThenEpisodes[1], check, episodes, threaded: false))
        {
            rows += batch.Result.Checked.Count;
            episodes.Return(batch.Result);
        }
        return rows;
    }

    /// <summary>The bare parse, the benchmark's floor: every row read and the same fields taken the same way, nothing done with them.</summary>
    public static long ParseOnly(string path, string[] wanted)
    {
        using var input = CsvInput.Open(InputSource.File(path));
        var cols = Columns(input, wanted, required: []);
        long chars = 0;
        while (input.Next())
            foreach (var c in cols) chars += Field(input.Csv, c).Text.Length;
        return chars;
    }

    private static FieldAt Field(CsvReader csv, int index) =>
        index >= 0 && index < csv.FieldCount ? new FieldAt(csv.GetString(index), index + 1) : new FieldAt("", index + 1);

    /// <summary>Column index of each wanted name (case-insensitive), -1 when absent; a missing required one is an error.</summary>
    internal static int[] Columns(CsvInput input, string[] wanted, string[] required)
    {
        var path = input.Name;
        var names = input.Header();
        var missing = required.Where(r => !names.Contains(r)).ToList();
        if (missing.Count > 0)
            throw new UnreadableInputException($"{path}: line 1: missing column(s) {string.Join(", ", missing)} " +
                $"(found: {Printable.Clean(string.Join(", ", names))})");
        return wanted.Select(w => names.IndexOf(w)).ToArray();
    }
}
