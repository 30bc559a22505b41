using NodaTime;

namespace LocalOffer.Core.Time;

/// <summary>
/// A set of days as sorted, disjoint, non-adjacent <see cref="DateRange"/>s (ends exclusive).
/// Entitlement spans are built from status spans, age bands, education periods and dates in
/// force by union, intersection and difference of these sets.
/// </summary>
public sealed class DateRangeSet
{
    public static readonly DateRangeSet Empty = new([]);
    private readonly DateRange[] _ranges;

    private DateRangeSet(DateRange[] normalised) => _ranges = normalised;

    public IReadOnlyList<DateRange> Ranges => _ranges;
    /// <summary>The ranges to loop over without an enumerator object (hot paths: every child of a batch).</summary>
    public ReadOnlySpan<DateRange> Span => _ranges;
    public bool IsEmpty => _ranges.Length == 0;

    public static DateRangeSet Of(DateRange r) => r.IsEmpty ? Empty : new([r]);
    public static DateRangeSet Of(LocalDate start, LocalDate end) => Of(new DateRange(start, end));
    /// <summary>From a date on, for ever (to the largest date NodaTime has).</summary>
    public static DateRangeSet From(LocalDate? start) => start is { } s ? Of(s, LocalDate.MaxIsoValue) : Empty;

    public static DateRangeSet Of(IEnumerable<DateRange> ranges)
    {
        var sorted = new List<DateRange>();
        foreach (var r in ranges) if (!r.IsEmpty) sorted.Add(r);
        return Of(sorted);
    }

    /// <summary>From a list the caller gives up (it may be sorted in place).</summary>
    public static DateRangeSet Of(List<DateRange> ranges)
    {
        var n = 0;
        foreach (var r in ranges) if (!r.IsEmpty) n++;
        if (n == 0) return Empty;
        if (n == 1) foreach (var r in ranges) if (!r.IsEmpty) return new DateRangeSet([r]);
        ranges.RemoveAll(static r => r.IsEmpty);
        ranges.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        // Merge overlapping or touching ranges, in place.
        var w = 0;
        for (var i = 1; i < ranges.Count; i++)
        {
            if (ranges[i].Start <= ranges[w].End)
            {
                if (ranges[i].End > ranges[w].End) ranges[w] = new DateRange(ranges[w].Start, ranges[i].End);
            }
            else ranges[++w] = ranges[i];
        }
        var result = new DateRange[w + 1];
        ranges.CopyTo(0, result, 0, w + 1);
        return new DateRangeSet(result);
    }

    /// <summary>From ranges sorted by start and not overlapping (care periods): touching ones are joined.</summary>
    public static DateRangeSet OfSorted(ReadOnlySpan<DateRange> ranges)
    {
        if (ranges.Length == 0) return Empty;
        var n = 1;
        var end = ranges[0].End;
        for (var i = 1; i < ranges.Length; i++)
        {
            if (ranges[i].Start > end) n++;
            if (ranges[i].End > end) end = ranges[i].End;
        }
        var result = new DateRange[n];
        var k = 0;
        result[0] = ranges[0];
        for (var i = 1; i < ranges.Length; i++)
        {
            if (ranges[i].Start <= result[k].End)
            {
                if (ranges[i].End > result[k].End) result[k] = new DateRange(result[k].Start, ranges[i].End);
            }
            else result[++k] = ranges[i];
        }
        return new DateRangeSet(result);
    }

    public bool Contains(LocalDate d)
    {
        foreach (var r in _ranges)
        {
            if (d < r.Start) return false;
            if (d < r.End) return true;
        }
        return false;
    }

    public DateRangeSet Union(DateRangeSet other) =>
        other.IsEmpty || ReferenceEquals(this, other) ? this : IsEmpty ? other : Of(_ranges.Concat(other._ranges));

    public DateRangeSet Intersect(DateRangeSet other)
    {
        if (IsEmpty || other.IsEmpty) return Empty;
        if (ReferenceEquals(this, other)) return this;
        if (_ranges.Length == 1 && other._ranges.Length == 1)
        {
            var (a, b) = (_ranges[0], other._ranges[0]);
            if (!a.Overlaps(b)) return Empty;
            if (a.Start <= b.Start && b.End <= a.End) return other;
            if (b.Start <= a.Start && a.End <= b.End) return this;
        }
        // Count first, so the result is one exact array (the batch does this millions of times).
        var count = 0;
        int i = 0, j = 0;
        while (i < _ranges.Length && j < other._ranges.Length)
        {
            if (!_ranges[i].Intersect(other._ranges[j]).IsEmpty) count++;
            if (_ranges[i].End < other._ranges[j].End) i++; else j++;
        }
        if (count == 0) return Empty;
        var result = new DateRange[count];
        i = j = 0;
        var k = 0;
        while (i < _ranges.Length && j < other._ranges.Length)
        {
            var x = _ranges[i].Intersect(other._ranges[j]);
            if (!x.IsEmpty) result[k++] = x;
            if (_ranges[i].End < other._ranges[j].End) i++; else j++;
        }
        return new DateRangeSet(result);
    }

    public DateRangeSet Intersect(LocalDate start, LocalDate end)
    {
        if (IsEmpty || end <= start || _ranges[^1].End <= start || end <= _ranges[0].Start) return Empty;
        if (start <= _ranges[0].Start && _ranges[^1].End <= end) return this;
        return Intersect(Of(start, end));
    }

    public DateRangeSet Except(DateRangeSet other)
    {
        if (IsEmpty || other.IsEmpty) return this;
        if (ReferenceEquals(this, other)) return Empty;
        var result = new List<DateRange>();
        foreach (var r in _ranges)
        {
            var start = r.Start;
            foreach (var o in other._ranges)
            {
                if (o.End <= start) continue;
                if (o.Start >= r.End) break;
                if (o.Start > start) result.Add(new DateRange(start, o.Start));
                start = o.End > start ? o.End : start;
                if (start >= r.End) break;
            }
            if (start < r.End) result.Add(new DateRange(start, r.End));
        }
        return result.Count == 0 ? Empty : new DateRangeSet(result.ToArray());
    }

    public override string ToString() => string.Join(", ", _ranges);
}
