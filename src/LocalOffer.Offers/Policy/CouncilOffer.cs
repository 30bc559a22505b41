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
    string Folder)
{
    /// <summary>The version in force on a date, if any.</summary>
    public OfferVersion? OfferOn(LocalDate date) =>
        Versions.Where(v => v.InForceFrom <= date && (v.InForceTo is null || date < v.InForceTo)).MaxBy(v => v.InForceFrom);
}

/// <summary>How to reach a team. Every field optional: a source that gives none gives none.</summary>
public sealed record Contact(string? Name, string? Phone, string? Email, string? Website, string? Hours);

/// <summary>
/// One version of a council's offer: in force from a date (inclusive) to a date (exclusive, or
/// open), with when it was published and is next reviewed, and how care leavers helped write it.
/// </summary>
public sealed record OfferVersion(
    string File,
    LocalDate InForceFrom,
    LocalDate? InForceTo,
    LocalDate? Published,
    LocalDate? NextReview,
    string? CoProduction,
    string? StayingPutPolicy,
    string Source,
    IReadOnlyList<OfferItem> Items);

/// <summary>
/// One thing the offer gives. Statutory items explain a rules-core entitlement (by its id);
/// discretionary items are the council's own choice.
/// </summary>
public sealed record OfferItem(
    string Id,
    string Area,
    string Title,
    string Description,
    bool Statutory,
    string? Entitlement,
    Eligibility For,
    ItemAmount? Amount,
    string? Provider,
    LocalDate? From,
    LocalDate? To,
    string Source,
    long Line)
{
    public bool InForceOn(LocalDate d) => (From is null || From <= d) && (To is null || d < To);
}

/// <summary>Who an item is for: categories (none = all care leavers), ages, circumstances.</summary>
public sealed record Eligibility(IReadOnlyList<Status> Categories, int? MinAge, int? MaxAge, IReadOnlyList<string> Circumstances)
{
    public static readonly Eligibility Everyone = new([], null, null, []);
}

/// <summary>An amount in pounds and how often: once, weekly, monthly or yearly.</summary>
public sealed record ItemAmount(decimal Gbp, string Period)
{
    public override string ToString() => Period switch
    {
        "once" => $"£{Gbp:#,0.##}",
        "weekly" => $"£{Gbp:#,0.##} a week",
        "monthly" => $"£{Gbp:#,0.##} a month",
        _ => $"£{Gbp:#,0.##} a year",
    };
}

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

    public static readonly IReadOnlyList<string> ContactKinds = ["leaving_care_team", "housing", "advocacy", "out_of_hours"];

    public static readonly IReadOnlyList<string> Periods = ["once", "weekly", "monthly", "yearly"];
}
