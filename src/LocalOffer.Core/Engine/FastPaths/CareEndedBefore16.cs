using System.Collections.Frozen;
using LocalOffer.Core.Model;
using LocalOffer.Core.Rules;
using NodaTime;

namespace LocalOffer.Core.Engine;

/// <summary>
/// The batch's short cut for most children of a return (issue 14): every episode ended on or
/// before the 16th birthday and on or before the date asked about. Such a child has status none
/// from the end of their last care to 25 and no entitlement, which the episodes' dates decide
/// without building the timeline:
/// <list type="bullet">
/// <item>not looked after at 16 or 17, so never eligible (CA 1989 Sch 2 para 19B(2)(a)), so never
/// relevant by s.23A(2)(b) ("eligible immediately before last ceasing to be looked after"), so never
/// former relevant (s.23C(1)); no detention recorded, so not relevant by CLR 2010 reg 3(2);</item>
/// <item>not looked after after 16 (s.24(2)(a)); no special guardianship order (s.24(1A)), other
/// care (s.24(2)(b)-(f)) or education recorded, so never qualifying (s.24(1B));</item>
/// <item>not looked after on the date and no care to come: status none on it and no later change;
/// no rule has a day to give (<see cref="Entitlements.EntitlementRuleSet.NothingCanHold"/>).</item>
/// </list>
/// The days counted since 14 (CPPCR 2010 reg 40(1), (2): short breaks left out) and the day 13
/// weeks were reached are summed from the episodes, which must be in order and not overlap.
/// An episode ended by age assessed as 18 or over is left out, as the timeline leaves it out; an
/// adoption changes nothing here (status none after care either way); a death ends the last
/// episode or the full path is taken. Episodes ended by transfer to another council (care goes on)
/// or a special guardianship order (s.24(1A)) take the full path, as does any history out of order.
/// The property test "the short cuts give the full answer" holds it to the timeline's answer.
/// </summary>
internal sealed class CareEndedBefore16
{
    private readonly EnglandLaw _law;
    // What a reason ended means here, found by one look-up per episode (the batch's hottest loop).
    private enum Reason : byte { Plain, FullPath, LeftOut, Death, CareOrderMayGoOn }
    private readonly FrozenDictionary<string, Reason> _reasons;
    // The argument above needs the ages in their order (14, 16, 18, 25); a rule file that set them
    // otherwise would turn the short cut off rather than make it wrong.
    private readonly bool _enabled;

    public CareEndedBefore16(EnglandLaw law)
    {
        _law = law;
        // Derived from the sets PersonFacts reads, not restated: every reason that changes a care period
        // beyond its own days (law.CarePeriodReasons: transfer, and any added later) and special guardianship
        // (s.24(1A), at any age) take the full path, which is never wrong. Custody asks PersonFacts' own
        // CareOrderGoesOn (care under a care order goes on). Age assessed as adult is left out, as PersonFacts
        // leaves it out. The other orders (child arrangements, adoption) bear only on CLR 2010 reg 3(3),
        // living with a parent, which ends relevant status: never reached when care ended by 16.
        var reasons = new Dictionary<string, Reason>(StringComparer.Ordinal);
        foreach (var r in law.DeathReasons) reasons[r] = Reason.Death;
        foreach (var r in law.CarePeriodReasons.Concat(law.SpecialGuardianshipReasons)) reasons[r] = Reason.FullPath;
        foreach (var r in law.CustodyReasons) reasons[r] = Reason.CareOrderMayGoOn;
        foreach (var r in law.AgeAssessedAdultReasons) reasons[r] = Reason.LeftOut;
        _reasons = reasons.ToFrozenDictionary(StringComparer.Ordinal);
        _enabled = law.EligibleDays > 0; // the ages come in order: EnglandLaw refuses rules otherwise
    }

    /// <summary>The answer on <paramref name="asAt"/> (on or after birth), or null for the full path.</summary>
    public Classification? TryClassify(HistoryView h, LocalDate asAt)
    {
        if (!_enabled || !h.OnlyEpisodes) return null; // reads episodes alone: any other list, the full path
        var law = _law;
        var dob = h.DateOfBirth;
        var b16 = law.Birthdays.Birthday(dob, law.AgeEligibleFrom);
        var b14 = dob; // computed on the first episode that needs it
        var since = dob; // status none runs from the end of the last care (or birth) to 25
        var count = new ThirteenWeeks(law.EligibleDays); // the one counter, as PersonFacts counts
        LocalDate? died = null;
        var previousEnd = LocalDate.MinIsoValue;
        var episodes = h.Episodes;
        for (var i = 0; i < episodes.Length; i++)
        {
            var e = episodes[i];
            if (e.End is not { } end || end > b16 || end > asAt || end < e.Start || e.Start < previousEnd) return null;
            previousEnd = end;
            if (e.ReasonEnded is { } r && _reasons.TryGetValue(r, out var reason))
            {
                if (reason == Reason.FullPath) return null;
                if (reason == Reason.LeftOut) continue; // never a child: no care (PersonFacts)
                if (reason == Reason.CareOrderMayGoOn)
                {
                    if (PersonFacts.CareOrderGoesOn(e, h, law)) return null; // looked after at 16: full path
                }
                else if (i != episodes.Length - 1) return null; // a death, then more episodes
                else died = end;
            }
            if (end == e.Start) continue; // an episode of no whole day is no care
            since = end;
            if (b14 == dob) b14 = law.Birthdays.Birthday(dob, law.AgeCountingFrom);
            if (end <= b14 || law.ShortBreakStatuses.Contains(e.LegalStatus)) continue;
            count.Add(e.Start > b14 ? e.Start : b14, end);
        }
        if (since < dob) since = dob;
        if (asAt >= law.Birthdays.Birthday(dob, law.AgeCareLeaverUntil)) return null;
        var warnings = HistoryWarnings.For(h, law, died, asAt);
        var facts = count.Days == 0 ? CareFacts.NoneCounted
            : new CareFacts(count.Days, 0, false, count.ReachedOn <= asAt ? count.ReachedOn : null);
        return new Classification(law.Birthdays.AgeOn(dob, asAt), Status.None, since, null, facts, [], warnings);
    }

}
