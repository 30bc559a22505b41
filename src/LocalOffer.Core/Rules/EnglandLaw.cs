using System.Collections.Frozen;
using LocalOffer.Core.Time;
using NodaTime;

namespace LocalOffer.Core.Rules;

/// <summary>
/// The parameters of rules/england the engine uses, read once into typed fields. Every age,
/// period, amount, date in force and code list comes from the YAML; none is written in C#.
/// Every parameter in the folder has exactly one typed accessor here, and every accessor is used
/// (RuleFileTests fails on a parameter nothing reads). The provisions and the entitlement
/// catalogue are loaded from the same folder.
/// </summary>
public sealed class EnglandLaw
{
    public EnglandLaw(RuleBook book)
    {
        Book = book;
        AgeCountingFrom = SingleInt("ages.counting_from");
        AgeEligibleFrom = SingleInt("ages.eligible_from");
        AgeAdult = SingleInt("ages.adult");
        AgeCoreDutiesUntil = SingleInt("ages.core_duties_until");
        AgeCareLeaverUntil = SingleInt("ages.care_leaver_until");
        // The milestones come in the law's order: care counts from 14 (CPPCR 2010 reg 40), eligible from 16
        // (Sch 2 para 19B), a child until 18 (s.105), core duties to 21 (s.23C(6)), care leaver to 25
        // (s.23CZB). A rule file that puts them out of order is a mistake no decision could make sense of.
        InOrder(["ages.counting_from", "ages.eligible_from", "ages.adult", "ages.core_duties_until",
            "ages.care_leaver_until"], MilestoneAges);
        AgeBursary1619From = SingleInt("ages.bursary_16_19_from");
        AgeBursary1619Until = SingleInt("ages.bursary_16_19_until");
        AcademicYearStart = MonthDay("periods.academic_year_start");
        Bursary1619AgeOn = MonthDay("periods.bursary_16_19_age_on");
        AgeStayingPutUntil = SingleInt("ages.staying_put_until");
        AgePriorityNeedUntil = SingleInt("ages.priority_need_until");
        EligibleDays = SingleInt("periods.eligible_days");
        LivingWithParentMonths = SingleInt("periods.living_with_parent_months");
        HealthOrEducationMonths = SingleInt("periods.accommodated_by_health_or_education_months");
        // Read by the caseload (what falls due), not by the engine's decisions.
        NeedsAssessmentMonths = SingleInt("periods.needs_assessment_months");
        PathwayPlanReviewMonths = SingleInt("periods.pathway_plan_review_months");
        UniversalCreditPreClaimDays = SingleInt("periods.universal_credit_pre_claim_days");

        RegimeStart = Commencement("commencement.leaving_care_regime") ?? throw Missing("commencement.leaving_care_regime");
        EducationReturnStart = Commencement("commencement.education_training_return");
        PersonalAdviserTo25Start = Commencement("commencement.personal_adviser_to_25");
        StayingPutStart = Commencement("commencement.staying_put");
        StayingCloseStart = Commencement("commencement.staying_close");
        HeBursaryStart = Commencement("commencement.higher_education_bursary_duty");
        PriorityNeedStart = Commencement("commencement.priority_need_order");
        AdvocacyStart = Commencement("commencement.advocacy");
        Bursary1619Start = Commencement("commencement.bursary_16_19");
        SharedAccommodationStart = Commencement("commencement.shared_accommodation_exemption");
        NoLocalConnectionTestStart = Commencement("commencement.no_local_connection_test");
        IntentionallyHomelessStart = Commencement("commencement.intentionally_homeless_protection");
        const string coursesFrom = "commencement.higher_education_bursary_courses_from";
        HeBursaryCoursesFrom = book.Get(coursesFrom).Values.LastOrDefault()?.Value switch
        {
            LocalDate d => d,
            null => throw Missing(coursesFrom),
            var other => throw Bad(coursesFrom, $"value '{DatedValue.Show(other)}' must be a date (YYYY-MM-DD)"),
        };

        ShortBreakStatuses = Codes("codes.short_break_statuses");
        ShortBreakAgreementStatuses = Codes("codes.short_break_agreement_statuses");
        CareOrderStatuses = Codes("codes.care_order_statuses");
        AdoptionReasons = Codes("codes.adoption_reasons");
        DeathReasons = Codes("codes.death_reasons");
        CustodyReasons = Codes("codes.custody_reasons");
        AdoptionPlacements = Codes("codes.adoption_placements");
        TransferReasons = Codes("codes.transfer_reasons");
        SpecialGuardianshipReasons = Codes("codes.special_guardianship_reasons");
        AgeAssessedAdultReasons = Codes("codes.age_assessed_adult_reasons");
        FosterPlacements = Codes("codes.foster_placements");
        WithParentPlacements = Codes("codes.with_parent_placements");
        ReturnedHomeReasons = Codes("codes.returned_home_reasons");
        ChildArrangementsOrderReasons = Codes("codes.child_arrangements_order_reasons");
        ContinuesReasons = Codes("codes.continues_reasons");
        CarePeriodReasons = AgeAssessedAdultReasons.Union(TransferReasons).Union(CustodyReasons)
            .ToFrozenSet(StringComparer.Ordinal);
        const string adoption = "settings.adoption_ends_care_leaver_status";
        AdoptionEndsCareLeaverStatus = Book.Get(adoption).Values.LastOrDefault()?.Value switch
        {
            bool b => b,
            var other => throw Bad(adoption, $"value '{DatedValue.Show(other)}' must be true or false"),
        };
        // Under the law (the default) an adoption is an order after which the young person lives with people
        // who have parental responsibility, as special guardianship and child arrangements orders are.
        OrderReasons = SpecialGuardianshipReasons.Union(ChildArrangementsOrderReasons)
            .Union(AdoptionEndsCareLeaverStatus ? [] : AdoptionReasons).ToFrozenSet(StringComparer.Ordinal);

        HigherEducationBursary = new DatedAmount(book.Get("amounts.higher_education_bursary"));
        ApprenticeshipBursary = new DatedAmount(book.Get("amounts.apprenticeship_bursary"));
        Bursary1619 = new DatedAmount(book.Get("amounts.bursary_16_19"));
        SettingUpHomeRecommended = new DatedAmount(book.Get("amounts.setting_up_home_recommended"));
        // The local offer's own rules (CSWA 2017 s.2; DfE guidance; CWSA 2026 s.8), read by LocalOffer.Offers.
        LocalOfferReviewEveryYears = new DatedAmount(book.Get("local_offer.review_every_years"));
        LocalOfferCwsa2026S8Start = Commencement("local_offer.cwsa_2026_s8_areas");
        SharedAccommodationExemptionUntil = DatedInts("ages.shared_accommodation_exemption_until");

        var leap = Text("settings.leap_day_birthday");
        Birthdays = new Birthdays(leap switch
        {
            "march_1" => LeapDayBirthday.March1,
            "february_28" => LeapDayBirthday.February28,
            _ => throw Bad("settings.leap_day_birthday", $"'{leap}' must be march_1 or february_28"),
        });

        P = new Provisions(ProvisionBook.Load(book.Directory));
        Entitlements = EntitlementCatalog.Load(book.Directory, P.Book, book);
    }

    /// <summary>The provisions cited (rules/england/provisions.yaml), by name.</summary>
    public Provisions P { get; }
    /// <summary>The statutory entitlements (rules/england/entitlements.yaml).</summary>
    public EntitlementCatalog Entitlements { get; }

    public RuleBook Book { get; }
    public Birthdays Birthdays { get; }
    public int AgeCountingFrom { get; }
    public int AgeEligibleFrom { get; }
    public int AgeAdult { get; }
    public int AgeCoreDutiesUntil { get; }
    public int AgeCareLeaverUntil { get; }
    public int AgeBursary1619From { get; }
    public int AgeBursary1619Until { get; }
    public AnnualDate AcademicYearStart { get; }
    public AnnualDate Bursary1619AgeOn { get; }
    public int AgeStayingPutUntil { get; }
    public int AgePriorityNeedUntil { get; }
    public int EligibleDays { get; }
    public int LivingWithParentMonths { get; }
    public int HealthOrEducationMonths { get; }
    /// <summary>Months after 16 (or becoming eligible) within which the needs assessment is due (CPPCR 2010 reg 42).</summary>
    public int NeedsAssessmentMonths { get; }
    /// <summary>Longest interval between pathway plan reviews (CPPCR 2010 reg 43; CLR 2010 reg 7).</summary>
    public int PathwayPlanReviewMonths { get; }
    /// <summary>Days before the 18th birthday a Universal Credit pre-claim appointment can be had (DWP, 2023).</summary>
    public int UniversalCreditPreClaimDays { get; }
    public LocalDate RegimeStart { get; }
    public LocalDate? EducationReturnStart { get; }
    public LocalDate? PersonalAdviserTo25Start { get; }
    public LocalDate? StayingPutStart { get; }
    public LocalDate? StayingCloseStart { get; }
    public LocalDate? HeBursaryStart { get; }
    public LocalDate HeBursaryCoursesFrom { get; }
    public LocalDate? PriorityNeedStart { get; }
    public LocalDate? AdvocacyStart { get; }
    public LocalDate? Bursary1619Start { get; }
    public LocalDate? SharedAccommodationStart { get; }
    public LocalDate? NoLocalConnectionTestStart { get; }
    /// <summary>Prospective (CWSA 2026 s.9): null until commencement.yaml gives a date.</summary>
    public LocalDate? IntentionallyHomelessStart { get; }
    public FrozenSet<string> ShortBreakStatuses { get; }
    /// <summary>Short breaks recorded as an agreement, not as the breaks (V4): its days are mostly at home.</summary>
    public FrozenSet<string> ShortBreakAgreementStatuses { get; }
    public FrozenSet<string> CareOrderStatuses { get; }
    public FrozenSet<string> AdoptionReasons { get; }
    public FrozenSet<string> DeathReasons { get; }
    /// <summary>Sentenced to custody (E9): care under a care order goes on (s.22(1)(a)).</summary>
    public FrozenSet<string> CustodyReasons { get; }
    /// <summary>Placed for adoption (A3-A6): the adopters-to-be have parental responsibility (ACA 2002 s.25(3)).</summary>
    public FrozenSet<string> AdoptionPlacements { get; }
    public FrozenSet<string> TransferReasons { get; }
    public FrozenSet<string> SpecialGuardianshipReasons { get; }
    public FrozenSet<string> AgeAssessedAdultReasons { get; }
    public FrozenSet<string> FosterPlacements { get; }
    public FrozenSet<string> WithParentPlacements { get; }
    public FrozenSet<string> ReturnedHomeReasons { get; }
    public FrozenSet<string> ChildArrangementsOrderReasons { get; }
    /// <summary>Reason ended meaning the episode goes on in a new one the same day (X1).</summary>
    public FrozenSet<string> ContinuesReasons { get; }
    /// <summary>
    /// Reasons ended that change a care period beyond its own days (age assessed as adult: left out;
    /// transfer, and custody under a care order: care goes on): one look-up that most episodes fail,
    /// before asking which (issue 14). The batch's short cuts send every episode ending with one of
    /// these (other than age assessed as adult, which they leave out as PersonFacts does) to the full
    /// path, so a reason added here can never be read one way by the short cuts and another by the law.
    /// </summary>
    internal FrozenSet<string> CarePeriodReasons { get; }
    /// <summary>
    /// Reasons ended by an order after which the young person lives with someone with parental responsibility
    /// (special guardianship, child arrangements, and adoption unless the statistics setting is on): one look-up.
    /// </summary>
    internal FrozenSet<string> OrderReasons { get; }
    public DatedAmount HigherEducationBursary { get; }
    public DatedAmount ApprenticeshipBursary { get; }
    public DatedAmount Bursary1619 { get; }
    public DatedAmount SettingUpHomeRecommended { get; }
    /// <summary>The years within which the DfE expects a local offer reviewed.</summary>
    public DatedAmount LocalOfferReviewEveryYears { get; }
    /// <summary>When the CWSA 2026 s.8 local offer areas came into force; null while prospective.</summary>
    public LocalDate? LocalOfferCwsa2026S8Start { get; }
    /// <summary>The age the shared accommodation rate exemption lasts to, by the date each took effect.</summary>
    public IReadOnlyList<(LocalDate From, int Age)> SharedAccommodationExemptionUntil { get; }
    public bool AdoptionEndsCareLeaverStatus { get; }

    /// <summary>The birthdays on which duties change (14, 16, 18, 21, 25 as the rules stand), in order.</summary>
    public IReadOnlyList<int> MilestoneAges =>
        [AgeCountingFrom, AgeEligibleFrom, AgeAdult, AgeCoreDutiesUntil, AgeCareLeaverUntil];


    /// <summary>The legal references of a parameter, for citing beside a decision.</summary>
    public IReadOnlyList<LegalReference> Ref(string id) => Book.Get(id).References;

    // Ages and periods are read as one value: a change to one would need its own transition rule
    // (who it applies to), so a second dated value is refused rather than silently mis-applied.
    private int SingleInt(string id)
    {
        var p = Book.Get(id);
        if (p.Values.Count != 1 || p.Values[0].Value is not int i)
            throw Bad(id, "must have exactly one whole-number value (a change of age or period needs a transition rule in code)");
        return i;
    }

    // Each age later than the one before, or the later one's file and line named.
    private void InOrder(string[] ids, IReadOnlyList<int> ages)
    {
        for (var k = 1; k < ids.Length; k++)
            if (ages[k] <= ages[k - 1])
                throw Bad(ids[k],
                    $"{ages[k]} must be later than {ids[k - 1]} ({ages[k - 1]}): the ages come in the law's order");
    }

    private readonly HashSet<string> _commencementIds = new(StringComparer.Ordinal);

    /// <summary>
    /// The parameters read as dates in force (true from a date): a what-if's <c>--set id=YYYY-MM-DD</c> on one
    /// of these means "in force from that date" (<see cref="ParameterOverrides"/>).
    /// </summary>
    public IReadOnlySet<string> CommencementIds => _commencementIds;

    private LocalDate? Commencement(string id)
    {
        _commencementIds.Add(id);
        var p = Book.Get(id);
        LocalDate? start = null;
        foreach (var v in p.Values)
        {
            if (v.Value is not (true or false or null))
                throw Bad(id, $"value '{DatedValue.Show(v.Value)}' must be true, false or null");
            // A provision taken out of force again would need a rule in code saying whom it still serves (as a
            // changed age would): refused rather than silently read as in force for ever.
            if (start is { } s && v.Value is not true)
                throw Bad(id, $"in force from {s:yyyy-MM-dd} and not from {v.From:yyyy-MM-dd}: a provision ended needs a " +
                    "transition rule in code");
            if (v.Value is true) start ??= v.From;
        }
        return start;
    }

    private FrozenSet<string> Codes(string id)
    {
        var p = Book.Get(id);
        if (p.Values.Count == 0 || p.Values[^1].Value is not string[] list) throw Bad(id, "must be a list of codes");
        return list.ToFrozenSet(StringComparer.Ordinal);
    }

    private IReadOnlyList<(LocalDate From, int Age)> DatedInts(string id) =>
        Book.Get(id).Values.Select(v => v.Value is int i ? (v.From, i)
                : throw Bad(id, $"value '{DatedValue.Show(v.Value)}' is not a whole number"))
            .ToArray();

    // A day and month in every year ("08-31"), as NodaTime's AnnualDate.
    private AnnualDate MonthDay(string id)
    {
        var text = Text(id);
        var parts = text.Split('-');
        if (parts.Length == 2 && int.TryParse(parts[0], out var m) && int.TryParse(parts[1], out var d)
            && m is >= 1 and <= 12 && d >= 1 && d <= (m == 2 ? 28 : CalendarSystem.Iso.GetDaysInMonth(2001, m)))
            return new AnnualDate(m, d);
        throw Bad(id, $"'{text}' must be a month and day as MM-DD (not 29 February)");
    }

    private string Text(string id) => Book.Get(id).Values.LastOrDefault()?.Value as string ?? throw Bad(id, "must be a text setting");

    private RuleFileException Bad(string id, string message)
    {
        var p = Book.Get(id);
        return new RuleFileException(p.File, p.Line, 1, $"{id}: {message}");
    }

    private RuleFileException Missing(string id) => new(id.Split('.')[0] + ".yaml", 0, 0, $"{id} has no value in force");

    public static EnglandLaw LoadDefault() => new(RuleBook.LoadDefault());
}
