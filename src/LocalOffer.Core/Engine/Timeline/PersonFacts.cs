using LocalOffer.Core.Model;
using LocalOffer.Core.Rules;
using LocalOffer.Core.Time;
using NodaTime;

namespace LocalOffer.Core.Engine;

/// <summary>
/// The facts of one care history that the law turns on, computed once per history: birthdays,
/// looked-after periods, counted days, cessations, living with a parent, detention at 16, special
/// guardianship and other care. Every status decision reads only facts on or before its date.
/// The batch fills one instance per thread again for each child (<see cref="Fill"/>): the spans it
/// hands out are views of its buffers, good until the next fill.
/// </summary>
internal sealed class PersonFacts
{
    // The facts that are lists, refilled for each young person (the batch keeps one PersonFacts per thread:
    // issue 14). Read through the spans below, never kept by a caller.
    private Refilled<CarePeriod> _care;
    private Refilled<DateRange> _lookedAfter, _nonShortBreak, _counting, _home, _homeExcluded;
    private Refilled<LocalDate> _cessations, _cessationsCounted, _sgo, _cao, _adopted;
    private bool _noShortBreaks; // then the care not on short breaks is all the care (most children)

    public PersonFacts(HistoryView history, EnglandLaw law, LocalDate? careFrom = null)
    {
        Law = law;
        Fill(history, careFrom);
    }

    /// <summary>
    /// The facts of <paramref name="history"/> in place of the last ones (same law), reusing the
    /// buffers: the batch's form. Everything read from the last history is replaced or forgotten.
    /// </summary>
    public void Fill(HistoryView history, LocalDate? careFrom = null)
    {
        var law = Law;
        History = history;
        Dob = history.DateOfBirth;
        var b = law.Birthdays;
        B14 = b.Birthday(Dob, law.AgeCountingFrom);
        B16 = b.Birthday(Dob, law.AgeEligibleFrom);
        B18 = b.Birthday(Dob, law.AgeAdult);
        B21 = b.Birthday(Dob, law.AgeCoreDutiesUntil);
        B25 = b.Birthday(Dob, law.AgeCareLeaverUntil);
        (_careTo18AsEligible, WasRelevantBefore18, DeathDate) = (null, null, null);
        DetentionAt16 = null;

        // Episodes in order of start (input order kept, and sorting skipped, when already in order).
        var episodes = history.Episodes;
        int[]? order = null;
        for (var n = 1; n < episodes.Length; n++)
            if (episodes[n].Start < episodes[n - 1].Start)
            {
                order = OrderOfStart(episodes);
                break;
            }

        // Looked-after periods (CA 1989 s.22(1)). An episode ending E15 (age assessed as 18 or over)
        // is left out: the person was never a child. An open episode, or one running past the 18th
        // birthday, ends there (s.105(1)). Care transferred to another council (E3) continues,
        // with that council, until the next episode here or the 18th birthday; so does care under a
        // care order that ended with a sentence to custody (CareOrderGoesOn).
        // Fast paths that restate this loop: CareEndedBefore16, LookedAfterUnder14 (both send every
        // episode ending with one of law.CarePeriodReasons to this full path).
        _care.Reset(episodes.Length);
        var shortBreaks = 0;
        for (var k = 0; k < episodes.Length; k++)
        {
            var i = order?[k] ?? k;
            var e = episodes[i];
            if (careFrom is { } from && e.Start < from) continue;
            var special = e.End is not null && e.ReasonEnded is { } rec && law.CarePeriodReasons.Contains(rec);
            if (special && law.AgeAssessedAdultReasons.Contains(e.ReasonEnded!)) continue;
            var end = e.End ?? B18;
            if ((special && law.TransferReasons.Contains(e.ReasonEnded!))
                || ((special || history.Detentions.Count > 0) && CareOrderGoesOn(e, history, law)))
            {
                var next = k + 1 < episodes.Length ? episodes[order?[k + 1] ?? k + 1].Start : B18;
                if (next > end) end = next;
            }
            if (end > B18) end = B18;
            var range = new DateRange(e.Start, end);
            if (range.IsEmpty) continue;
            var shortBreak = law.ShortBreakStatuses.Contains(e.LegalStatus);
            if (shortBreak) shortBreaks++;
            _care.Add(new CarePeriod(range, shortBreak, i));
        }
        // All care, and the care that counts (short breaks left out), each as runs of days: periods that
        // touch are one run.
        JoinTouching(Care, shortBreaksToo: true, ref _lookedAfter);
        _noShortBreaks = shortBreaks == 0;
        if (!_noShortBreaks) JoinTouching(Care, shortBreaksToo: false, ref _nonShortBreak);
        // Days that count towards the 13 weeks: looked after, not on short breaks, on or after the
        // 14th birthday (CPPCR 2010 reg 40(1), (2)).
        _counting.Reset(_care.Count);
        var window = new DateRange(B14, B18);
        foreach (var r in NonShortBreakCare)
            if (r.Intersect(window) is { IsEmpty: false } x) _counting.Add(x);
        ThirteenWeeksDate = DateOnWhichCountReaches(law.EligibleDays);

        // Ceasing to be looked after: the end of a run of care not continued the same day.
        _cessations.Reset(_lookedAfter.Count);
        foreach (var r in LookedAfter) _cessations.Add(r.End);
        // s.23A(2)(b) "before last ceasing to be looked after": short breaks (V3/V4) are left out,
        // as they are from the 13 weeks (CPPCR 2010 reg 40(2), reg 48), so a relevant child who
        // then has only short breaks does not stop being relevant between them.
        if (!_noShortBreaks)
        {
            _cessationsCounted.Reset(_nonShortBreak.Count);
            foreach (var r in _nonShortBreak.Span) _cessationsCounted.Add(r.End);
        }

        for (var k = 0; k < episodes.Length; k++)
            if (episodes[k] is { End: { } died, ReasonEnded: { } r } && law.DeathReasons.Contains(r)
                && (DeathDate is null || died < DeathDate))
                DeathDate = died;

        // Special guardianship orders made on the end date of an episode ending E43-E48 (s.24(1A)).
        // Child arrangements (residence) orders made on the end date of an episode ending E41: the person
        // named as the one the child lives with has parental responsibility (CA 1989 s.12(2)).
        // Adoptions (E11, E12) under the law (settings.adoption_ends_care_leaver_status false): the adopters
        // are the young person's parents (ACA 2002 s.67) with parental responsibility from placement
        // (s.25(3)), so six months with them end relevant child status (CLR 2010 reg 3(3)).
        // Most histories have none of these: one look-up per care period finds that.
        var anyOrder = false;
        foreach (var c in Care)
            if (EpisodeOf(c) is { End: not null, ReasonEnded: { } r } && law.OrderReasons.Contains(r))
            {
                anyOrder = true;
                break;
            }
        OrdersMade(anyOrder ? law.SpecialGuardianshipReasons : null, ref _sgo);
        OrdersMade(anyOrder ? law.ChildArrangementsOrderReasons : null, ref _cao);
        OrdersMade(anyOrder && !law.AdoptionEndsCareLeaverStatus ? law.AdoptionReasons : null, ref _adopted);

        if (history.LivingWithParent.Count == 0 && _sgo.Count == 0 && _cao.Count == 0 && _adopted.Count == 0)
            _home.Reset(0);
        else BuildHomePeriods(history, law);
        ExcludedAfterMonths(HomePeriods, law.LivingWithParentMonths, ref _homeExcluded);

        // CLR 2010 reg 3(2) is for a child "not subject to a care order": care under a care order that
        // ended when the detention began goes on (CareOrderGoesOn), so such a child is looked after on the
        // 16th birthday and reg 3(2) is never reached; with the order recorded as discharged it applies.
        for (var k = 0; k < history.Detentions.Count; k++)
            if (history.Detentions[k] is var x && (careFrom is null || x.Start >= careFrom.Value)
                && x.Start <= B16 && (x.End is null || B16 < x.End.Value))
            {
                DetentionAt16 = x;
                break;
            }

        OtherCareEnds = history.OtherCare.Count == 0 ? [] : history.OtherCare
            .Where(x => careFrom is null || x.Start >= careFrom.Value)
            .Select(QualifyingEnd).Where(x => x is not null).Select(x => x!.Value).OrderBy(x => x).ToArray();
    }

    /// <summary>
    /// Whether care under a care order goes on past the end of episode <paramref name="e"/>: CA 1989
    /// s.22(1)(a) "a child who is (a) in their care" is looked after while the order stands, and a sentence
    /// to custody (E9), or any detention beginning the day the episode ended, does not discharge it. Unless
    /// a detention beginning that day records the order as discharged (then CLR 2010 reg 3(2) can apply).
    /// </summary>
    internal static bool CareOrderGoesOn(in EpisodeValue e, HistoryView history, EnglandLaw law)
    {
        if (e.End is not { } ended || !law.CareOrderStatuses.Contains(e.LegalStatus)) return false;
        var custody = e.ReasonEnded is { } r && law.CustodyReasons.Contains(r);
        for (var k = 0; k < history.Detentions.Count; k++)
            if (history.Detentions[k] is { } x && x.Start == ended)
            {
                if (x.CareOrderDischarged) return false;
                custody = true;
            }
        return custody;
    }

    /// <summary>
    /// Whether the buffers have grown past what a thread keeps (<see cref="CareLeaverEngine.KeptEpisodeCapacity"/>).
    /// </summary>
    public bool Oversized => _care.Capacity > CareLeaverEngine.KeptEpisodeCapacity;

    /// <summary>
    /// Care periods (in order, not overlapping) as runs of days into <paramref name="into"/>: touching ones join.
    /// </summary>
    private static void JoinTouching(ReadOnlySpan<CarePeriod> care, bool shortBreaksToo, ref Refilled<DateRange> into)
    {
        into.Reset(care.Length);
        foreach (var c in care)
        {
            if (!shortBreaksToo && c.ShortBreak) continue;
            if (into.Count > 0 && c.Range.Start <= into.Last.End)
            {
                if (c.Range.End > into.Last.End) into.Last = into.Last with { End = c.Range.End };
            }
            else into.Add(c.Range);
        }
    }

    /// <summary>The episode a care period was made from.</summary>
    public EpisodeValue EpisodeOf(CarePeriod c) => History.Episodes[c.Index];

    /// <summary>s.23C(1)(b): looked after until the 18th birthday and eligible immediately before.</summary>
    public bool CareTo18AsEligible =>
        _careTo18AsEligible ??= Cessations.IndexOf(B18) >= 0 && EligibleAtCessation(B18);
    private bool? _careTo18AsEligible; // decided on first need: asked at every change date from 18

    /// <summary>
    /// s.23C(1)(a) "has been a relevant child": decided once, on first need, by <see cref="StatusEvaluator"/>.
    /// </summary>
    public bool? WasRelevantBefore18 { get; set; }

    public EnglandLaw Law { get; }
    public HistoryView History { get; private set; } = null!;
    public LocalDate Dob { get; private set; }
    public LocalDate B14 { get; private set; }
    public LocalDate B16 { get; private set; }
    public LocalDate B18 { get; private set; }
    public LocalDate B21 { get; private set; }
    public LocalDate B25 { get; private set; }
    /// <summary>The looked-after periods in order of start.</summary>
    public ReadOnlySpan<CarePeriod> Care => _care.Span;
    /// <summary>The days looked after, as runs (sorted, apart): episodes that follow each other are one run.</summary>
    public ReadOnlySpan<DateRange> LookedAfter => _lookedAfter.Span;
    /// <summary>The days looked after other than on short breaks, as runs.</summary>
    private ReadOnlySpan<DateRange> NonShortBreakCare =>
        _noShortBreaks ? LookedAfter : _nonShortBreak.Span;
    /// <summary>The days that count towards the 13 weeks, as runs.</summary>
    private ReadOnlySpan<DateRange> Counting => _counting.Span;
    public LocalDate? ThirteenWeeksDate { get; private set; }
    public ReadOnlySpan<LocalDate> Cessations => _cessations.Span;
    /// <summary>Whether any care is a short break (else the cessations of counted care are all the cessations).</summary>
    public bool HasShortBreaks => !_noShortBreaks;
    /// <summary>Cessations of care other than short breaks: "last ceasing to be looked after" in s.23A(2)(b).</summary>
    public ReadOnlySpan<LocalDate> CessationsOfCountedCare =>
        _noShortBreaks ? Cessations : _cessationsCounted.Span;
    /// <summary>Dates of child arrangements orders (REC E41) made on leaving care.</summary>
    public ReadOnlySpan<LocalDate> ChildArrangementsOrderDates => _cao.Span;
    public LocalDate? DeathDate { get; private set; }
    /// <summary>Dates of adoptions (REC E11, E12) from care, under the law's reading (not the statistics').</summary>
    public ReadOnlySpan<LocalDate> AdoptionDates => _adopted.Span;
    /// <summary>Dates of special guardianship orders (REC E43-E48) made on leaving care, in order.</summary>
    public ReadOnlySpan<LocalDate> SpecialGuardianshipDates => _sgo.Span;
    /// <summary>Continuous periods living with a parent or a person with parental responsibility.</summary>
    public ReadOnlySpan<DateRange> HomePeriods => _home.Span;
    /// <summary>Days on which reg 3(3) excludes the young person: six months or more living with a parent.</summary>
    public ReadOnlySpan<DateRange> HomeExcluded => _homeExcluded.Span;

    /// <summary>
    /// Whether reg 3(3) excludes the young person on <paramref name="d"/> (see <see cref="HomeExcluded"/>).
    /// </summary>
    public bool ExcludedAtHomeOn(LocalDate d) => Holds(HomeExcluded, d);
    public Detention? DetentionAt16 { get; private set; }
    /// <summary>Dates from which s.24(2)(b)-(f) other care has ended ("was, but is no longer").</summary>
    public LocalDate[] OtherCareEnds { get; private set; } = [];

    /// <summary>
    /// Days looked after (short breaks left out) on or after the 14th birthday and before <paramref name="d"/>.
    /// </summary>
    public int CountedBefore(LocalDate d)
    {
        var total = 0;
        foreach (var r in Counting)
        {
            if (r.Start >= d) break;
            total += new DateRange(r.Start, r.End < d ? r.End : d).Days;
        }
        return total;
    }

    /// <summary>Days looked after (short breaks left out) in [from, d).</summary>
    public int CountedBetween(LocalDate from, LocalDate d)
    {
        var total = 0;
        foreach (var r in Counting)
        {
            if (r.Start >= d) break;
            total += r.Intersect(new DateRange(from, d)).Days;
        }
        return total;
    }

    /// <summary>The care period covering <paramref name="d"/>, if looked after on it.</summary>
    public CarePeriod? CareOn(LocalDate d)
    {
        if (d >= B18) return null; // care periods end at 18 at the latest (s.105(1))
        foreach (var c in Care)
            if (c.Range.Contains(d)) return c;
        return null;
    }

    /// <summary>
    /// The last cessation of care other than short breaks on or before <paramref name="d"/> (s.23A(2)(b)).
    /// </summary>
    public LocalDate? LastCessationOnOrBefore(LocalDate d)
    {
        LocalDate? last = null;
        foreach (var c in CessationsOfCountedCare) if (c <= d) last = c; else break;
        return last;
    }

    /// <summary>
    /// Whether the child was an eligible child immediately before ceasing to be looked after on
    /// <paramref name="cessation"/>: looked after (not on a short break) on the last day, aged 16 or
    /// 17 then, with 13 weeks counted by the end of that day (the whole days before the cessation).
    /// </summary>
    public bool EligibleAtCessation(LocalDate cessation)
    {
        var lastDay = cessation.PlusDays(-1);
        if (lastDay < B16 || lastDay >= B18 || lastDay < Law.RegimeStart) return false;
        if (!Holds(NonShortBreakCare, lastDay)) return false;
        return CountedBefore(cessation) >= Law.EligibleDays;
    }

    // Whether the runs (sorted, apart) hold the day.
    private static bool Holds(ReadOnlySpan<DateRange> runs, LocalDate d)
    {
        foreach (var r in runs)
        {
            if (d < r.Start) return false;
            if (d < r.End) return true;
        }
        return false;
    }

    /// <summary>
    /// The dates, in order, of the orders made when care ended with one of <paramref name="reasons"/>, before 18.
    /// </summary>
    private void OrdersMade(System.Collections.Frozen.FrozenSet<string>? reasons, ref Refilled<LocalDate> into)
    {
        into.Reset(reasons is null ? 0 : _care.Count);
        if (reasons is null) return;
        foreach (var c in Care)
            if (EpisodeOf(c) is { End: { } on, ReasonEnded: { } r } && reasons.Contains(r) && on < B18)
                into.Add(on);
        into.Writable.Sort();
    }

    /// <summary>
    /// The days excluded by reg 3(3): each home period from <paramref name="months"/> after it began, as
    /// runs (sorted, apart; touching or overlapping ones joined), into <paramref name="into"/>.
    /// </summary>
    private static void ExcludedAfterMonths(ReadOnlySpan<DateRange> home, int months, ref Refilled<DateRange> into)
    {
        into.Reset(home.Length);
        foreach (var h in home)
            if (new DateRange(h.Start.PlusMonths(months), h.End) is { IsEmpty: false } x) into.Add(x);
        JoinRuns(ref into);
    }

    // The ranges sorted by start and joined where they touch or overlap, in place.
    private static void JoinRuns(ref Refilled<DateRange> ranges)
    {
        if (ranges.Count < 2) return;
        var runs = ranges.Writable;
        runs.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        var w = 0;
        for (var i = 1; i < runs.Length; i++)
        {
            if (runs[i].Start <= runs[w].End)
            {
                if (runs[i].End > runs[w].End) runs[w] = runs[w] with { End = runs[i].End };
            }
            else runs[++w] = runs[i];
        }
        ranges.Keep(w + 1);
    }

    /// <summary>
    /// The indexes of the episodes in order of start; episodes starting the same day keep input order.
    /// </summary>
    internal static int[] OrderOfStart(ReadOnlySpan<EpisodeValue> episodes)
    {
        var order = new int[episodes.Length];
        for (var i = 0; i < order.Length; i++)
        {
            var j = i - 1;
            while (j >= 0 && episodes[order[j]].Start > episodes[i].Start)
            {
                order[j + 1] = order[j];
                j--;
            }
            order[j + 1] = i;
        }
        return order;
    }

    private LocalDate? DateOnWhichCountReaches(int days)
    {
        var count = new ThirteenWeeks(days);
        foreach (var r in Counting) count.Add(r.Start, r.End);
        return count.ReachedOn;
    }

    /// <summary>
    /// Continuous periods living with a parent (CLR 2010 reg 3(3)): each livingWithParent period,
    /// reaching back through looked-after placements with parents (P1) that run straight into it, and
    /// living with the holder of an order; records that touch or overlap are one continuous period
    /// ("a continuous period of six months", reg 3(3)), not each tested alone.
    /// </summary>
    private void BuildHomePeriods(HistoryView history, EnglandLaw law)
    {
        _home.Reset(history.LivingWithParent.Count + _sgo.Count + _cao.Count + _adopted.Count);
        for (var k = 0; k < history.LivingWithParent.Count; k++)
        {
            var l = history.LivingWithParent[k];
            _home.Add(new DateRange(ReachBack(l.Start, law.WithParentPlacements), l.End ?? LocalDate.MaxIsoValue));
        }
        // A special guardian (CA 1989 s.14C(1)(a)) and the person named in a child arrangements order
        // as the one the child lives with (s.12(2)) have parental responsibility, so living with them
        // after the order counts under reg 3(3)(b). Living with them is assumed from the order until
        // care starts again (the explanation says so).
        foreach (var made in SpecialGuardianshipDates) AddLivingWithOrderHolder(made, made);
        foreach (var made in ChildArrangementsOrderDates) AddLivingWithOrderHolder(made, made);
        // Adopters are parents from the order (ACA 2002 s.67) and have parental responsibility from the
        // placement (s.25(3)): a placement for adoption (A3-A6) running straight into it counts too.
        foreach (var made in AdoptionDates) AddLivingWithOrderHolder(ReachBack(made, law.AdoptionPlacements), made);
        JoinRuns(ref _home);
    }

    // The start of a period with a parent, reaching back through care periods placed with them that run
    // straight into it.
    private LocalDate ReachBack(LocalDate start, System.Collections.Frozen.FrozenSet<string> placements)
    {
        bool extended;
        do
        {
            extended = false;
            foreach (var c in Care)
                if (c.Range.End == start && c.Range.Start < start && EpisodeOf(c).Placement is { } p
                    && placements.Contains(p))
                {
                    start = c.Range.Start;
                    extended = true;
                }
        } while (extended);
        return start;
    }

    // From the start (the order, or the placement before it) until care starts again after the order (or for
    // good).
    private void AddLivingWithOrderHolder(LocalDate from, LocalDate made)
    {
        var next = LocalDate.MaxIsoValue;
        foreach (var c in Care)
            if (c.Range.Start >= made) { next = c.Range.Start; break; }
        if (next > from) _home.Add(new DateRange(from, next));
    }

    /// <summary>
    /// The date from which other care (s.24(2)(b)-(f)) after 16 and while a child has ended, or
    /// null if it does not count (before 16, too short, or not ended). Private fostering,
    /// voluntary and private children's home accommodation are of children, so end by 18.
    /// Health or education accommodation and care homes count only after 3 consecutive months.
    /// </summary>
    private LocalDate? QualifyingEnd(OtherCare o)
    {
        var childOnly = o.Kind is OtherCareKind.PrivateFostering or OtherCareKind.VoluntaryOrganisation
            or OtherCareKind.PrivateChildrensHome;
        LocalDate? end = o.End;
        if (childOnly && (end is null || end > B18)) end = B18;
        if (end is null) return null; // still accommodated: "is no longer" not met
        if (!(o.Start < B18 && end.Value > B16)) return null; // not after 16 while a child
        if (!childOnly && o.Start.PlusMonths(Law.HealthOrEducationMonths) > end.Value) return null;
        return end;
    }
}
