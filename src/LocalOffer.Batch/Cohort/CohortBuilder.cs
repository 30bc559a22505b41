using LocalOffer.Batch.Input;
using LocalOffer.Core.Model;
using LocalOffer.Core.Rules;
using NodaTime;

namespace LocalOffer.Batch.Cohort;

/// <summary>Where a field was read: for the rejects file.</summary>
public readonly record struct FieldAt(string Text, int Column);

/// <summary>
/// Collects header and episode rows from any number of SSDA903 files (CSV or XML) into one
/// record per child, checking each row as it comes. Every row read ends either used or in
/// <see cref="Rejects"/> with file, line, column and reason. The same CHILD and DECOM in two
/// files is one episode: the file given later (a later return) wins, in place, so memory holds
/// each child's episodes once however many returns repeat them.
/// </summary>
public sealed class CohortBuilder(Ssda903Codes codes)
{
    // Codes come from the code table, so millions of rows share a few dozen strings.
    private readonly HashSet<string> _codes = [.. codes.LegalStatus.Keys, .. codes.Placement.Keys, .. codes.ReasonEnded.Keys];
    private readonly Dictionary<string, int> _childIndex = new(StringComparer.Ordinal);
    private readonly List<ChildRow> _children = [];
    private EpisodeSlot[] _episodes = new EpisodeSlot[1024];
    private int _episodeCount;
    private readonly List<string> _files = [];

    public List<Reject> Rejects { get; } = [];
    public long HeaderRowsRead { get; private set; }
    public long EpisodeRowsRead { get; private set; }
    /// <summary>Episode rows that repeated an episode of an earlier file and replaced it (a later return wins).</summary>
    public long EpisodeRowsMerged { get; private set; }
    public int ChildCount => _children.Count;

    private int FileId(string file)
    {
        var i = _files.IndexOf(file);
        if (i >= 0) return i;
        _files.Add(file);
        return _files.Count - 1;
    }

    /// <summary>A header row: CHILD and DOB.</summary>
    public void AddChild(string file, long line, FieldAt child, FieldAt dob)
    {
        HeaderRowsRead++;
        var id = child.Text.Trim();
        if (id.Length == 0) { Rejects.Add(new Reject(file, line, child.Column, "CHILD", null, "no CHILD id")); return; }
        if (dob.Text.Trim().Length == 0) { Rejects.Add(new Reject(file, line, dob.Column, "DOB", id, "no DOB")); return; }
        if (!Ssda903Date.TryParse(dob.Text, out var birth)) { Rejects.Add(new Reject(file, line, dob.Column, "DOB", id, $"'{dob.Text}' is not a date (DD/MM/YYYY or YYYY-MM-DD)")); return; }
        if (_childIndex.TryGetValue(id, out var existing))
        {
            var first = _children[existing];
            if (first.DateOfBirth == birth) { HeaderRowsMerged++; return; } // the same child in a later return
            Rejects.Add(new Reject(file, line, dob.Column, "DOB", id, $"CHILD already has DOB {first.DateOfBirth:yyyy-MM-dd} ({first.File} line {first.Line})"));
            return;
        }
        _childIndex[id] = _children.Count;
        _children.Add(new ChildRow(id, birth, file, line));
    }

    /// <summary>Header rows that repeated a child already read with the same DOB (merged, counted as used).</summary>
    public long HeaderRowsMerged { get; private set; }

    /// <summary>
    /// An episode row: CHILD, DECOM, DEC, LS, PLACE (PL in XML), REC, and the return's YEAR where
    /// the file has one (regional extracts hold several returns in one file; 0 = none).
    /// </summary>
    public void AddEpisode(string file, long line, FieldAt child, FieldAt decom, FieldAt dec, FieldAt ls, FieldAt place, FieldAt rec, int year = 0)
    {
        EpisodeRowsRead++;
        var id = child.Text.Trim();
        Reject? Bad(FieldAt f, string field, string reason) => new(file, line, f.Column, field, id.Length == 0 ? null : id, reason);
        if (id.Length == 0 || !_childIndex.TryGetValue(id, out var ci))
        {
            Rejects.Add(Bad(child, "CHILD", id.Length == 0 ? "no CHILD id" : "no header row (or a rejected one) for this CHILD"));
            return;
        }
        var c = _children[ci];
        Reject? reject;
        LocalDate start = default, end = default;
        var hasEnd = dec.Text.Trim().Length > 0;
        var lsText = ls.Text.Trim();
        var placeText = place.Text.Trim();
        var recText = rec.Text.Trim();
        reject =
            decom.Text.Trim().Length == 0 ? Bad(decom, "DECOM", "no DECOM (start date)")
            : !Ssda903Date.TryParse(decom.Text, out start) ? Bad(decom, "DECOM", $"'{decom.Text}' is not a date (DD/MM/YYYY or YYYY-MM-DD)")
            : hasEnd && !Ssda903Date.TryParse(dec.Text, out end) ? Bad(dec, "DEC", $"'{dec.Text}' is not a date (DD/MM/YYYY or YYYY-MM-DD)")
            : hasEnd && end < start ? Bad(dec, "DEC", $"DEC {end:yyyy-MM-dd} is before DECOM {start:yyyy-MM-dd}")
            : start < c.DateOfBirth ? Bad(decom, "DECOM", $"episode starts {start:yyyy-MM-dd}, before the DOB {c.DateOfBirth:yyyy-MM-dd}")
            : !codes.LegalStatus.TryGetValue(lsText, out _) ? Bad(ls, "LS", lsText.Length == 0 ? "no legal status" : $"unknown legal status '{lsText}'")
            : placeText.Length > 0 && !codes.Placement.ContainsKey(placeText) ? Bad(place, "PLACE", $"unknown placement '{placeText}'")
            : recText.Length > 0 && !codes.ReasonEnded.ContainsKey(recText) ? Bad(rec, "REC", $"unknown reason episode ceased '{recText}'")
            : null;
        if (reject is not null) { Rejects.Add(reject); c.RejectedRows++; return; }

        var slot = new EpisodeSlot
        {
            Start = start, End = hasEnd ? end : null,
            LegalStatus = Intern(lsText), Placement = placeText.Length == 0 ? null : Intern(placeText),
            ReasonEnded = recText.Length == 0 || !hasEnd ? null : Intern(recText),
            FileId = FileId(file), Year = year, Line = line, Column = decom.Column, Next = -1,
        };
        // The same CHILD and DECOM already read: one episode. The later return wins: a later YEAR
        // where both rows have one, else the file given later. Twice in one return is an error.
        for (var i = c.FirstEpisode; i >= 0; i = _episodes[i].Next)
        {
            if (_episodes[i].Start != start) continue;
            var earlier = _episodes[i];
            var order = earlier.Year != 0 && year != 0 && earlier.Year != year ? year.CompareTo(earlier.Year) : slot.FileId.CompareTo(earlier.FileId);
            if (order == 0)
            {
                Rejects.Add(Bad(decom, "DECOM", $"duplicate episode: the same CHILD and DECOM at line {earlier.Line} of the same return"));
                c.RejectedRows++;
                return;
            }
            EpisodeRowsMerged++;
            if (order > 0)
            {
                slot.Next = earlier.Next;
                _episodes[i] = slot;
            }
            return;
        }
        if (_episodeCount == _episodes.Length) Array.Resize(ref _episodes, _episodes.Length * 2);
        slot.Next = c.FirstEpisode;
        _episodes[_episodeCount] = slot;
        c.FirstEpisode = _episodeCount++;
        c.EpisodeCount++;
    }

    private string Intern(string code) => _codes.TryGetValue(code, out var shared) ? shared : code;

    /// <summary>
    /// Finishes the cohort: each child's episodes in order of start; an episode overlapping an
    /// earlier one is rejected (one child cannot be in two episodes on one day).
    /// </summary>
    public Cohort Build()
    {
        var children = new CohortChild[_children.Count];
        var buffer = new List<EpisodeSlot>();
        for (var ci = 0; ci < _children.Count; ci++)
        {
            var c = _children[ci];
            buffer.Clear();
            for (var i = c.FirstEpisode; i >= 0; i = _episodes[i].Next) buffer.Add(_episodes[i]);
            buffer.Sort(static (a, b) => a.Start.CompareTo(b.Start));
            var episodes = new List<Episode>(buffer.Count);
            LocalDate? lastEnd = null;
            var lastLine = 0L;
            var lastFile = 0;
            var open = false;
            foreach (var e in buffer)
            {
                var zeroLength = e.End == e.Start;
                if (episodes.Count > 0 && !zeroLength && (open || e.Start < lastEnd))
                {
                    Rejects.Add(new Reject(_files[e.FileId], e.Line, e.Column, "DECOM", c.Id,
                        $"overlaps the episode at {_files[lastFile]} line {lastLine} ({(open ? "still open" : $"ends {lastEnd:yyyy-MM-dd}")})"));
                    c.RejectedRows++;
                    continue;
                }
                episodes.Add(new Episode(e.Start, e.End, e.LegalStatus, e.Placement, e.ReasonEnded));
                if (zeroLength) continue;
                open = e.End is null;
                lastEnd = e.End;
                lastLine = e.Line;
                lastFile = e.FileId;
            }
            children[ci] = new CohortChild(new CareHistory(c.Id, c.DateOfBirth, episodes, [], [], [], [], []), c.RejectedRows);
        }
        _episodes = [];
        return new Cohort(children);
    }

    private sealed class ChildRow(string id, LocalDate dob, string file, long line)
    {
        public string Id { get; } = id;
        public LocalDate DateOfBirth { get; } = dob;
        public string File { get; } = file;
        public long Line { get; } = line;
        public int FirstEpisode { get; set; } = -1;
        public int EpisodeCount { get; set; }
        public int RejectedRows { get; set; }
    }

    private struct EpisodeSlot
    {
        public LocalDate Start;
        public LocalDate? End;
        public string LegalStatus;
        public string? Placement;
        public string? ReasonEnded;
        public int FileId;
        public int Year;
        public long Line;
        public int Column;
        public int Next;
    }
}

/// <summary>One child ready to classify, with how many of its rows were rejected.</summary>
public sealed record CohortChild(CareHistory History, int RejectedRows);

public sealed record Cohort(CohortChild[] Children);
