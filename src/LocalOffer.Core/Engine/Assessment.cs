using LocalOffer.Core.Rules;
using NodaTime;

namespace LocalOffer.Core.Engine;

/// <summary>
/// One span of the timeline: <see cref="Status"/> applies from <see cref="From"/> (inclusive) to
/// <see cref="To"/> (exclusive: the first day it no longer applies, as SSDA903 DEC). The reason says
/// which facts and provisions put the young person in that status; where the limb of law changes
/// inside the span (the same status for another reason), <see cref="Parts"/> has one entry per limb
/// and the reason names each with its dates.
/// </summary>
public sealed record TimelineSpan(Status Status, LocalDate From, LocalDate To, string Reason, IReadOnlyList<LegalReference> Basis,
    IReadOnlyList<TimelinePart> Parts);

/// <summary>A part of a timeline span decided by one limb of the law, with its own reason.</summary>
public sealed record TimelinePart(LocalDate From, LocalDate To, string Reason, IReadOnlyList<LegalReference> Basis);

/// <summary>An amount of money with the period it is paid for.</summary>
public sealed record Money(decimal Amount, string Period)
{
    /// <summary>"£2,000" or "£1,200 a year".</summary>
    public override string ToString() => Period switch
    {
        "once" => Output.Gbp.Format(Amount),
        "weekly" => $"{Output.Gbp.Format(Amount)} a week",
        "yearly" => $"{Output.Gbp.Format(Amount)} a year",
        _ => $"{Output.Gbp.Format(Amount)} ({Period})",
    };
}

/// <summary>
/// A statutory entitlement as it applies to one young person: one run from its first day to its
/// last, whatever provisions carry it on the way. <see cref="To"/> is exclusive; every duty ends by
/// 25. <see cref="Periods"/> lists the provisions in date order, each with its own dates and
/// condition; <see cref="Basis"/> is every provision of the run, in that order.
/// A run is never cut where only the legal basis changes: it ends only when the support stops.
/// </summary>
public sealed record Entitlement(
    string Id,
    string Title,
    LocalDate From,
    LocalDate To,
    Money? Amount,
    IReadOnlyList<LegalReference> Basis,
    string? Condition,
    IReadOnlyList<EntitlementPeriod> Periods)
{
    public bool CoversDate(LocalDate d) => From <= d && d < To;

    /// <summary>The period (provision) that applies on <paramref name="d"/>, if the run covers it.</summary>
    public EntitlementPeriod? PeriodOn(LocalDate d) => Periods.FirstOrDefault(p => p.From <= d && d < p.To);
}

/// <summary>One provision's part of an entitlement run: its dates, the law and any condition.</summary>
public sealed record EntitlementPeriod(LocalDate From, LocalDate To, IReadOnlyList<LegalReference> Basis, string? Condition);

/// <summary>The rules core's answer for one young person on one date.</summary>
public sealed record Assessment(
    string? Id,
    LocalDate DateOfBirth,
    LocalDate AsAt,
    int Age,
    Status Status,
    Route StatusRoute,
    string StatusReason,
    LocalDate StatusSince,
    StatusChange? NextChange,
    IReadOnlyList<TimelineSpan> Timeline,
    IReadOnlyList<Entitlement> Entitlements,
    IReadOnlyList<Entitlement> AllEntitlements,
    IReadOnlyList<string> Explanation,
    IReadOnlyList<string> Warnings,
    CareFacts Facts);

/// <summary>
/// <see cref="CareLeaverEngine.AssessWithin"/>'s answer: the timeline with its words, the ids of the entitlements
/// holding on the day (ordinal order), and every entitlement run to 25 (<see cref="Assessment.AllEntitlements"/>'s)
/// when some run changes in the window (null when none does).
/// </summary>
public sealed record WindowAssessment(string? Id, LocalDate DateOfBirth, IReadOnlyList<TimelineSpan> Timeline,
    IReadOnlyList<string> IdsOnDay, IReadOnlyList<Entitlement>? RunsWhenChanging);

/// <summary>The next change of status after the as-at date, if any before the 25th birthday.</summary>
public sealed record StatusChange(LocalDate On, Status To);

/// <summary>Counts and flags derived from the history, used by batch runs and the explanation.</summary>
public sealed record CareFacts(
    int DaysLookedAfterSince14,
    int DaysLookedAfterSince16,
    bool EverEligible,
    LocalDate? ThirteenWeeksReached)
{
    /// <summary>Nothing counted, never eligible: shared by every answer that has it (the batch's short cuts).</summary>
    internal static CareFacts NoneCounted { get; } = new(0, 0, false, null);
}
