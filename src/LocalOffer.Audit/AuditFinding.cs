using LocalOffer.Audit.Input;
using LocalOffer.Core.Engine;
using NodaTime;

namespace LocalOffer.Audit;

/// <summary>The audit's findings (audit.csv's `finding`), in report order, with how much each weighs.</summary>
public static class Findings
{
    public const string CategoryDiffers = "category_differs";
    public const string NotACareLeaver = "not_a_care_leaver";
    public const string MissingFromList = "missing_from_list";
    public const string NoPersonalAdviser = "no_personal_adviser";
    public const string PathwayPlanOverdue = "pathway_plan_overdue";
    public const string NotInTouch = "not_in_touch";
    public const string ContactOverdue = "contact_overdue";
    public const string AccommodationUnsuitableOrUnknown = "accommodation_unsuitable_or_unknown";
    public const string ActivityUnknown = "activity_unknown";

    public static readonly string[] All =
    [
        CategoryDiffers, NotACareLeaver, MissingFromList, NoPersonalAdviser, PathwayPlanOverdue, NotInTouch,
        ContactOverdue, AccommodationUnsuitableOrUnknown, ActivityUnknown,
    ];

    /// <summary>Plain words for the report and the spreadsheet.</summary>
    public static string Words(string finding) => finding switch
    {
        CategoryDiffers => "Category recorded differs from the law's",
        NotACareLeaver => "On the list but not a care leaver",
        MissingFromList => "A care leaver missing from the list",
        NoPersonalAdviser => "No personal adviser",
        PathwayPlanOverdue => "Pathway plan review overdue",
        NotInTouch => "Not in touch",
        ContactOverdue => "Latest contact over 2 months ago",
        AccommodationUnsuitableOrUnknown => "Accommodation unsuitable or not known",
        ActivityUnknown => "Activity not known",
        _ => finding,
    };

    /// <summary>
    /// How much a finding weighs in "young people to look at first" (not law: an order for a busy
    /// manager). A care leaver the council does not know about, has lost touch with, has no adviser
    /// for, or who lives somewhere unsuitable comes before a record to correct.
    /// </summary>
    public static int Weight(AuditFinding f) => f.Finding switch
    {
        MissingFromList => 5,
        NotInTouch or NoPersonalAdviser when f.Computed != OnRequest => 4,
        AccommodationUnsuitableOrUnknown when f.Computed == "unsuitable" => 4,
        PathwayPlanOverdue or AccommodationUnsuitableOrUnknown => 3,
        ContactOverdue or CategoryDiffers => 2,
        _ => 1,
    };

    /// <summary>`computed` of a duty the council owes only when the young person asks (from 21, s.23CZB).</summary>
    public const string OnRequest = "on request";
}

/// <summary>
/// One finding (a line of audit.csv): the young person, what was found, what the list records and what
/// the care history and the law give, in words with the engine's reason, and the provisions that say so.
/// Team and adviser are the list's, for the counts by team and adviser.
/// </summary>
public sealed record AuditFinding(
    string Child, string Finding, string Recorded, string Computed, string Detail, string Provisions,
    string Team, string Adviser);

/// <summary>
/// One young person audited: on the list (<see cref="Row"/>) or a care leaver missing from it; the
/// engine's status on the as-at date and since when; the findings, and a warning about the history.
/// </summary>
public sealed record AuditPerson(
    string Child, LocalDate DateOfBirth, int Age, ListRow? Row, Status Computed, LocalDate Since,
    IReadOnlyList<AuditFinding> Findings, string? Warning)
{
    /// <summary>The weight of every finding together (<see cref="Audit.Findings.Weight"/>).</summary>
    public int Weight => Findings.Sum(Audit.Findings.Weight);

    /// <summary>A care leaver category in the law: eligible, relevant, former relevant or qualifying.</summary>
    public static bool IsCareLeaver(Status s) =>
        s is Status.Eligible or Status.Relevant or Status.FormerRelevant or Status.Qualifying;
}
