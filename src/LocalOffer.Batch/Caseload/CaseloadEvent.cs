using LocalOffer.Core.Engine;
using LocalOffer.Core.Rules;
using NodaTime;

namespace LocalOffer.Batch.Caseload;

/// <summary>The kinds of thing that fall due for a young person (README "caseload" defines each with its provision).</summary>
public enum CaseloadEventKind
{
    Birthday16,
    NeedsAssessment,
    PathwayPlanReview,
    UniversalCreditPreClaim,
    Birthday18,
    Birthday21,
    Birthday25,
    StatusChange,
    EntitlementStarts,
    EntitlementContinues,
    EntitlementEnds,
}

public static class CaseloadEventKinds
{
    /// <summary>The name in CSV and calendar files.</summary>
    public static string Wire(this CaseloadEventKind k) => k switch
    {
        CaseloadEventKind.Birthday16 => "birthday-16",
        CaseloadEventKind.NeedsAssessment => "needs-assessment",
        CaseloadEventKind.PathwayPlanReview => "pathway-plan-review",
        CaseloadEventKind.UniversalCreditPreClaim => "universal-credit-pre-claim",
        CaseloadEventKind.Birthday18 => "birthday-18",
        CaseloadEventKind.Birthday21 => "birthday-21",
        CaseloadEventKind.Birthday25 => "birthday-25",
        CaseloadEventKind.StatusChange => "status-change",
        CaseloadEventKind.EntitlementStarts => "entitlement-starts",
        CaseloadEventKind.EntitlementContinues => "entitlement-continues",
        CaseloadEventKind.EntitlementEnds => "entitlement-ends",
        _ => throw new ArgumentOutOfRangeException(nameof(k)),
    };

    public static CaseloadEventKind FromWire(string s) =>
        Enum.GetValues<CaseloadEventKind>().FirstOrDefault(k => k.Wire() == s, (CaseloadEventKind)(-1)) is var k && (int)k >= 0
            ? k : throw new ArgumentException($"unknown caseload event '{s}'");
}

/// <summary>What a council's case system adds to a CHILD (caseload CSV): all optional.</summary>
public sealed record CaseloadExtras(string? Adviser, string? Team, LocalDate? LastReview, LocalDate? LastContact);

/// <summary>
/// One thing falling due for one young person: the event, its due date, days left (negative when
/// overdue), what changes in words for an adviser, and the provisions. <see cref="NewStatus"/> is set
/// when the young person's status changes on the date (the same change `check` reports as next).
/// </summary>
public sealed record CaseloadEvent(
    string Child,
    LocalDate DateOfBirth,
    CaseloadEventKind Kind,
    string Title,
    LocalDate Due,
    int DaysLeft,
    string Changes,
    IReadOnlyList<LegalReference> Basis,
    Status? NewStatus,
    CaseloadExtras? Extras)
{
    public bool Overdue => DaysLeft < 0;
}
