using LocalOffer.Core.Engine;
using LocalOffer.Core.Rules;
using LocalOffer.Offers.Policy;
using NodaTime;

namespace LocalOffer.Offers.Lint;

/// <summary>
/// The offer in force on a date measured against the DfE Local offer guidance (February 2018) and
/// CSWA 2017 s.2: the six areas, every statutory entitlement explained, statutory and
/// discretionary kept apart, a review date not past, contacts, the staying put policy, and money
/// items that give no amount. Each finding is a compliance finding, never an invented fix.
/// </summary>
public static class ComplianceReport
{
    /// <summary>
    /// The statutory entitlements every offer must explain: those marked must_explain in
    /// rules/england/entitlements.yaml.
    /// </summary>
    public static IEnumerable<string> RequiredEntitlements(EnglandLaw law) => law.Entitlements.MustExplain;

    public static IReadOnlyList<Finding> For(Council council, LocalDate asAt, EnglandLaw law)
    {
        var findings = new List<Finding>();
        var councilFile = Path.Combine(council.Folder, "council.yaml");
        void Add(string file, long line, string message) => findings.Add(new Finding(Severity.Compliance, file, line, 0, message));
        var v = council.OfferOn(asAt);
        if (v is null)
        {
            Add(councilFile, 0, $"no offer is in force on {asAt:yyyy-MM-dd} (CSWA 2017 s.2 requires a published offer)");
            return findings;
        }
        var items = v.Items.Where(i => i.InForceOn(asAt)).ToList();
        foreach (var area in OfferVocabulary.DfeAreas.Where(a => items.All(i => i.Area != a)))
            Add(v.File, 0, $"no item covers the DfE area '{OfferVocabulary.Areas[area]}'");
        foreach (var id in RequiredEntitlements(law).Where(id => items.All(i => i.Entitlement != id)))
            Add(v.File, 0, $"the statutory entitlement '{id}' ({law.Entitlements[id].Title}) is not explained by any statutory item");
        if (v.NextReview is null) Add(v.File, 0, "no next_review date");
        else if (v.NextReview < asAt) Add(v.File, 0, $"next_review {v.NextReview:yyyy-MM-dd} is past on {asAt:yyyy-MM-dd}");
        if (v.Published is null) Add(v.File, 0, "no published date");
        if (v.CoProduction is null) Add(v.File, 0, "does not say how care leavers helped write the offer");
        if (v.StayingPutPolicy is null) Add(v.File, 0, "no link to, or summary of, the staying put policy");
        foreach (var kind in OfferVocabulary.ContactKinds)
        {
            if (!council.Contacts.TryGetValue(kind, out var c)) Add(councilFile, 0, $"no {kind.Replace('_', ' ')} contact");
            else if (c.Phone is null && c.Email is null && c.Website is null) Add(councilFile, 0, $"the {kind.Replace('_', ' ')} contact has no phone, email or website");
        }
        if (council.Website is null) Add(councilFile, 0, "no council website");
        foreach (var i in items.Where(i => i.Area == "finances" && i.Amount is null && !i.Statutory))
            Add(v.File, i.Line, $"item '{i.Id}' ({i.Title}) gives no amount");
        // DfE recommended minimum setting up home allowance (a recommendation, so compliance only).
        if (law.SettingUpHomeRecommended.On(asAt) is { } recommended)
            foreach (var i in items.Where(i => i.Id.Contains("setting-up-home") && i.Amount is { } a && a.Gbp < recommended))
                Add(v.File, i.Line, $"item '{i.Id}': £{i.Amount!.Gbp:#,0} is below the DfE recommended £{recommended:#,0}");
        return findings;
    }
}
