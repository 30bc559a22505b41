namespace LocalOffer.Core.Engine;

/// <summary>
/// Names for the ids of rules/england/entitlements.yaml, for code that refers to one entitlement.
/// The list itself, titles and summaries are the catalogue's (<see cref="Rules.EntitlementCatalog"/>);
/// a test checks every constant here is in it.
/// </summary>
public static class EntitlementIds
{
    public const string PersonalAdviser = "personal-adviser";
    public const string PathwayPlan = "pathway-plan";
    public const string KeepInTouch = "keep-in-touch";
    public const string AccommodationAndMaintenance = "accommodation-and-maintenance";
    public const string EducationTrainingAssistance = "education-training-assistance";
    public const string HigherEducationBursary = "higher-education-bursary";
    public const string VacationAccommodation = "vacation-accommodation";
    public const string StayingPut = "staying-put";
    public const string StayingClose = "staying-close";
    public const string Advocacy = "advocacy";
    public const string AdviceAndBefriending = "advice-and-befriending";
    public const string PriorityNeedHousing = "priority-need-housing";
    public const string NoLocalConnectionTest = "no-local-connection-test";
    public const string NotIntentionallyHomeless = "not-intentionally-homeless";
    public const string ApprenticeshipBursary = "apprenticeship-bursary";
    public const string Bursary1619 = "bursary-16-19";
    public const string SharedAccommodationExemption = "shared-accommodation-exemption";
}
