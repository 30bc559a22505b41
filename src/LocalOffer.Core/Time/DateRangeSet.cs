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
    public bool IsEmpty => _ranges.Length == 0;

    public static DateRangeSet Of(DateRange r) => r.IsEmpty ? Empty : new([r]);
    public static DateRangeSet Of(LocalDate start, LocalDate end) => Of(new DateRange(start, end));
    /// <summary>From a date on, for ever (to the largest date NodaTime has).</summary>
    public static DateRangeSet From(LocalDate? start) => start is { } s ? Of(s, LocalDate.MaxIsoValue) : Empty;

    public static DateRangeSet Of(IEnumerable<DateRange> ranges)
    {
        var sorted = new List<DateRange>();
        foreach (var r in ranges) if (!r.IsEmpty) sorted.Add(r);
        if (sorted.Count == 0) return Empty;
        if (sorted.Count > 1) sorted.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        var result = new List<DateRange>(sorted.Count);
        foreach (var r in sorted)
        {
            if (result.Count > 0 && r.Start <= result[^1].End)
            {
                var last = result[^1];
                result[^1] = new DateRange(last.Start, r.End > last.End ? r.End : last.End);
            }
            else result.Add(r);
        }
        return result.Count == 0 ? Empty : new DateRangeSet(result.ToArray());
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
        other.IsEmpty ? this : IsEmpty ? other : Of(_ranges.Concat(other._ranges));

    public DateRangeSet Intersect(DateRangeSet other)
    {
        if (IsEmpty || other.IsEmpty) return Empty;
        var result = new List<DateRange>();
        int i = 0, j = 0;
        while (i < _ranges.Length && j < other._ranges.Length)
        {
            var x = _ranges[i].Intersect(other._ranges[j]);
            if (!x.IsEmpty) result.Add(x);
            if (_ranges[i].End < other._ranges[j].End) i++; else j++;
        }
        return result.Count == 0 ? Empty : new DateRangeSet(result.ToArray());
    }

    public DateRangeSet Intersect(LocalDate start, LocalDate end) => Intersect(Of(start, end));

    public DateRangeSet Except(DateRangeSet other)
    {
        if (IsEmpty || other.IsEmpty) return this;
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
