using NodaTime;

namespace LocalOffer.Core.Time;

/// <summary>
/// A span of days [Start, End): End is exclusive, the first day not in the range, as SSDA903 DEC.
/// The number of days in it is End - Start. Every period in LocalOffer follows this convention.
/// </summary>
public readonly record struct DateRange(LocalDate Start, LocalDate End)
{
    public bool IsEmpty => End <= Start;
    public bool Contains(LocalDate d) => Start <= d && d < End;
    // Period.DaysBetween: the same count as Period.Between(.., PeriodUnits.Days).Days, without a Period object
    // (the batch counts days millions of times).
    public int Days => IsEmpty ? 0 : Period.DaysBetween(Start, End);

    public DateRange Intersect(DateRange other)
    {
        var s = Start > other.Start ? Start : other.Start;
        var e = End < other.End ? End : other.End;
        return new DateRange(s, e < s ? s : e);
    }

    public bool Overlaps(DateRange other) => Start < other.End && other.Start < End;

    public override string ToString() => $"{Start:yyyy-MM-dd} to {End:yyyy-MM-dd}";

    public static LocalDate Max(LocalDate a, LocalDate b) => a > b ? a : b;
    public static LocalDate Min(LocalDate a, LocalDate b) => a < b ? a : b;
    public static int DaysBetween(LocalDate from, LocalDate to) => Period.DaysBetween(from, to);
}
