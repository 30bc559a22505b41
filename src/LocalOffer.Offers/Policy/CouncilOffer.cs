using LocalOffer.Core.Engine;
using NodaTime;

namespace LocalOffer.Offers.Policy;

/// <summary>A council and every dated version of its local offer (rules/councils/&lt;id&gt;/).</summary>
public sealed record Council(
    string Id,
    string Name,
    string? Website,
    IReadOnlyDictionary<string, Contact> Contacts,
    string Source,
    IReadOnlyList<OfferVersion> Versions,
    string Folder,
    string? Notes = null,
    IReadOnlyList<string>? NationalContactIds = null,
    // `template: true` in council.yaml: an illustrative offer to start from (the DfE's), not a council;
    // comparisons show it apart from the councils (issue 28).
    bool IsTemplate = false)
{
    /// <summary>
    /// The version in force on a date: the latest one in force from on or before it. A published
    /// offer stays the council's offer until it publishes a newer one (CSWA 2017 s.2; an overdue
    /// review is a compliance finding, never a gap in the offer).
    /// </summary>
    public OfferVersion? OfferOn(LocalDate date) => Versions.Where(v => v.InForceFrom <= date).MaxBy(v => v.InForceFrom);

    /// <summary>The day a version stops being the offer: the day the next one comes into force, or null.</summary>
    public LocalDate? SupersededOn(OfferVersion version) =>
        Versions.Where(v => v.InForceFrom > version.InForceFrom).Select(v => (LocalDate?)v.InForceFrom).Min();
}

/// <summary>
/// How to reach a team. Every field optional: a source that gives none gives none. Source says
/// where the details come from, by URL (for officers; never published to young people). The
/// leaving care team itself must give a phone, an email or a contact form, and hours (lint).
/// </summary>
public sealed record Contact(string? Name, string? Phone, string? Email, string? Website, string? Hours,
    string? Address = null, string? Source = null, string? ContactForm = null);

/// <summary>
/// A national service every published offer lists (rules/national-contacts.yaml), unless a council
/// names its own selection. Each comes from a public page, kept as the source.
/// </summary>
public sealed record NationalContact(string Id, string Name, string What, string? Phone, string? Email, string? Website,
    string? Hours, string SourceUrl, string SourceSection);

/// <summary>
/// One version of a council's offer: in force from a date (inclusive) until the next version comes
/// into force, with when it was published, last reviewed and is next reviewed, and how care leavers
/// helped write it. Notes are for officers and lint, never published.
/// </summary>
public sealed record OfferVersion(
    string File,
    LocalDate InForceFrom,
    LocalDate? LastReviewed,
    LocalDate? Published,
    LocalDate? NextReview,
    string? CoProduction,
    string? StayingPutPolicy,
    string Source,
    IReadOnlyList<OfferItem> Items,
    string? Notes = null);

/// <summary>
/// One thing the offer gives. Statutory items explain a rules-core entitlement (by its id);
/// discretionary items are the council's own choice. Its published words are <see cref="PolicyText"/>:
/// the English, and the council's own text in other languages where it gives any.
/// </summary>
public sealed record OfferItem(
    string Id,
    string Area,
    PolicyText Title,
    PolicyText Description,
    bool Statutory,
    string? Entitlement,
    Eligibility For,
    ItemMoney? Amount,
    PolicyText? Provider,
    LocalDate? From,
    LocalDate? To,
    string Source,
    long Line,
    string? Topic = null,
    CouncilTaxSupport? CouncilTax = null,
    string? Notes = null)
{
    public bool InForceOn(LocalDate d) => (From is null || From <= d) && (To is null || d < To);
}

/// <summary>Who an item is for: categories (none = all care leavers), ages, circumstances.</summary>
public sealed record Eligibility(IReadOnlyList<Status> Categories, int? MinAge, int? MaxAge, IReadOnlyList<string> Circumstances)
{
    public static readonly Eligibility Everyone = new([], null, null, []);
}

/// <summary>
/// Money an item gives: an amount in pounds and how often (once, weekly, monthly, yearly), "up to"
/// when it is a most, the age it stops at, the conditions, what it covers and how to claim. When the
/// council publishes no amount, <see cref="Ask"/> is true (the page says to ask the leaving care
/// team how much, with its contact) and <see cref="HowToFindOut"/> may add how; never a made-up figure.
/// </summary>
public sealed record ItemMoney(decimal? Gbp, string? Period, bool UpTo = false, int? UntilAge = null,
    PolicyText? Conditions = null, PolicyText? Covers = null, PolicyText? HowToClaim = null,
    PolicyText? HowToFindOut = null, bool Ask = false)
{
    public ItemMoney(decimal gbp, string period) : this((decimal?)gbp, period) { }

    /// <summary>"Up to £2,000", "£57.90 a week"; null when the offer gives no amount.</summary>
    public override string? ToString() => Gbp is not { } g ? null : (UpTo ? "Up to " : "") + LocalOffer.Core.Output.Gbp.Format(g)
        + Period switch
    {
        "once" => "",
        "weekly" => " a week",
        "monthly" => " a month",
        _ => " a year",
    };
}

/// <summary>
/// Council tax support for care leavers (Local Government Finance Act 1992 s.13A): from and until
/// which age, the share of the bill paid for a care leaver who pays it alone, what happens when the
/// bill is shared (joint liability), and who pays in a two-tier area (the district that bills).
/// </summary>
public sealed record CouncilTaxSupport(int? FromAge, int? UntilAge, int? SharePercent, PolicyText? Joint,
    PolicyText? WhoPays, PolicyText? HowToClaim);

/// <summary>The vocabularies a policy file may use.</summary>
public static class OfferVocabulary
{
    /// <summary>The six DfE areas (Local offer guidance 2018), then the two councils often add.</summary>
    public static readonly IReadOnlyDictionary<string, string> Areas = new Dictionary<string, string>
    {
        ["health-and-wellbeing"] = "Health and wellbeing",
        ["relationships"] = "Relationships",
        ["education-and-training"] = "Education and training",
        ["employment"] = "Employment",
        ["accommodation"] = "Accommodation",
        ["participation-in-society"] = "Participation in society",
        ["finances"] = "Money and finances",
        ["rights"] = "Your rights",
    };

    public static readonly IReadOnlyList<string> DfeAreas =
        ["health-and-wellbeing", "relationships", "education-and-training", "employment", "accommodation", "participation-in-society"];

    public static readonly IReadOnlyDictionary<string, string> Circumstances = new Dictionary<string, string>
    {
        ["higher-education"] = "in higher education",
        ["further-education"] = "in further education",
        ["apprenticeship"] = "on an apprenticeship",
        ["training"] = "in training",
        ["young-parent"] = "a young parent",
        ["unaccompanied-asylum-seeking"] = "an unaccompanied asylum-seeking young person",
        ["leaving-custody"] = "leaving custody",
        ["disabled"] = "disabled",
        ["in-area"] = "living in the council's area",
        ["out-of-area"] = "placed or living outside the council's area",
    };

    /// <summary>The contacts a council gives, in the order a young person needs them.</summary>
    public static readonly IReadOnlyDictionary<string, string> ContactKindLabels = new Dictionary<string, string>
    {
        ["leaving_care_team"] = "Leaving care team",
        ["out_of_hours"] = "Out of hours (evenings, weekends, bank holidays)",
        ["advocacy"] = "Advocacy",
        ["complaints"] = "Complaints",
        ["housing"] = "Housing",
    };

    public static readonly IReadOnlyList<string> ContactKinds = ContactKindLabels.Keys.ToArray();

    /// <summary>The contacts every offer must give (DfE Local offer guidance 2018: who to contact, and how to complain).</summary>
    public static readonly IReadOnlyList<string> RequiredContactKinds = ["leaving_care_team", "out_of_hours", "advocacy", "complaints"];

    /// <summary>
    /// What an item is about, so offers can be compared across councils. The last four are the
    /// areas CWSA 2026 s.8 adds to CSWA 2017 s.2 (prospective; <see cref="Lint.OfferRules.Cwsa2026S8Topics"/>).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> Topics = new Dictionary<string, string>
    {
        ["setting-up-home"] = "Setting up home allowance",
        ["council-tax"] = "Council tax support",
        ["leisure"] = "Leisure",
        ["travel"] = "Travel",
        ["driving-lessons"] = "Driving lessons",
        ["id-documents"] = "ID documents",
        ["birthday"] = "Birthday payments",
        ["festival"] = "Festival payments",
        ["higher-education"] = "Higher education extras",
        ["apprenticeship"] = "Apprenticeship extras",
        ["staying-put"] = "Staying put",
        ["maintenance"] = "Weekly allowance",
        ["clothing"] = "Clothing",
        ["emergency-money"] = "Emergency money",
        ["transition"] = "Transition arrangements",
        ["financial-literacy"] = "Financial literacy",
        ["homelessness-prevention"] = "Preventing homelessness",
        ["release-from-custody"] = "Finding a home on release from custody",
    };

    public static readonly IReadOnlyList<string> Periods = ["once", "weekly", "monthly", "yearly"];
}
