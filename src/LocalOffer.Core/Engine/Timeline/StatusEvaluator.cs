using NodaTime;

namespace LocalOffer.Core.Engine;

/// <summary>
/// Decides the status on one date from the facts, limb by limb, in the order the law gives them
/// precedence: looked after / eligible, relevant, former relevant, qualifying, none. Used at the
/// timeline's change dates only; the status on any other date is a lookup in the timeline.
/// Restated by the fast paths (FastPaths/CareEndedBefore16: status none when care ended by 16;
/// FastPaths/LookedAfterUnder14: looked after, then none or eligible at 16) and by
/// EntitlementRuleSet.NothingCanHold: a change to a limb here is checked against them by the property
/// tests (PropertyTests.*short_cuts*, *on_every_birthday_line); see docs/engine.md.
/// </summary>
internal static class StatusEvaluator
{
    public static Decision Evaluate(PersonFacts f, LocalDate d, bool adoptedBefore)
    {
        var law = f.Law;
        if (d < f.Dob || d >= f.B25) return new(Status.None, Route.NoneApplies);
        if (f.DeathDate is { } died && d >= died) return new(Status.None, Route.Died);

        // Looked after: CA 1989 s.22(1); nobody on or after the 18th birthday (s.105(1)).
        var care = f.CareOn(d);
        if (d < law.RegimeStart)
            return care is null ? new(Status.None, Route.BeforeRegime) : new(Status.LookedAfter, Route.BeforeRegime);
        if (care is { } c)
        {
            if (d < f.B16) return new(Status.LookedAfter, Route.LookedAfterUnder16);
            // CPPCR 2010 reg 40(2), reg 48: a child on a pre-planned series of short breaks is not eligible
            // for it. s.22(1)(b): during the break she is looked after (accommodated), so she is not a
            // relevant child on its days: s.23A(2)(a) "is not being looked after by any local authority".
            // Short breaks are left out when deciding when care last ended (s.23A(2)(b)), so she is relevant
            // again when each break ends; the route says so, and the adviser's run stays unbroken through it.
            // A V4 episode is the agreement for a series, not the breaks (SSDA903: "NOT individual episodes of
            // care"): she is at home on most of its days, so relevant on them; the breaks are not recorded.
            if (c.ShortBreak)
                return d < f.B18 && IsRelevant(f, d) is not null && !f.ExcludedAtHomeOn(d)
                    ? IsAgreement(f, c)
                        ? new(Status.Relevant, Route.RelevantShortBreakAgreement)
                        : new(Status.LookedAfter, Route.ShortBreakBetweenRelevant)
                    : new(Status.LookedAfter, Route.LookedAfterShortBreak);
            // Sch 2 para 19B(2): 16 or 17, and 13 weeks since 14 (CPPCR 2010 reg 40(1)).
            return f.CountedBefore(d) >= law.EligibleDays
                ? new(Status.Eligible, Route.Eligible)
                : new(Status.LookedAfter, Route.LookedAfterUnder13Weeks);
        }

        var excludedAtHome = f.ExcludedAtHomeOn(d);

        // Relevant child: s.23A(2); CLR 2010 reg 3.
        if (d >= f.B16 && d < f.B18)
        {
            var relevant = IsRelevant(f, d);
            if (relevant is { } route)
                return excludedAtHome
                    ? QualifyingOr(f, d, new(Status.None, Route.ExcludedLivingWithParent))
                    : new(Status.Relevant, route);
        }

        // Former relevant child: s.23C(1), 18 to 25.
        if (d >= f.B18)
        {
            // (b) looked after until 18 and eligible immediately before: no exclusions.
            if (f.CareTo18AsEligible)
                return new(Status.FormerRelevant, Route.FormerRelevantCareTo18);
            // (a) was a relevant child, and would be one if under 18: the reg 3(3) exclusion carries over.
            if (f.WasRelevantBefore18 ??= WasRelevantBefore18(f))
            {
                if (!excludedAtHome) return new(Status.FormerRelevant, Route.FormerRelevantWasRelevant);
                return QualifyingOr(f, d, new(Status.None, Route.ExcludedLivingWithParent));
            }
        }

        return QualifyingOr(f, d, new(Status.None, adoptedBefore ? Route.Adopted : Route.NoneApplies));
    }

    /// <summary>
    /// The relevant-child limb that applies on <paramref name="d"/> (16 or 17, not looked after), if any.
    /// </summary>
    private static Route? IsRelevant(PersonFacts f, LocalDate d)
    {
        // s.23A(2)(b): eligible immediately before last ceasing to be looked after.
        if (f.LastCessationOnOrBefore(d) is { } ceased && f.EligibleAtCessation(ceased))
            return Route.RelevantLeftCare;
        // CLR 2010 reg 3(2): detained or in hospital on the 16th birthday, 13 weeks of care since 14
        // before the detention began. Not subject to a care order: such a child is still looked after.
        // A care order that ended with the detention goes on (PersonFacts.CareOrderGoesOn): she is looked
        // after on such days, so this limb is asked only when the order was not in force or was discharged.
        if (f.DetentionAt16 is { } det && f.CountedBefore(det.Start) >= f.Law.EligibleDays)
            return Route.RelevantDetainedAt16;
        return null;
    }

    // A series of short breaks recorded as the agreement (V4), whose days are not days looked after.
    private static bool IsAgreement(PersonFacts f, CarePeriod c) =>
        c.ShortBreak && f.Law.ShortBreakAgreementStatuses.Contains(f.EpisodeOf(c).LegalStatus);

    /// <summary>s.23C(1)(a) "has been a relevant child": relevant on some day between 16 and 18.</summary>
    private static bool WasRelevantBefore18(PersonFacts f)
    {
        // The dates on which being relevant can begin: 16, the regime's start, each cessation, and the
        // ends of the living-at-home exclusion (loops, not an iterator: once per child in a batch).
        // Every cessation of care, short breaks included: a break that starts the day other care ends makes
        // the first day not looked after the day the break ends (s.23A(2)(a)).
        if (RelevantOn(f, f.B16) || RelevantOn(f, f.Law.RegimeStart)) return true;
        foreach (var c in f.CessationsOfCountedCare) if (RelevantOn(f, c)) return true;
        if (f.HasShortBreaks) foreach (var c in f.Cessations) if (RelevantOn(f, c)) return true;
        foreach (var h in f.HomeExcluded) if (RelevantOn(f, h.Start) || RelevantOn(f, h.End)) return true;
        return false;
    }

    private static bool RelevantOn(PersonFacts f, LocalDate d)
    {
        if (d < f.B16 || d >= f.B18 || d < f.Law.RegimeStart) return false;
        if (f.CareOn(d) is { } c && !IsAgreement(f, c) || (f.DeathDate is { } died && d >= died)) return false;
        return IsRelevant(f, d) is not null && !f.ExcludedAtHomeOn(d);
    }

    /// <summary>
    /// Person qualifying for advice and assistance (CA 1989 s.24), 16 to 21, when no higher
    /// category applies; otherwise <paramref name="otherwise"/>.
    /// </summary>
    private static Decision QualifyingOr(PersonFacts f, LocalDate d, Decision otherwise)
    {
        if (d < f.B16 || d >= f.B21) return otherwise;
        // s.24(1A): subject (or at 18 was subject) to a special guardianship order, looked after
        // immediately before it was made.
        foreach (var sgo in f.SpecialGuardianshipDates)
            if (sgo <= d) return new(Status.Qualifying, Route.QualifyingSpecialGuardianship);
        // s.24(1B), (2)(a): looked after by a council after 16 while a child, but no longer.
        foreach (var ceased in f.Cessations)
            if (ceased > f.B16 && ceased <= d) return new(Status.Qualifying, Route.QualifyingCouncilCare);
        // s.24(1B), (2)(b)-(f): accommodated or privately fostered after 16, but no longer.
        foreach (var ended in f.OtherCareEnds)
            if (ended <= d) return new(Status.Qualifying, Route.QualifyingOtherCare);
        return otherwise;
    }
}
