using LocalOffer.Core.Engine;
using LocalOffer.Core.Model;
using LocalOffer.Core.Rules;
using LocalOffer.Offers.Policy;
using NodaTime;

namespace LocalOffer.Offers.Render;

/// <summary>A statutory entitlement with the council's own words about it, if its offer has any.</summary>
public sealed record PersonalEntitlement(Entitlement Entitlement, OfferItem? CouncilItem);

/// <summary>Something that changes on a date: a new status, a birthday, an entitlement starting or ending.</summary>
public sealed record Change(LocalDate On, string What);

/// <summary>One young person's local offer on a date: built from the rules core's assessment and the council's offer.</summary>
public sealed record PersonalOffer(
    Assessment Assessment,
    Council Council,
    OfferVersion? Version,
    string StatusMeaning,
    IReadOnlyList<PersonalEntitlement> Statutory,
    IReadOnlyList<OfferItem> CouncilItems,
    IReadOnlyList<OfferItem> MayApply,
    IReadOnlyList<Change> Next);

/// <summary>
/// Builds the personal offer. The law comes from the assessment (never recomputed here); the
/// council's items are matched on category, age and the circumstances the history shows
/// (education, apprenticeship, training, leaving custody). Circumstances a history cannot show
/// (young parent, disabled, asylum-seeking, where they live) are listed as "may apply: ask".
/// </summary>
public static class PersonalOfferBuilder
{
    private static readonly IReadOnlySet<string> Unknowable = new HashSet<string> { "young-parent", "unaccompanied-asylum-seeking", "disabled", "in-area", "out-of-area" };
    private static readonly IReadOnlySet<Status> CareLeavers = new HashSet<Status> { Status.Eligible, Status.Relevant, Status.FormerRelevant, Status.Qualifying };

    public static PersonalOffer Build(Assessment a, CareHistory history, Council council, EnglandLaw law)
    {
        var version = council.OfferOn(a.AsAt);
        var items = version?.Items.Where(i => i.InForceOn(a.AsAt)).ToList() ?? [];
        // The council's words for an entitlement, from an item for this age (Wakefield's "a pathway plan that
        // prepares you before 18" is not told to a 19-year-old: the law's own summary is, instead).
        var statutory = a.Entitlements.Select(e => new PersonalEntitlement(e, items.FirstOrDefault(i => i.Entitlement == e.Id
            && (i.For.MinAge is null || a.Age >= i.For.MinAge) && (i.For.MaxAge is null || a.Age <= i.For.MaxAge)))).ToList();
        var known = KnownCircumstances(history, a.AsAt);
        var applies = new List<OfferItem>();
        var mayApply = new List<OfferItem>();
        foreach (var item in items.Where(i => !i.Statutory))
        {
            var f = item.For;
            var categoryOk = f.Categories.Count == 0 ? CareLeavers.Contains(a.Status) : f.Categories.Contains(a.Status);
            var ageOk = (f.MinAge is null || a.Age >= f.MinAge) && (f.MaxAge is null || a.Age <= f.MaxAge);
            if (!categoryOk || !ageOk) continue;
            if (f.Circumstances.Count == 0 || f.Circumstances.Any(known.Contains)) applies.Add(item);
            else if (f.Circumstances.Any(Unknowable.Contains)) mayApply.Add(item);
        }
        var meaning = a.StatusRoute == Route.RelevantDetainedAt16 ? DetainedAt16 : Meaning(a.Status);
        return new PersonalOffer(a, council, version, meaning, statutory, applies, mayApply, NextChanges(a, law));
    }

    private static HashSet<string> KnownCircumstances(CareHistory h, LocalDate d)
    {
        var known = new HashSet<string>();
        foreach (var e in h.Education.Where(e => e.Start <= d && (e.End is null || d < e.End)))
            known.Add(e.Kind switch
            {
                EducationKind.HigherEducation => "higher-education",
                EducationKind.FurtherEducation => "further-education",
                EducationKind.Apprenticeship => "apprenticeship",
                _ => "training",
            });
        // Leaving custody: in custody now, or released within the last year.
        if (h.Detentions.Any(x => x.Kind == DetentionKind.Custody && x.Start <= d && (x.End is null || x.End.Value.PlusYears(1) > d)))
            known.Add("leaving-custody");
        return known;
    }

    // CLR 2010 reg 3(2): relevant without having left care at 16 or 17.
    private const string DetainedAt16 = "You were in custody or in hospital on your 16th birthday, after being in care for at least 13 weeks since you were 14. The council must support you as a care leaver: a personal adviser, a pathway plan, somewhere suitable to live and money to live on.";

    /// <summary>
    /// The catalogue key of what the young person's status means (translations/, meaning.*): its
    /// English there is <see cref="Meaning"/>'s, word for word (a test compares them).
    /// </summary>
    public static string MeaningKey(Assessment a) =>
        a.StatusRoute == Route.RelevantDetainedAt16 ? "meaning.detained-at-16" : MeaningKey(a.Status);

    public static string MeaningKey(Status s) => "meaning." + s switch
    {
        Status.Eligible => "eligible",
        Status.Relevant => "relevant",
        Status.FormerRelevant => "former-relevant",
        Status.Qualifying => "qualifying",
        Status.LookedAfter => "in-care",
        _ => "none",
    };

    /// <summary>What it means to be relevant though detained at 16 (CLR 2010 reg 3(2)).</summary>
    public static string DetainedAt16Meaning => DetainedAt16;

    public static string Meaning(Status s) => s switch
    {
        Status.Eligible => "You are in care and have been for at least 13 weeks since you were 14, so you get leaving care support. You have a personal adviser and a pathway plan, and support continues after you leave care.",
        Status.Relevant => "You have left care aged 16 or 17. The council must support you: a personal adviser, a pathway plan, somewhere suitable to live and money to live on.",
        Status.FormerRelevant => "You are 18 or over and were in care as a teenager. The council must keep in touch, give you a personal adviser and a pathway plan, and help with education, training and work, up to 25.",
        Status.Qualifying => "You were looked after, accommodated or privately fostered after 16, or have a special guardianship order after care. The council must advise you and can help you, up to 21 (25 for education or training).",
        Status.LookedAfter => "You are looked after by the council. Leaving care support starts at 16 once you have been in care for 13 weeks since you were 14.",
        _ => "On this date you are not a care leaver in law, so the council's leaving care duties do not apply. Ask your personal adviser if you think this is wrong.",
    };

    // Milestone ages come from the rules, so any age may appear: 21st, 22nd, 23rd, 11th-13th.
    private static string Ordinal(int n) =>
        n + ((n % 100) is 11 or 12 or 13 ? "th" : (n % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" });

    private static List<Change> NextChanges(Assessment a, EnglandLaw law)
    {
        var birthdays = law.Birthdays;
        var changes = new List<Change>();
        // "you become not a care leaver" reads badly: the end of care leaver status is said plainly.
        if (a.NextChange is { } n) changes.Add(new Change(n.On, n.To == Status.None ? "you are no longer a care leaver: the council's duties to you end" : $"you become {n.To.Plain()}"));
        foreach (var age in law.MilestoneAges.Skip(1))
        {
            var b = birthdays.Birthday(a.DateOfBirth, age);
            if (b > a.AsAt) changes.Add(new Change(b, $"your {Ordinal(age)} birthday"));
        }
        // One run per entitlement: a change of legal basis is not an end (the support goes on).
        foreach (var ev in EntitlementEvents.After(a.AllEntitlements, a.AsAt, birthdays.Birthday(a.DateOfBirth, law.AgeCareLeaverUntil)))
            changes.Add(new Change(ev.On, ev.Kind switch
            {
                EntitlementEventKind.Starts => $"{ev.Run.Title} starts",
                EntitlementEventKind.Continues => $"{ev.Run.Title} continues{(ev.Period!.Condition is { } c ? $": {c}" : "")}",
                _ => $"{ev.Run.Title} ends",
            }));
        return changes.GroupBy(c => (c.On, c.What)).Select(g => g.First()).OrderBy(c => c.On).Take(12).ToList();
    }
}
