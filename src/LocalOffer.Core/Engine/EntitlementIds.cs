namespace LocalOffer.Core.Engine;

/// <summary>Stable ids of the statutory entitlements, with their titles. Council offers refer to these ids.</summary>
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
    public const string PriorityNeedHousing = "priority-need-housing";
    public const string ApprenticeshipBursary = "apprenticeship-bursary";
    public const string Bursary1619 = "bursary-16-19";
    public const string SharedAccommodationExemption = "shared-accommodation-exemption";

    public static readonly IReadOnlyDictionary<string, string> Titles = new Dictionary<string, string>
    {
        [PersonalAdviser] = "A personal adviser",
        [PathwayPlan] = "A needs assessment and pathway plan, reviewed at least every six months",
        [KeepInTouch] = "The council keeps in touch",
        [AccommodationAndMaintenance] = "Suitable accommodation and maintenance",
        [EducationTrainingAssistance] = "Help with the costs of education, training and employment",
        [HigherEducationBursary] = "Higher education bursary",
        [VacationAccommodation] = "Somewhere to live in the vacations (or its cost) while in full-time higher or residential further education",
        [StayingPut] = "Staying put with former foster carers",
        [StayingClose] = "Staying close support",
        [Advocacy] = "An advocate, and a way to make representations and complaints",
        [PriorityNeedHousing] = "Priority need for housing if homeless",
        [ApprenticeshipBursary] = "Care leaver apprenticeship bursary",
        [Bursary1619] = "16 to 19 Bursary Fund (vulnerable group bursary)",
        [SharedAccommodationExemption] = "Exemption from the shared accommodation rate of housing costs",
    };

    public static IReadOnlyList<string> All { get; } = Titles.Keys.ToArray();
}
