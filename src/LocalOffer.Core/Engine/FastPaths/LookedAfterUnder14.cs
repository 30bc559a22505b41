using System.Collections.Concurrent;
using System.Collections.Frozen;
using LocalOffer.Core.Model;
using LocalOffer.Core.Rules;
using NodaTime;

namespace LocalOffer.Core.Engine;

/// <summary>
/// The batch's short cut for a child looked after on the date and not yet 14 (most of the children
/// in care in a return; issue 14). Their answer is decided by the episodes' dates, without building
/// the timeline:
/// <list type="bullet">
/// <item>looked after on the date (CA 1989 s.22(1)), under 16, so status looked after, since the
/// start of the run of care the date is in (episodes that follow each other the same day);</item>
/// <item>no day after 14 yet: nothing counted towards the 13 weeks (CPPCR 2010 reg 40(1)), never
/// eligible, no 13-week date;</item>
/// <item>the next change: if the run ends by the 16th birthday, status none when it ends (not
/// eligible, relevant or qualifying before 16: Sch 2 para 19B(2), s.23A(2), s.24(2)(a)); if it goes
/// on past 16 without short breaks (CPPCR 2010 reg 48), eligible on the 16th birthday, since every
/// day from 14 counts and two years are more than 13 weeks;</item>
/// <item>the entitlements on the date: those of any child looked after and under 14 on that date,
/// found once per date by the full rules on a child who is (the answer turns on no fact of the
/// child's beyond that, as the property test "the short cut gives the full answer" holds).</item>
/// </list>
/// Anything else takes the full path: a history out of order, a short break in the run past 16, a
/// death, adoption, transfer, special guardianship or age assessed as adult anywhere, and any
/// detention, living with a parent, other care or education.
/// </summary>
internal sealed class LookedAfterUnder14
{
    /// <summary>The most dates whose entitlements are kept (a batch asks about one).</summary>
    public const int MaxDatesKept = 1000;


    private readonly EnglandLaw _law;
    private readonly Func<HistoryView, LocalDate, Classification> _fully;
    private readonly FrozenSet<string> _fullPath, _custody;
    private readonly ConcurrentDictionary<LocalDate, IReadOnlyList<string>> _idsOn = new();
    private readonly bool _enabled;

    /// <param name="fully">The full path (the timeline and every rule), for one representative child per date.</param>
    public LookedAfterUnder14(EnglandLaw law, Func<HistoryView, LocalDate, Classification> fully)
    {
        _law = law;
        _fully = fully;
        // Derived from the sets PersonFacts reads, not restated: every reason that changes a care period
        // beyond its own days (law.CarePeriodReasons, age assessed as adult among them) but custody, which
        // asks PersonFacts' own CareOrderGoesOn; special guardianship (s.24(1A), at any age), death and
        // adoption (epochs, under the statistics setting). Child arrangements orders bear only on CLR 2010
        // reg 3(3), which ends relevant status: not reached before 16, and the run after 16 is not answered here.
        _custody = law.CustodyReasons;
        _fullPath = law.DeathReasons.Concat(law.AdoptionReasons).Concat(law.CarePeriodReasons.Except(_custody))
            .Concat(law.SpecialGuardianshipReasons).ToFrozenSet(StringComparer.Ordinal);
        // The argument above needs 14 before 16 before 18, and care orders to make a representative child.
        _enabled = law.AgeCountingFrom >= 2 && law.CareOrderStatuses.Count > 0; // ages in order: EnglandLaw
    }

    /// <summary>The answer on <paramref name="asAt"/> (on or after birth), or null for the full path.</summary>
    public Classification? TryClassify(HistoryView h, LocalDate asAt)
    {
        if (RunOn(h, asAt) is not { } run) return null;
        var (runStart, next) = run;
        var law = _law;
        var dob = h.DateOfBirth;
        var ids = IdsOn(asAt);
        var warnings = HistoryWarnings.For(h, law, deathDate: null, asAt);
        var since = runStart > dob ? runStart : dob;
        var age = law.Birthdays.AgeOn(dob, asAt);
        return new Classification(age, Status.LookedAfter, since, next, CareFacts.NoneCounted, ids, warnings);
    }

    /// <summary>
    /// Whether the child is looked after and under 14 on every day from <paramref name="asAt"/> to
    /// <paramref name="upTo"/> with no fact of theirs changing, and nothing of any such child's changes in those
    /// days: `caseload`'s window (issue 30). The rule restated is this short cut's own, day by day:
    /// <list type="bullet">
    /// <item>the short cut answers on <paramref name="asAt"/> (above) and its next change of status is after
    /// <paramref name="upTo"/>, which is before the 14th birthday: on every day of the window the child is looked
    /// after (CA 1989 s.22(1)) and under 14, status looked after, and no status changes in it;</item>
    /// <item>no episode begins or ends after <paramref name="asAt"/> up to the day after <paramref name="upTo"/>:
    /// every fact of the child's but their age is the same on each of those days;</item>
    /// <item>so on each day the child's entitlements are those of any child looked after and under 14 on it
    /// (the short cut's argument), and the representative child's (as <see cref="IdsOn"/>'s, under 14 through
    /// the window) runs, asked of the full rules, neither start, end nor change provision in the window
    /// (<paramref name="quiet"/>) and owe no pathway plan on <paramref name="asAt"/>.</item>
    /// </list>
    /// A property test holds it to the events of the general path, on every birthday and edge of the window.
    /// </summary>
    /// <param name="quiet">The full rules asked of the representative child: no run changes in the window and no
    /// pathway plan on the day (kept per window).</param>
    public bool NothingChangesWithin(HistoryView h, LocalDate asAt, LocalDate upTo,
        Func<CareHistory, LocalDate, LocalDate, bool> quiet)
    {
        if (RunOn(h, asAt) is not { } run || run.Next.On <= upTo) return false;
        var law = _law;
        if (upTo >= law.Birthdays.Birthday(h.DateOfBirth, law.AgeCountingFrom)) return false;
        var dayAfter = upTo.PlusDays(1);
        foreach (var e in h.Episodes)
            if (e.Start > asAt && e.Start <= dayAfter || e.End is { } end && end > asAt && end <= dayAfter)
                return false;
        if (_quietWindows.TryGetValue((asAt, upTo), out var q)) return q;
        var dob = RepresentativeBirth(asAt);
        q = upTo < law.Birthdays.Birthday(dob, law.AgeCountingFrom) && quiet(Representative(dob), asAt, upTo);
        if (_quietWindows.Count < MaxDatesKept) _quietWindows.TryAdd((asAt, upTo), q);
        return q;
    }

    private readonly ConcurrentDictionary<(LocalDate, LocalDate), bool> _quietWindows = new();

    /// <summary>
    /// The first day of the run of care holding <paramref name="asAt"/> and the next change of status, when
    /// the episodes' dates decide them as above; null for the full path.
    /// </summary>
    private (LocalDate RunStart, StatusChange Next)? RunOn(HistoryView h, LocalDate asAt)
    {
        if (!_enabled || !h.OnlyEpisodes) return null; // reads episodes alone: any other list, the full path
        var law = _law;
        var dob = h.DateOfBirth;
        var b14 = law.Birthdays.Birthday(dob, law.AgeCountingFrom);
        if (asAt >= b14) return null;
        var b18 = law.Birthdays.Birthday(dob, law.AgeAdult);
        var b16 = law.Birthdays.Birthday(dob, law.AgeEligibleFrom);
        var episodes = h.Episodes;
        // In order, not overlapping, none ended by a reason that changes more than its own days.
        var previousEnd = LocalDate.MinIsoValue;
        for (var i = 0; i < episodes.Length; i++)
        {
            var e = episodes[i];
            if (e.Start < previousEnd) return null;
            if (e.End is { } ended && (ended < e.Start || e.ReasonEnded is { } r && _fullPath.Contains(r))) return null;
            if (e.ReasonEnded is { } c && _custody.Contains(c) && PersonFacts.CareOrderGoesOn(e, h, law)) return null;
            previousEnd = e.End ?? LocalDate.MaxIsoValue;
        }
        // The run of care holding the date: episodes that follow each other the same day. Every episode
        // ends by 18 (s.105(1)); an open one runs to 18, and its reason, if any, is ignored.
        var runStart = LocalDate.MinIsoValue;
        var runEnd = LocalDate.MinIsoValue;
        var covered = false;
        var shortBreakAfter = false; // a short break in the run after the date
        for (var i = 0; i < episodes.Length; i++)
        {
            var e = episodes[i];
            var end = e.End is { } x && x < b18 ? x : b18;
            if (end <= e.Start) continue; // no whole day before 18: no care
            if (e.Start == runEnd) runEnd = end; // a placement move: the run goes on
            else if (covered) break; // the run holding the date has ended: the status changes there
            else (runStart, runEnd) = (e.Start, end);
            if (!covered && runStart <= asAt && asAt < runEnd) covered = true;
            if (covered && end > asAt && law.ShortBreakStatuses.Contains(e.LegalStatus)) shortBreakAfter = true;
        }
        if (!covered) return null;
        StatusChange next;
        if (runEnd <= b16) next = new StatusChange(runEnd, Status.None);
        else if (!shortBreakAfter && b16 >= law.RegimeStart && ThirteenWeeksBy16(b14, b16))
            next = new StatusChange(b16, Status.Eligible);
        else return null;
        return (runStart, next);
    }

    /// <summary>
    /// The representative child's birth for <paramref name="asAt"/>: one year fewer than the age counting begins at
    /// (the law's own figure) before it, so the child turns 13 on it. One place, for the day's ids and the window's.
    /// </summary>
    private LocalDate RepresentativeBirth(LocalDate asAt) => asAt.PlusYears(-(_law.AgeCountingFrom - 1));

    /// <summary>A child in care under a care order from birth on <paramref name="dob"/>, never leaving.</summary>
    private CareHistory Representative(LocalDate dob) =>
        CareHistory.Of(dob, new Episode(dob, null, _law.CareOrderStatuses.Order(StringComparer.Ordinal).First()));

    // Every day from 14 to 16 looked after (the run covers both): 13 weeks by 16, counted by the one counter.
    private bool ThirteenWeeksBy16(LocalDate b14, LocalDate b16)
    {
        var count = new ThirteenWeeks(_law.EligibleDays);
        count.Add(b14, b16);
        return count.ReachedOn is { } reached && reached <= b16;
    }

    // The entitlements of any child looked after and under 14 on the date: the full rules on one
    // such child (in care under a care order since birth, a year before 14), kept for the date.
    private IReadOnlyList<string> IdsOn(LocalDate asAt)
    {
        if (_idsOn.TryGetValue(asAt, out var ids)) return ids;
        var child = HistoryView.Of(Representative(RepresentativeBirth(asAt)));
        ids = _fully(child, asAt).EntitlementIds;
        if (_idsOn.Count < MaxDatesKept) _idsOn.TryAdd(asAt, ids);
        return ids;
    }
}
