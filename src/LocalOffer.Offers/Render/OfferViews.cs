using LocalOffer.Core;
using LocalOffer.Core.Engine;
using LocalOffer.Core.Rules;
using LocalOffer.Offers.Policy;
using NodaTime;

namespace LocalOffer.Offers.Render;

/// <summary>Plain view models for the templates: every value already in the words a reader sees.</summary>
public static class OfferViews
{
    /// <summary>The provisions behind a statutory entitlement (rules/england/entitlements.yaml).</summary>
    public static IReadOnlyList<LegalReference> LawFor(string entitlement, EnglandLaw law) =>
        law.Entitlements.Contains(entitlement) ? law.Entitlements[entitlement].Provisions : [];

    public static string AreaFile(string area) => $"{area}.html";

    public static object Item(OfferItem i, EnglandLaw law) => new
    {
        id = i.Id,
        title = i.Title,
        description = i.Description,
        amount = i.Amount?.ToString(),
        forText = ForText(i.For),
        provider = i.Provider,
        source = i.Source,
        statutory = i.Statutory,
        dates = i.From is null && i.To is null ? null
            : $"{(i.From is { } f ? $"from {f:d MMMM yyyy}" : "")}{(i.To is { } t ? $" until {t.PlusDays(-1):d MMMM yyyy}" : "")}".Trim(),
        law = i.Entitlement is { } e ? LawFor(e, law).Select(r => new { citation = r.Citation, url = r.Url }).ToArray() : [],
    };

    /// <summary>"Care leavers aged 18 to 20 in higher education", in plain words.</summary>
    public static string ForText(Eligibility e)
    {
        var who = e.Categories.Count == 0 ? "All care leavers" : string.Join(", ", e.Categories.Select(c => c.Plain()));
        var ages = (e.MinAge, e.MaxAge) switch
        {
            (null, null) => "",
            ({ } a, null) => $", aged {a} or over",
            (null, { } b) => $", aged {b} or under",
            ({ } a, { } b) => $", aged {a} to {b}",
        };
        var circumstances = e.Circumstances.Count == 0 ? "" : ", if " + string.Join(" or ", e.Circumstances.Select(c => OfferVocabulary.Circumstances[c]));
        return who + ages + circumstances;
    }

    public static object[] Contacts(Council c) =>
        OfferVocabulary.ContactKinds.Where(c.Contacts.ContainsKey).Select(k =>
        {
            var x = c.Contacts[k];
            return (object)new
            {
                label = k switch { "leaving_care_team" => "Leaving care team", "housing" => "Housing", "advocacy" => "Advocacy", _ => "Out of hours" },
                name = x.Name, phone = x.Phone, phoneLink = x.Phone?.Replace(" ", ""), email = x.Email, website = x.Website, hours = x.Hours,
            };
        }).ToArray();
}
