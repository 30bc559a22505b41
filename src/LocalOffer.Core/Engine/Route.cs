namespace LocalOffer.Core.Engine;

/// <summary>Why a young person has a status on a date: the limb of the law that applies.</summary>
public enum Route
{
    /// <summary>Not born, or aged 25 or over, or nothing applies.</summary>
    NoneApplies,
    /// <summary>Before the leaving care regime began (1 October 2001).</summary>
    BeforeRegime,
    /// <summary>Died (REC E2).</summary>
    Died,
    /// <summary>Looked after, under 16 (CA 1989 s.22(1)).</summary>
    LookedAfterUnder16,
    /// <summary>Looked after at 16 or 17 but under 13 weeks counted since 14.</summary>
    LookedAfterUnder13Weeks,
    /// <summary>Looked after at 16 or 17 on a short break (CPPCR reg 48): not eligible.</summary>
    LookedAfterShortBreak,
    /// <summary>Sch 2 para 19B(2): 16 or 17, looked after, 13 weeks since 14.</summary>
    Eligible,
    /// <summary>s.23A(2): left care at 16 or 17, eligible immediately before.</summary>
    RelevantLeftCare,
    /// <summary>CLR 2010 reg 3(2): detained or in hospital on the 16th birthday after 13 weeks of care.</summary>
    RelevantDetainedAt16,
    /// <summary>s.23C(1)(a): was a relevant child and would be one if under 18.</summary>
    FormerRelevantWasRelevant,
    /// <summary>s.23C(1)(b): looked after until 18 and eligible immediately before.</summary>
    FormerRelevantCareTo18,
    /// <summary>s.24(1A): special guardianship order after being looked after.</summary>
    QualifyingSpecialGuardianship,
    /// <summary>s.24(1B), (2)(a): looked after by a council after 16, but no longer.</summary>
    QualifyingCouncilCare,
    /// <summary>s.24(1B), (2)(b)-(f): accommodated or privately fostered after 16, but no longer.</summary>
    QualifyingOtherCare,
    /// <summary>Would be relevant or former relevant, but lives with a parent 6 months or more (CLR reg 3(3)).</summary>
    ExcludedLivingWithParent,
    /// <summary>Adopted (REC E11/E12): earlier care gives no status (the statistics setting only).</summary>
    Adopted,
    /// <summary>
    /// Looked after on a short break (s.22(1)(b)) at 16 or 17, having been an eligible child before last
    /// ceasing to be looked after: not a relevant child for the break's days (s.23A(2)(a)), relevant again
    /// when it ends (s.23A(2)(b)).
    /// </summary>
    ShortBreakBetweenRelevant,
    /// <summary>
    /// s.23A(2): an eligible child before care last ended, on the days of a series of short breaks recorded as
    /// an agreement (V4): at home on most of them, so relevant; the breaks themselves are not recorded.
    /// </summary>
    RelevantShortBreakAgreement,
}

/// <summary>The status on a date and the limb that gives it.</summary>
public readonly record struct Decision(Status Status, Route Route);
