using LocalOffer.Core.Model;
using LocalOffer.Core.Rules;
using LocalOffer.Core.Time;
using NodaTime;
using static LocalOffer.Core.Engine.EntitlementIds;
using P = LocalOffer.Core.Engine.Provisions;

namespace LocalOffer.Core.Engine;

/// <summary>
/// Every statutory entitlement over the young person's life to 25 (care-leaver-law.md s.3), as
/// spans built from the timeline, birthdays, education periods and dates in force. The
/// entitlements on a date are those whose span covers it.
/// </summary>
internal sealed class EntitlementRules(EnglandLaw law)
{
    /// <param name="f">The facts of the whole history (the first epoch: before any adoption is disregarded).</param>
    /// <param name="window">
    /// When given, only the parts of spans inside it are produced (the batch asks for one day). Every
    /// leaf set is cut to the window before the set algebra, which gives the same days as cutting the
    /// result, because union, intersection and difference all commute with intersecting by a window.
    /// Facts about other dates ("ever qualifying", the category on an apprenticeship's start) use the
    /// uncut sets.
    /// </param>
    public List<Entitlement> All(CareHistory h, Span[] spans, PersonFacts f, DateRange? window = null)
    {
        var cut = window is { } w ? DateRangeSet.Of(w) : null;
        // In the one-day window a leaf is either the window or empty: decided by a look-up, not by
        // building the whole set and cutting it (the same days, without the allocations).
        var onDay = cut is null ? -1 : IndexOn(spans, window!.Value.Start);
        DateRangeSet Day(bool holds) => holds ? cut! : DateRangeSet.Empty;
        var result = new List<Entitlement>();
        void Add(string id, DateRangeSet set, IReadOnlyList<LegalReference> basis, Money? amount = null, string? condition = null)
        {
            foreach (var r in set.Ranges)
                result.Add(new Entitlement(id, Titles[id], r.Start, r.End, amount, basis, condition));
        }

        DateRangeSet Status(Status s)
        {
            if (cut is not null) return Day(onDay >= 0 && spans[onDay].Status == s);
            var list = new List<DateRange>(2);
            foreach (var x in spans) if (x.Status == s) list.Add(new DateRange(x.From, x.To));
            return DateRangeSet.Of(list);
        }
        DateRangeSet Routes(Route a, Route b = Route.NoneApplies)
        {
            if (cut is not null) return Day(onDay >= 0 && (spans[onDay].Route == a || spans[onDay].Route == b));
            var list = new List<DateRange>(2);
            foreach (var x in spans) if (x.Route == a || x.Route == b) list.Add(new DateRange(x.From, x.To));
            return DateRangeSet.Of(list);
        }
        DateRangeSet Age(LocalDate from, LocalDate to) => cut is not null ? Day(from <= window!.Value.Start && window.Value.Start < to) : DateRangeSet.Of(from, to);
        DateRangeSet InForce(LocalDate? from) => cut is not null ? Day(from is { } x && x <= window!.Value.Start) : DateRangeSet.From(from);
        DateRangeSet Education(Func<Education, bool> which)
        {
            if (h.Education.Count == 0) return DateRangeSet.Empty;
            var list = new List<DateRange>(h.Education.Count);
            for (var i = 0; i < h.Education.Count; i++)
                if (which(h.Education[i])) list.Add(new DateRange(h.Education[i].Start, h.Education[i].End ?? f.B25));
            var all = DateRangeSet.Of(list).Intersect(f.Dob, f.B25);
            return cut is null ? all : all.Intersect(cut);
        }
        // Facts about other dates than the window's.
        LocalDate? FirstDayOf(Status s)
        {
            foreach (var x in spans) if (x.Status == s) return x.From;
            return null;
        }
        Status StatusOn(LocalDate d) => IndexOn(spans, d) is var i and >= 0 ? spans[i].Status : Engine.Status.None;

        var eligible = Status(Engine.Status.Eligible);
        var relevant = Status(Engine.Status.Relevant);
        var formerRelevant = Status(Engine.Status.FormerRelevant);
        var qualifying = Status(Engine.Status.Qualifying);
        var firstQualifying = FirstDayOf(Engine.Status.Qualifying);
        var fr18to21 = formerRelevant.Intersect(f.B18, f.B21);
        var fr21to25 = formerRelevant.Intersect(f.B21, f.B25);
        var anyEducation = Education(_ => true);
        // s.23C(7): a programme of education or training begun before 21 continues to be supported;
        // s.23CA: on telling the council they are in or want education or training (from 1 April 2011).
        var continuingProgramme = fr21to25.Intersect(Education(e => e.Start < f.B21));
        var educationReturn = fr21to25.Intersect(anyEducation).Intersect(InForce(law.EducationReturnStart)).Except(continuingProgramme);
        var inEducationAfter21 = continuingProgramme.Union(educationReturn);
        // s.23CZB (from 1 April 2018): a personal adviser to 25 whether or not in education.
        var to25Offer = fr21to25.Intersect(InForce(law.PersonalAdviserTo25Start)).Except(inEducationAfter21);
        LocalDate? firstRequest = null;
        for (var i = 0; i < h.SupportRequests.Count; i++)
            if (h.SupportRequests[i].Date >= f.B21 && (firstRequest is null || h.SupportRequests[i].Date < firstRequest)) firstRequest = h.SupportRequests[i].Date;
        var to25OnRequest = firstRequest is { } req ? to25Offer.Intersect(InForce(req)) : DateRangeSet.Empty;

        // Personal adviser: Sch 2 para 19C; s.23B(2); s.23C(3)(a); s.23C(7)/s.23CA; s.23CZB.
        Add(PersonalAdviser, eligible, B.Sch2Para19C);
        Add(PersonalAdviser, relevant, B.S23B2);
        Add(PersonalAdviser, fr18to21, B.S23C3a);
        Add(PersonalAdviser, continuingProgramme, B.S23C7_S23C3a);
        Add(PersonalAdviser, educationReturn, B.S23CA);
        Add(PersonalAdviser, to25Offer, B.S23CZB, condition: "offered from 21 to 25; the young person may decline it");

        // Needs assessment and pathway plan: Sch 2 para 19B(4)-(5), CPPCR regs 42-43; s.23B(3), CLR regs 4-7;
        // s.23C(3)(b); s.23C(7)/s.23CA; s.23CZB on request.
        Add(PathwayPlan, eligible, B.Sch2Para19B45_Cppcr42);
        Add(PathwayPlan, relevant, B.S23B3_Clr4to7);
        Add(PathwayPlan, fr18to21, B.S23C3b_Clr4to7);
        Add(PathwayPlan, continuingProgramme, B.S23C7_S23C3b);
        Add(PathwayPlan, educationReturn, B.S23CA);
        Add(PathwayPlan, to25OnRequest, B.S23CZB, condition: "after a request for support made at 21 or over");

        // Keep in touch: s.23B(1); s.23C(2); s.24(4) for those qualifying after council care.
        Add(KeepInTouch, relevant, B.S23B1);
        Add(KeepInTouch, fr18to21.Union(inEducationAfter21), B.S23C2);
        Add(KeepInTouch, Routes(Route.QualifyingCouncilCare, Route.QualifyingSpecialGuardianship), B.S24_4);

        // Suitable accommodation and maintenance for a relevant child: s.23B(8); CLR 2010 reg 9.
        Add(AccommodationAndMaintenance, relevant, B.S23B8_Clr9);

        // Education, training and employment: s.23B(8); s.23C(4); s.23CA; s.24B (to 25 in education).
        var everQualifying = firstQualifying is not null;
        Add(EducationTrainingAssistance, relevant, B.S23B8_Clr9);
        Add(EducationTrainingAssistance, fr18to21, B.S23C4);
        Add(EducationTrainingAssistance, inEducationAfter21, B.S23CA_S23C7);
        Add(EducationTrainingAssistance, qualifying.Union(everQualifying ? anyEducation.Intersect(f.B21, f.B25).Except(formerRelevant) : DateRangeSet.Empty),
            B.S24B, condition: "a power: the council may help, after assessing need");

        // Higher education bursary: s.23C(5A), s.23CA(5); SI 2009/2274. Courses from 1 Sep 2008.
        foreach (var he in h.Education.Where(e => e.Kind == EducationKind.HigherEducation && e.Start >= law.HeBursaryCoursesFrom))
        {
            var span = formerRelevant.Intersect(he.Start, he.End ?? f.B25).Intersect(InForce(law.HeBursaryStart));
            if (span.IsEmpty) continue;
            var amount = law.AmountOn("amounts.higher_education_bursary", DateRange.Max(he.Start, law.HeBursaryStart ?? he.Start));
            Add(HigherEducationBursary, span, B.S23C5A_S23CA5_HeBursaryRegs,
                amount is { } a ? new Money(a, "once") : null, "for a course of two years or more; paid over the course");
        }

        // Vacation accommodation: s.23C(9) (former relevant); s.24B(5) (qualifying), to 25.
        var fullTimeHe = Education(e => e.FullTime && e.Kind == EducationKind.HigherEducation);
        var fullTimeFe = Education(e => e.FullTime && e.Kind == EducationKind.FurtherEducation);
        var careLeaverTo25 = formerRelevant.Union(firstQualifying is { } q ? Age(q, f.B25) : DateRangeSet.Empty);
        Add(VacationAccommodation, careLeaverTo25.Intersect(fullTimeHe), B.S23C9_S24B5);
        Add(VacationAccommodation, careLeaverTo25.Intersect(fullTimeFe), B.S23C9_S24B5, condition: "if the further education course is residential");

        // Staying put: s.23CZA, former relevant by route (b) in a council foster placement when care ended at 18.
        var lastCare = f.CareOn(f.B18.PlusDays(-1));
        if (lastCare is { } lc && lc.Episode.Placement is { } pl && law.FosterPlacements.Contains(pl))
            Add(StayingPut, Routes(Route.FormerRelevantCareTo18).Intersect(f.B18, law.Birthdays.Birthday(f.Dob, law.AgeStayingPutUntil)).Intersect(InForce(law.StayingPutStart)),
                B.S23CZA, condition: "if the young person and the former foster carer both want it");

        // Staying close: s.23CZAA, prospective until a commencement date is in rules/england/commencement.yaml.
        if (law.StayingCloseStart is { } sc)
            Add(StayingClose, formerRelevant.Intersect(InForce(sc)), law.Ref("commencement.staying_close"),
                condition: "if assessed as needing help to find and keep accommodation");

        // Advocacy and representations: s.26(3), s.26A, for every category (looked after included).
        var anyCategory = cut is not null ? Day(onDay >= 0 && spans[onDay].Status != Engine.Status.None)
            : DateRangeSet.Of(spans.Where(x => x.Status != Engine.Status.None).Select(x => new DateRange(x.From, x.To)));
        Add(Advocacy, anyCategory.Intersect(InForce(law.AdvocacyStart)), B.S26_S26A);

        // Priority need for housing, 18 to 20: looked after, accommodated or fostered between 16 and 18
        // (SI 2002/2051 art 4). f holds every care fact, adoption or not: the order asks only about care.
        var cared16to18 = f.Care.Any(c => c.Range.Overlaps(new DateRange(f.B16, f.B18)))
            || h.OtherCare.Any(o => new DateRange(o.Start, o.End ?? f.B18).Overlaps(new DateRange(f.B16, f.B18)));
        if (cared16to18)
            Add(PriorityNeedHousing, Age(f.B18, law.Birthdays.Birthday(f.Dob, law.AgePriorityNeedUntil)).Intersect(InForce(law.PriorityNeedStart)),
                B.PriorityNeed, condition: "not a 'relevant student' (under 24, in full-time further or higher education, with no term-time home in the vacation)");

        // Apprenticeship bursary: DfE/ESFA funding rules, amount by the apprenticeship's start date.
        foreach (var ap in h.Education.Where(e => e.Kind == EducationKind.Apprenticeship && e.Start < f.B25))
        {
            if (StatusOn(ap.Start) is not (Engine.Status.Eligible or Engine.Status.Relevant or Engine.Status.FormerRelevant)) continue;
            var amount = law.AmountOn("amounts.apprenticeship_bursary", ap.Start);
            if (amount is not { } a) continue;
            Add(ApprenticeshipBursary, Age(ap.Start, DateRange.Min(ap.End ?? f.B25, f.B25)),
                law.Ref("amounts.apprenticeship_bursary"), new Money(a, "once"), "paid by the training provider for an apprenticeship started before 25");
        }

        // 16-19 Bursary Fund, vulnerable group: in care or a care leaver, in post-16 education, under 19.
        var post16 = Education(e => e.Kind is EducationKind.FurtherEducation or EducationKind.Training);
        var inCareOrLeaver = Status(Engine.Status.LookedAfter).Union(eligible).Union(relevant).Union(formerRelevant);
        var bursarySpan = post16.Intersect(inCareOrLeaver).Intersect(f.B16, law.Birthdays.Birthday(f.Dob, law.AgeBursary1619Until)).Intersect(InForce(law.Bursary1619Start));
        foreach (var r in bursarySpan.Ranges)
        {
            var amount = law.AmountOn("amounts.bursary_16_19", r.Start);
            Add(Bursary1619, DateRangeSet.Of(r), law.Ref("amounts.bursary_16_19"), amount is { } a ? new Money(a, "yearly") : null,
                "up to this amount a year, paid by the school or college; for students aged 16 to 18 on 31 August");
        }

        // Shared accommodation rate exemption: former relevant, under 22 before 31 May 2021 and under 25 from then.
        var sar = law.Book.Get("ages.shared_accommodation_exemption_until").Values;
        for (var i = 0; i < sar.Count; i++)
        {
            if (sar[i].Value is not int upTo) continue;
            var until = i + 1 < sar.Count ? sar[i + 1].From : LocalDate.MaxIsoValue;
            Add(SharedAccommodationExemption,
                formerRelevant.Intersect(sar[i].From, until).Intersect(f.B18, law.Birthdays.Birthday(f.Dob, upTo)),
                law.Ref("ages.shared_accommodation_exemption_until"));
        }

        // Nothing is owed after death (REC E2).
        if (f.DeathDate is { } died)
            result = result.Where(e => e.From < died).Select(e => e.To > died ? e with { To = died } : e).ToList();
        return Merge(result);
    }

    private static int IndexOn(Span[] spans, LocalDate d)
    {
        for (var i = 0; i < spans.Length; i++)
            if (spans[i].From <= d && d < spans[i].To) return i;
        return -1;
    }

    /// <summary>The legal bases cited above, built once (named by their provisions).</summary>
    private static class B
    {
        public static readonly LegalReference[] PriorityNeed = [P.PriorityNeed];
        public static readonly LegalReference[] S23B1 = [P.S23B1];
        public static readonly LegalReference[] S23B2 = [P.S23B2];
        public static readonly LegalReference[] S23B3_Clr4to7 = [P.S23B3, P.Clr4to7];
        public static readonly LegalReference[] S23B8_Clr9 = [P.S23B8, P.Clr9];
        public static readonly LegalReference[] S23C2 = [P.S23C2];
        public static readonly LegalReference[] S23C3a = [P.S23C3a];
        public static readonly LegalReference[] S23C3b_Clr4to7 = [P.S23C3b, P.Clr4to7];
        public static readonly LegalReference[] S23C4 = [P.S23C4];
        public static readonly LegalReference[] S23C5A_S23CA5_HeBursaryRegs = [P.S23C5A, P.S23CA5, P.HeBursaryRegs];
        public static readonly LegalReference[] S23C7_S23C3a = [P.S23C7, P.S23C3a];
        public static readonly LegalReference[] S23C7_S23C3b = [P.S23C7, P.S23C3b];
        public static readonly LegalReference[] S23C9_S24B5 = [P.S23C9, P.S24B5];
        public static readonly LegalReference[] S23CA = [P.S23CA];
        public static readonly LegalReference[] S23CA_S23C7 = [P.S23CA, P.S23C7];
        public static readonly LegalReference[] S23CZA = [P.S23CZA];
        public static readonly LegalReference[] S23CZB = [P.S23CZB];
        public static readonly LegalReference[] S24B = [P.S24B];
        public static readonly LegalReference[] S24_4 = [P.S24_4];
        public static readonly LegalReference[] S26_S26A = [P.S26, P.S26A];
        public static readonly LegalReference[] Sch2Para19B45_Cppcr42 = [P.Sch2Para19B45, P.Cppcr42];
        public static readonly LegalReference[] Sch2Para19C = [P.Sch2Para19C];
    }

    /// <summary>Joins touching spans of one entitlement with the same basis; sorts by start then id.</summary>
    private static List<Entitlement> Merge(List<Entitlement> list)
    {
        if (list.Count <= 1) return list;
        list.Sort(static (x, y) => string.CompareOrdinal(x.Id, y.Id) is var c and not 0 ? c : x.From.CompareTo(y.From));
        var merged = new List<Entitlement>(list.Count);
        foreach (var e in list)
        {
            if (merged.Count > 0 && merged[^1] is var last && last.Id == e.Id && last.To == e.From
                && last.Amount == e.Amount && last.Condition == e.Condition && last.Basis.SequenceEqual(e.Basis))
                merged[^1] = last with { To = e.To };
            else merged.Add(e);
        }
        merged.Sort(static (x, y) => x.From.CompareTo(y.From) is var c and not 0 ? c : string.CompareOrdinal(x.Id, y.Id));
        return merged;
    }
}
