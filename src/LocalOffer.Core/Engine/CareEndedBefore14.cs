using System.Collections.Frozen;
using LocalOffer.Core.Model;
using LocalOffer.Core.Rules;
using NodaTime;

namespace LocalOffer.Core.Engine;

/// <summary>
/// The batch's short cut for most children of a return (issue 14): every episode ended on or
/// before the 14th birthday and on or before the date asked about. Such a child has status none
/// from the end of their last care to 25 and no entitlement, which the episodes' dates decide
/// without building the timeline:
/// <list type="bullet">
/// <item>no day looked after on or after 14, so no day counts towards the 13 weeks (CPPCR 2010
/// reg 40(1)): never eligible (CA 1989 Sch 2 para 19B(2)), so never relevant by s.23A(2)(b) or
/// CLR 2010 reg 3(2), so never former relevant (s.23C(1));</item>
/// <item>not looked after after 16 (s.24(2)(a)); no special guardianship order (s.24(1A)), other
/// care (s.24(2)(b)-(f)) or detention recorded, so never qualifying (s.24(1B));</item>
/// <item>not looked after on the date and no care to come: status none on it and no later change;
/// no rule has a day to give (<see cref="Entitlements.EntitlementRuleSet.NothingCanHold"/>).</item>
/// </list>
/// Episodes whose reason ended changes the timeline beyond their own days (transfer to another
/// council, age assessed as 18 or over, death, adoption, special guardianship) take the full path.
/// The property test "the short cut gives the full answer" holds it to the timeline's answer.
/// </summary>
internal sealed class CareEndedBefore14(EnglandLaw law)
{
    private static readonly CareFacts NoCountedCare = new(0, 0, false, null);

    private readonly FrozenSet<string> _beyondOwnDays = law.TransferReasons.Concat(law.AgeAssessedAdultReasons)
        .Concat(law.DeathReasons).Concat(law.AdoptionReasons).Concat(law.SpecialGuardianshipReasons)
        .ToFrozenSet(StringComparer.Ordinal);

    // The earlier of the birthdays from which care counts (14) and from which it makes a child
    // eligible or qualifying (16): the argument above holds for care ended by both.
    private readonly int _bound = Math.Min(law.AgeCountingFrom, law.AgeEligibleFrom);

    /// <summary>The answer on <paramref name="asAt"/> (on or after birth), or null when the full path is needed.</summary>
    public Classification? TryClassify(CareHistory h, LocalDate asAt)
    {
        if (h.Education.Count > 0 || h.OtherCare.Count > 0 || h.Detentions.Count > 0) return null;
        var dob = h.DateOfBirth;
        var by = law.Birthdays.Birthday(dob, _bound);
        // Status none runs from the end of the last care (or birth) to the 25th birthday.
        var since = dob;
        var episodes = h.Episodes;
        for (var i = 0; i < episodes.Count; i++)
        {
            var e = episodes[i];
            if (e.End is not { } end || end > by || end > asAt || end < e.Start) return null;
            if (e.ReasonEnded is { } r && _beyondOwnDays.Contains(r)) return null;
            if (end > e.Start && end > since) since = end; // an episode of no whole day is no care
        }
        if (asAt >= law.Birthdays.Birthday(dob, law.AgeCareLeaverUntil)) return null;
        IReadOnlyList<string> warnings = HistoryWarnings.For(h, law, deathDate: null, asAt) ?? (IReadOnlyList<string>)[];
        return new Classification(law.Birthdays.AgeOn(dob, asAt), Status.None, since, null, NoCountedCare, [], warnings);
    }
}
