using System.Runtime.InteropServices;
using LocalOffer.Batch.Input;
using LocalOffer.Core.Model;
using LocalOffer.Core.Rules;
using NodaTime;

namespace LocalOffer.Batch.Cohort;

/// <summary>Where a field was read: for the rejects file. Council: the LA code a CHILD key was made with.</summary>
public readonly record struct FieldAt(string Text, int Column, string? Council = null);

/// <summary>
/// Collects header and episode rows from any number of SSDA903 files (CSV or XML) into one
/// record per child, checking each row as it comes. Every row read ends either used or in
/// <see cref="Rejects"/> with file, line, column and reason. The same CHILD and DECOM in two
/// returns is one episode and the later return wins, in place: memory holds each child's
/// episodes once, in compact rows, however many returns repeat them.
/// </summary>
/// <param name="law">
/// When given, episodes the law makes impossible are rejected when the cohort is built: one starting on or
/// after the 18th birthday (CA 1989 s.105(1)) or on or after a death recorded by an earlier episode (REC E2).
/// </param>
public sealed class CohortBuilder(Ssda903Codes codes, EnglandLaw? law = null)
{
    /// <summary>The checks of a row on its own (thread-safe: a reader may run them on another core).</summary>
    public RowChecker Checker { get; } = new(codes);
    // By code number: what a reason ended means for the law's impossible-episode checks (null without the law).
    private bool[]? _death, _ageAssessedAdult;
    private readonly List<string> _files = [];
    private readonly List<int> _decomColumns = [];
    internal readonly ChildTable Children = new();
    // Each key of the index is a child of Children, with its own number (the index reads the keys there).
    private readonly ChildIndex _childIndex = new();
    internal readonly EpisodeStore Episodes = new();

    public List<Reject> Rejects { get; } = [];
    public long HeaderRowsRead { get; private set; }
    public long EpisodeRowsRead { get; private set; }
    /// <summary>Episode rows that repeated an episode of another return (one of the two kept: the later).</summary>
    public long EpisodeRowsMerged { get; private set; }
    /// <summary>Header rows that repeated a child already read with the same DOB.</summary>
    public long HeaderRowsMerged { get; private set; }
    public int ChildCount => Children.Count;
    /// <summary>Whether a child of this key was kept (each key of the index is in <see cref="Children"/>).</summary>
    internal bool HasChild(string id) => _childIndex.Find(id, Children) >= 0;
    internal string FileName(int id) => _files[id];

    private int FileId(string file, int decomColumn)
    {
        for (var i = _files.Count - 1; i >= 0; i--) if (ReferenceEquals(_files[i], file) || _files[i] == file) return i;
        _files.Add(file);
        _decomColumns.Add(decomColumn);
        return _files.Count - 1;
    }

    /// <summary>
    /// A header row that could not be read at all (malformed quoting, a field holding elements): read and rejected.
    /// </summary>
    public void RejectHeaderRow(string file, long line, int column, string reason)
    {
        HeaderRowsRead++;
        Rejects.Add(new Reject(file, line, column, "row", null, reason));
    }

    /// <summary>An episode row that could not be read at all: read and rejected.</summary>
    public void RejectEpisodeRow(string file, long line, int column, string reason)
    {
        EpisodeRowsRead++;
        Rejects.Add(new Reject(file, line, column, "row", null, reason));
    }

    /// <summary>A header row: CHILD and DOB.</summary>
    public void AddChild(string file, long line, FieldAt child, FieldAt dob) =>
        AddChild(file, Checker.Child(line, child, dob));

    /// <summary>A header row already checked on its own (<see cref="RowChecker.Child"/>).</summary>
    public void AddChild(string file, in ChildInput row)
    {
        HeaderRowsRead++;
        var (line, id) = (row.Line, row.Id);
        if (row.Problem is { } p) { Rejects.Add(new Reject(file, line, p.Column, p.Field, p.Child, p.Reason)); return; }
        var birth = row.Birth;
        // One look-up in the index of children, whether the child is new or not (a million rows): a new key is
        // added with the number the child gets next.
        var existing = _childIndex.FindOrAdd(id, Children.Count, Children);
        if (existing >= 0)
        {
            ref var first = ref Children[existing];
            if (_files[first.File] == file)
            {
                // Twice in one file is a duplicate row, whatever its DOB (the README's promise), not another return.
                Rejects.Add(new Reject(file, line, row.ChildColumn, "CHILD", id,
                    $"duplicate header row: the same CHILD at line {first.Line} of this file"));
                return;
            }
            if (first.DateOfBirth == birth) { HeaderRowsMerged++; return; } // the same child in another return
            Rejects.Add(new Reject(file, line, row.DobColumn, "DOB", id,
                $"CHILD already has DOB {first.DateOfBirth:yyyy-MM-dd} ({_files[first.File]} line {first.Line})"));
            return;
        }
        Children.Add(new ChildRecord
        {
            Id = id, DateOfBirth = birth, File = FileId(file, 0), Line = (int)line, FirstEpisode = -1,
        });
    }

    /// <summary>
    /// An episode row: CHILD, DECOM, DEC, LS, PLACE (PL in XML), REC, and the return's YEAR where
    /// the file has one (regional extracts hold several returns in one file; blank = none).
    /// </summary>
    public void AddEpisode(string file, long line, FieldAt child, FieldAt decom, FieldAt dec, FieldAt ls, FieldAt place,
        FieldAt rec, FieldAt yearField = default) =>
        AddEpisode(file, Checker.Episode(line, child, decom, dec, ls, place, rec, yearField));

    /// <summary>An episode row checked on its own (<see cref="RowChecker.Episode"/>): the cohort's checks.</summary>
    public void AddEpisode(string file, in EpisodeInput row)
    {
        EpisodeRowsRead++;
        var (line, id) = (row.Line, row.Id);
        if (row.BeforeChild is { } p)
        {
            Rejects.Add(new Reject(file, line, p.Column, p.Field, p.Child, p.Reason));
            if (p.CountsAgainstChild && id.Length > 0 && _childIndex.Find(id, Children) is var bad and >= 0)
                Children[bad].RejectedRows++;
            return;
        }
        if (id.Length == 0 || !ChildOf(id, out var ci))
        {
            Rejects.Add(new Reject(file, line, row.ChildColumn, "CHILD", id.Length == 0 ? null : id,
                id.Length == 0 ? "no CHILD id" : "no header row (or a rejected one) for this CHILD"));
            return;
        }
        ref var c = ref Children[ci];
        var start = row.Start;
        var problem = row.BeforeBirth
            ?? (start < c.DateOfBirth
                ? new RowProblem(row.DecomColumn, "DECOM", id,
                    $"episode starts {start:yyyy-MM-dd}, before the DOB {c.DateOfBirth:yyyy-MM-dd}")
                : row.AfterBirth);
        if (problem is not null)
        {
            Reject(file, line, problem.Column, problem.Field, id, problem.Reason, ref c);
            return;
        }

        var year = row.Year;
        var slot = new EpisodeRow
        {
            Start = start, End = row.End ?? EpisodeRow.Open,
            LegalStatus = row.LegalStatus, Placement = row.Placement, ReasonEnded = row.ReasonEnded,
            File = (short)FileId(file, row.DecomColumn), Year = year, Line = (int)line, Next = -1,
        };
        // The same CHILD and DECOM already read: one episode. The later return wins: a later YEAR
        // where both rows have one, else the file given later. Twice in one return is an error.
        if (FindStart(ci, c.FirstEpisode, start) is var i and >= 0)
        {
            ref var earlier = ref Episodes[i];
            var order = earlier.Year != 0 && year != 0 && earlier.Year != year
                ? year.CompareTo(earlier.Year) : slot.File.CompareTo(earlier.File);
            if (order == 0)
            {
                Reject(file, line, row.DecomColumn, "DECOM", id,
                    $"duplicate episode: the same CHILD and DECOM at line {earlier.Line} of the same return", ref c);
                return;
            }
            EpisodeRowsMerged++;
            if (order > 0)
            {
                slot.Next = earlier.Next;
                earlier = slot;
            }
            return;
        }
        slot.Next = c.FirstEpisode;
        c.FirstEpisode = Episodes.Add(slot);
        if (_startsOfLongRecords is { } indexed && indexed.TryGetValue(ci, out var starts))
            starts[start] = c.FirstEpisode;
    }

    // The child of the episode row before (an episodes file lists a child's episodes together, and the
    // reader hands them all the same key string), else one of the few children after it (files list children
    // in the same order, and a child with no episodes is passed over: a third of the synthetic return's, so
    // looking only at the next child left a third of the new keys to the index): found without hashing the
    // key and looking in the index of a million (issue 30). Each child's key is in the index once, with its
    // own number, so a child whose key is equal is the index's answer.
    private string? _lastId;
    private int _lastChild = -1;

    /// <summary>How many children after the last one are compared with a new key before the index is asked.</summary>
    internal const int LookedAhead = 8;

    private bool ChildOf(string id, out int ci)
    {
        if (ReferenceEquals(id, _lastId)) { ci = _lastChild; return true; }
        var end = Math.Min(Children.Count, _lastChild + 1 + LookedAhead);
        for (ci = _lastChild + 1; ci < end; ci++)
            if (string.Equals(Children[ci].Id, id, StringComparison.Ordinal)) break;
        if (ci == end && (ci = _childIndex.Find(id, Children)) < 0) return false;
        (_lastId, _lastChild) = (id, ci);
        return true;
    }

    /// <summary>
    /// The most episodes of one child searched in turn for an episode with the same start; a child with
    /// more (no real record: a broken or hostile file) gets an index of its starts: 100,000 episodes of one
    /// child were 8 seconds of searching, and twice as many four times that.
    /// </summary>
    public const int SearchedInTurn = 64;

    // The index of starts of each child with more than SearchedInTurn episodes (null while none has).
    private Dictionary<int, Dictionary<LocalDate, int>>? _startsOfLongRecords;

    /// <summary>The episode of child <paramref name="ci"/> starting on <paramref name="start"/>, or -1.</summary>
    private int FindStart(int ci, int first, LocalDate start)
    {
        if (_startsOfLongRecords is { } indexed && indexed.TryGetValue(ci, out var starts))
            return starts.TryGetValue(start, out var at) ? at : -1;
        var searched = 0;
        for (var i = first; i >= 0; i = Episodes[i].Next, searched++)
            if (Episodes[i].Start == start) return i;
        if (searched > SearchedInTurn)
        {
            starts = new Dictionary<LocalDate, int>(2 * searched);
            for (var i = first; i >= 0; i = Episodes[i].Next) starts[Episodes[i].Start] = i;
            (_startsOfLongRecords ??= [])[ci] = starts;
        }
        return -1;
    }

    private void Reject(string file, long line, int column, string field, string id, string reason, ref ChildRecord c)
    {
        Rejects.Add(new Reject(file, line, column, field, id, reason));
        c.RejectedRows++;
    }

    /// <summary>
    /// Finishes the cohort: each child's episodes put in order of start; an episode overlapping an
    /// earlier one is rejected (one child cannot be in two episodes on one day).
    /// </summary>
    public Cohort Build()
    {
        var order = new List<int>();
        for (var ci = 0; ci < Children.Count; ci++) OrderEpisodes(ref Children[ci], order);
        _startsOfLongRecords = null; // no episode is added after this
        return new Cohort(this);
    }

    private void OrderEpisodes(ref ChildRecord c, List<int> order)
    {
        if (c.FirstEpisode < 0) return;
        order.Clear();
        for (var i = c.FirstEpisode; i >= 0; i = Episodes[i].Next) order.Add(i);
        if (order.Count > 1) SortByStart(order);
        // Relink in order of start, leaving out episodes that overlap an earlier one, and those the law makes
        // impossible (ImpossibleAfter). A zero-length episode (DEC = DECOM) has no days, so overlaps nothing.
        int head = -1, tail = -1, lastWithDays = -1, died = -1;
        foreach (var i in order)
        {
            ref var e = ref Episodes[i];
            var hasDays = e.End != e.Start;
            string? reason = null;
            if (law is not null) reason = ImpossibleAfter(c.DateOfBirth, ref e, died);
            if (reason is null && hasDays && lastWithDays >= 0) OverlapsEarlier(ref e, lastWithDays, out reason);
            if (reason is not null)
            {
                Rejects.Add(new Reject(_files[e.File], e.Line, _decomColumns[e.File], "DECOM", c.Id, reason));
                c.RejectedRows++;
                continue;
            }
            if (law is not null && died < 0 && _death![e.ReasonEnded] && e.End != EpisodeRow.Open) died = i;
            e.Next = -1;
            if (tail < 0) head = i; else Episodes[tail].Next = i;
            tail = i;
            if (hasDays) lastWithDays = i;
        }
        c.FirstEpisode = head;
    }

    /// <summary>
    /// A child's episodes in order of start (starts are unique: rows with the same DECOM were merged).
    /// The list runs from the last row read back to the first, and files list a child's episodes in
    /// order of DECOM, so it is usually exactly reversed: then reversing it is enough (a million children).
    /// </summary>
    private void SortByStart(List<int> order)
    {
        bool ascending = true, descending = true;
        for (var i = 1; i < order.Count; i++)
        {
            if (Episodes[order[i - 1]].Start < Episodes[order[i]].Start) descending = false;
            else ascending = false;
        }
        if (descending) order.Reverse();
        else if (!ascending) order.Sort((a, b) => Episodes[a].Start.CompareTo(Episodes[b].Start));
    }

    /// <summary>
    /// Why the law makes episode <paramref name="e"/> impossible, or null: it starts on or after the 18th
    /// birthday (CA 1989 s.105(1): only a child is looked after as one) without ending with the age assessed as
    /// 18 or over (then it is left out, with a warning), or on or after the death recorded by episode
    /// <paramref name="died"/> (REC E2). The same rules as CareHistoryValidator's for `check`.
    /// </summary>
    private string? ImpossibleAfter(LocalDate dob, ref EpisodeRow e, int died)
    {
        if (_death is null)
        {
            _death = new bool[256];
            _ageAssessedAdult = new bool[256];
            for (var n = 1; n < Checker.CodeNumbers; n++)
                if (Checker.Code((byte)n) is { } code)
                    (_death[n], _ageAssessedAdult[n]) = (law!.DeathReasons.Contains(code),
                        law.AgeAssessedAdultReasons.Contains(code));
        }
        if (died >= 0 && e.Start >= Episodes[died].End)
            return $"episode starts {e.Start:yyyy-MM-dd}, on or after the death recorded at " +
                $"{_files[Episodes[died].File]} line {Episodes[died].Line} ({Episodes[died].End:yyyy-MM-dd})";
        // Years apart first: most episodes start long before 18, and the birthday is worked out only near it.
        if (e.Start.Year - dob.Year < law!.AgeAdult || _ageAssessedAdult![e.ReasonEnded]) return null;
        var b18 = law.Birthdays.Birthday(dob, law.AgeAdult);
        return e.Start >= b18
            ? $"episode starts {e.Start:yyyy-MM-dd}, on or after the 18th birthday ({b18:yyyy-MM-dd}): nobody is " +
              "looked after as a child from 18 (Children Act 1989 s.105(1))"
            : null;
    }

    private bool OverlapsEarlier(ref EpisodeRow e, int kept, out string? reason)
    {
        ref var last = ref Episodes[kept];
        var open = last.End == EpisodeRow.Open;
        reason = null;
        if (!open && e.Start >= last.End) return false;
        var ends = open ? "still open" : $"ends {last.End:yyyy-MM-dd}";
        reason = $"overlaps the episode at {_files[last.File]} line {last.Line} ({ends})";
        return true;
    }

    /// <summary>
    /// The episodes of child <paramref name="ci"/> as values, in order of start, written into
    /// <paramref name="buffer"/> (grown when too small): the engine's batch input, no object per episode.
    /// </summary>
    internal ReadOnlySpan<EpisodeValue> EpisodeValues(int ci, ref EpisodeValue[] buffer)
    {
        ref var c = ref Children[ci];
        var n = 0;
        for (var i = c.FirstEpisode; i >= 0; i = Episodes[i].Next) n++;
        if (buffer.Length < n) buffer = new EpisodeValue[Math.Max(n, buffer.Length * 2)];
        var k = 0;
        for (var i = c.FirstEpisode; i >= 0; i = Episodes[i].Next)
        {
            ref var e = ref Episodes[i];
            buffer[k++] = new EpisodeValue(e.Start, e.End == EpisodeRow.Open ? null : e.End,
                Checker.Code(e.LegalStatus)!, Checker.Code(e.Placement), Checker.Code(e.ReasonEnded));
        }
        return buffer.AsSpan(0, n);
    }

    /// <summary>The care history of child <paramref name="ci"/>, built when it is classified.</summary>
    internal CareHistory History(int ci)
    {
        ref var c = ref Children[ci];
        var n = 0;
        for (var i = c.FirstEpisode; i >= 0; i = Episodes[i].Next) n++;
        Episode[] episodes = n == 0 ? [] : new Episode[n];
        var k = 0;
        for (var i = c.FirstEpisode; i >= 0; i = Episodes[i].Next)
        {
            ref var e = ref Episodes[i];
            episodes[k++] = new Episode(e.Start, e.End == EpisodeRow.Open ? null : e.End, Checker.Code(e.LegalStatus)!,
                Checker.Code(e.Placement), Checker.Code(e.ReasonEnded));
        }
        return new CareHistory(c.Id, c.DateOfBirth, episodes, [], [], [], [], [], []);
    }
}

/// <summary>One child: its key, date of birth, first episode and how many of its rows were rejected.</summary>
internal struct ChildRecord
{
    public string Id;
    public LocalDate DateOfBirth;
    public int FirstEpisode;
    public int RejectedRows;
    public int File;
    public int Line;
}

/// <summary>
/// One episode row, compact (24 bytes) and without references: codes are numbers in the checker's
/// table (<see cref="RowChecker.Code"/>; 0: none); End is <see cref="Open"/> when blank.
/// </summary>
internal struct EpisodeRow
{
    public static readonly LocalDate Open = LocalDate.MaxIsoValue;
    public LocalDate Start;
    public LocalDate End;
    public int Line;
    public int Next;
    public short File;
    public short Year;
    public byte LegalStatus;
    public byte Placement;
    public byte ReasonEnded;
}

/// <summary>Growable storage in fixed blocks: no copy of everything (and no doubled peak) as it grows.</summary>
internal sealed class BlockList<T>
{
    private const int Shift = 16;
    private const int Size = 1 << Shift;
    private readonly List<T[]> _blocks = [];

    public int Count { get; private set; }

    public ref T this[int i] => ref _blocks[i >> Shift][i & (Size - 1)];

    public int Add(T item)
    {
        if ((Count >> Shift) == _blocks.Count) _blocks.Add(new T[Size]);
        this[Count] = item;
        return Count++;
    }
}

internal sealed class ChildTable
{
    private readonly BlockList<ChildRecord> _rows = new();
    public int Count => _rows.Count;
    public ref ChildRecord this[int i] => ref _rows[i];
    public int Add(ChildRecord r) => _rows.Add(r);
}

internal sealed class EpisodeStore
{
    private readonly BlockList<EpisodeRow> _rows = new();
    public ref EpisodeRow this[int i] => ref _rows[i];
    public int Add(EpisodeRow r) => _rows.Add(r);
}

/// <summary>The checked cohort: children in the order first read; each history is built on demand.</summary>
public sealed class Cohort
{
    private readonly CohortBuilder _builder;
    internal Cohort(CohortBuilder builder) => _builder = builder;
    public int Count => _builder.ChildCount;
    public CareHistory History(int i) => _builder.History(i);
    /// <summary>
    /// Child <paramref name="i"/>'s episodes written into <paramref name="buffer"/> (see CohortBuilder.EpisodeValues).
    /// </summary>
    public ReadOnlySpan<EpisodeValue> Episodes(int i, ref EpisodeValue[] buffer) =>
        _builder.EpisodeValues(i, ref buffer);

    // Each thread's buffer of episodes, filled again for every child it asks about (issue 14: no object per
    // episode); one grown past what a thread keeps (a hostile record's) is not kept for the next child.
    [ThreadStatic] private static EpisodeValue[]? _episodes;

    /// <summary>
    /// Child <paramref name="i"/>'s episodes in this thread's buffer: valid until this thread asks for another
    /// child's. What `batch`, `caseload`, `indicators` and the audit give the engine for a child of a return.
    /// </summary>
    public ReadOnlySpan<EpisodeValue> Episodes(int i)
    {
        var buffer = _episodes ?? new EpisodeValue[8];
        var count = Episodes(i, ref buffer).Length;
        _episodes = buffer.Length > Core.Engine.CareLeaverEngine.KeptEpisodeCapacity ? null : buffer;
        return buffer.AsSpan(0, count);
    }
    public int RejectedRows(int i) => _builder.Children[i].RejectedRows;
    public string ChildId(int i) => _builder.Children[i].Id;
    /// <summary>Whether some child of the cohort has this <see cref="ChildId"/> (the builder's index).</summary>
    public bool Contains(string id) => _builder.HasChild(id);
    public LocalDate DateOfBirth(int i) => _builder.Children[i].DateOfBirth;
}
