using NodaTime;

namespace LocalOffer.Core.Engine;

/// <summary>
/// The one 13-week counter (CA 1989 Sch 2 para 19B(2)(b); CPPCR 2010 reg 40(1): "looked after by a local
/// authority for a period of 13 weeks, or periods amounting in total to 13 weeks, which began after he
/// reached the age of 14"). Days are added a run at a time, in order; a day counts when looked after for it
/// (the run's end is exclusive), so the count is reached on the day after its last counted day. Used by
/// PersonFacts (the full path) and by the short cut CareEndedBefore16, which therefore cannot count apart.
/// </summary>
internal struct ThirteenWeeks(int needed)
{
    /// <summary>Days counted so far.</summary>
    public int Days { get; private set; }

    /// <summary>The day on which the count reached 13 weeks (the whole days before it count), or null.</summary>
    public LocalDate? ReachedOn { get; private set; }

    /// <summary>Counts the days from <paramref name="from"/> up to, not including, <paramref name="to"/>.</summary>
    public void Add(LocalDate from, LocalDate to)
    {
        var days = Period.DaysBetween(from, to);
        if (days <= 0) return;
        if (ReachedOn is null && Days + days >= needed) ReachedOn = from.PlusDays(needed - Days);
        Days += days;
    }
}
