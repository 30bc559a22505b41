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

    /// <summary>Who each entitlement is for, in a line, and the main provisions (care-leaver-law.md s.3), for published offers.</summary>
    public static readonly IReadOnlyDictionary<string, (string Who, IReadOnlyList<Rules.LegalReference> Law)> Summary =
        new Dictionary<string, (string, IReadOnlyList<Rules.LegalReference>)>
        {
            [PersonalAdviser] = ("Eligible, relevant and former relevant young people: to 21, to 25 in education or training, and offered from 21 to 25", [Provisions.Sch2Para19C, Provisions.S23B2, Provisions.S23C3a, Provisions.S23CA, Provisions.S23CZB]),
            [PathwayPlan] = ("Eligible, relevant and former relevant young people; from 21 to 25 on request", [Provisions.Sch2Para19B45, Provisions.S23B3, Provisions.S23C3b, Provisions.S23CZB]),
            [KeepInTouch] = ("Relevant and former relevant young people, and qualifying young people the council looked after", [Provisions.S23B1, Provisions.S23C2, Provisions.S24_4]),
            [AccommodationAndMaintenance] = ("Relevant children (16 and 17, left care)", [Provisions.S23B8, Provisions.Clr9]),
            [EducationTrainingAssistance] = ("Relevant, former relevant and qualifying young people; to 25 in education or training", [Provisions.S23B8, Provisions.S23C4, Provisions.S23CA, Provisions.S24B]),
            [HigherEducationBursary] = ("Former relevant young people starting a higher education course", [Provisions.S23C5A, Provisions.S23CA5, Provisions.HeBursaryRegs]),
            [VacationAccommodation] = ("Former relevant and qualifying young people in full-time higher or residential further education", [Provisions.S23C9, Provisions.S24B5]),
            [StayingPut] = ("Former relevant young people living with their foster carers at 18, to 21", [Provisions.S23CZA]),
            [StayingClose] = ("Former relevant young people who need help to find and keep a home (not yet in force)", []),
            [Advocacy] = ("Everyone looked after or a care leaver", [Provisions.S26, Provisions.S26A]),
            [PriorityNeedHousing] = ("Care leavers aged 18 to 20 who were looked after between 16 and 18", [Provisions.PriorityNeed]),
            [ApprenticeshipBursary] = ("Care leavers starting an apprenticeship before 25", []),
            [Bursary1619] = ("Young people in care and care leavers in further education, aged 16 to 18", []),
            [SharedAccommodationExemption] = ("Care leavers under 25 claiming help with housing costs", []),
        };
}
