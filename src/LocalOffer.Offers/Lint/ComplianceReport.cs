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

    /// <summary>Topics that are payments: an item about them gives an amount, or says how to find it out.</summary>
    public static readonly IReadOnlySet<string> MoneyTopics = new HashSet<string>
        { "setting-up-home", "birthday", "festival", "maintenance", "clothing", "emergency-money", "driving-lessons" };

    public static bool IsMoney(OfferItem i) => !i.Statutory && (i.Topic is { } t ? MoneyTopics.Contains(t) : i.Area == "finances" && i.Topic is null);

    public static IReadOnlyList<Finding> For(Council council, LocalDate asAt, EnglandLaw law)
    {
        var findings = new List<Finding>();
        var councilFile = Path.Combine(council.Folder, "council.yaml");
        void Add(string file, long line, string message) => findings.Add(new Finding(Severity.Compliance, file, line, 0, message));
        var v = council.OfferOn(asAt);
        if (v is null)
        {
            Add(councilFile, 0, $"no offer published by {asAt:yyyy-MM-dd} (CSWA 2017 s.2 requires a published offer)");
            return findings;
        }
        var items = v.Items.Where(i => i.InForceOn(asAt)).ToList();
        foreach (var area in OfferVocabulary.DfeAreas.Where(a => items.All(i => i.Area != a)))
            Add(v.File, 0, $"no item covers the DfE area '{OfferVocabulary.Areas[area]}'");
        foreach (var id in RequiredEntitlements(law).Where(id => items.All(i => i.Entitlement != id)))
            Add(v.File, 0, $"the statutory entitlement '{id}' ({law.Entitlements[id].Title}) is not explained by any statutory item");
        // An overdue review never ends the offer: it stays in force until a newer version (CSWA 2017 s.2).
        // Either finding means the young person's pages must say the offer may be out of date (OfferRules.PastReview).
        if (v.NextReview is null) Add(v.File, 0, "no next_review date");
        else if (v.NextReview < asAt) Add(v.File, 0, $"review overdue: next_review {v.NextReview:yyyy-MM-dd} is past on {asAt:yyyy-MM-dd} (the offer stays in force until the council publishes a newer one)");
        var lastReviewed = OfferRules.LastDated(v);
        if (OfferRules.ReviewYears(law, asAt) is { } years && lastReviewed.PlusYears(years) < asAt)
            Add(v.File, 0, $"not reviewed for more than {years} years (last {lastReviewed:yyyy-MM-dd}; DfE Local offer guidance 2018 expects a review every 2 to 3 years)");
        if (v.Published is null) Add(v.File, 0, "no published date");
        if (v.CoProduction is null) Add(v.File, 0, "does not say how care leavers helped write the offer");
        if (v.StayingPutPolicy is null) Add(v.File, 0, "no link to, or summary of, the staying put policy");
        // The leaving care team itself is required (a lint error, PolicyLoader); the others are warnings.
        var expected = OfferVocabulary.RequiredContactKinds.Where(k => k != "leaving_care_team");
        foreach (var kind in expected.Where(k => !council.Contacts.ContainsKey(k)))
            Add(councilFile, 0, $"no {OfferVocabulary.ContactKindLabels[kind].ToLowerInvariant()} contact");
        if (council.Website is null) Add(councilFile, 0, "no council website");
        foreach (var i in items.Where(IsMoney))
        {
            if (i.Amount is null) Add(v.File, i.Line, $"item '{i.Id}' ({i.Title}) gives no amount and does not say how to find it out");
            else if (i.Amount.Gbp is null)
                Add(v.File, i.Line, $"item '{i.Id}' ({i.Title}) gives no amount (the council publishes none: ask)");
            if (i.Amount is { HowToClaim: null })
                Add(v.File, i.Line, $"item '{i.Id}' ({i.Title}) does not say how to claim it");
        }
        if (items.All(i => i.Topic != "council-tax")) Add(v.File, 0, "does not say whether care leavers get council tax support (LGFA 1992 s.13A)");
        foreach (var i in items.Where(i => i.Topic == "council-tax" && i.CouncilTax is null))
            Add(v.File, i.Line, $"item '{i.Id}': council tax support is not set out (council_tax: ages, share of the bill, who pays, how to claim)");
        // DfE recommended minimum setting up home allowance (a recommendation, so compliance only).
        if (law.SettingUpHomeRecommended.On(asAt) is { } recommended)
            foreach (var i in items.Where(i => i.Topic == "setting-up-home" && i.Amount?.Gbp is { } g && g < recommended))
                Add(v.File, i.Line, $"item '{i.Id}': {LocalOffer.Core.Output.Gbp.Format(i.Amount!.Gbp!.Value)} is below the DfE recommended "
                    + LocalOffer.Core.Output.Gbp.Format(recommended));
        // CWSA 2026 s.8 areas: measured once commenced, told as "required from" while the date is ahead, and
        // nothing said while it has no date (a dated rule with no start date yet).
        foreach (var (topic, provision, from) in OfferRules.Cwsa2026S8Gaps(law, items))
        {
            var what = $"no item covers '{OfferVocabulary.Topics[topic]}' ({provision}, inserted by CWSA 2026 s.8";
            if (from <= asAt) Add(v.File, 0, $"{what}, in force from {from:yyyy-MM-dd})");
            else findings.Add(new Finding(Severity.Upcoming, v.File, 0, 0, $"{what}): required from {from:yyyy-MM-dd}"));
        }
        return findings;
    }
}
