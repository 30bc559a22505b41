using LocalOffer.Core.Rules;
using LocalOffer.Offers.Lint;
using LocalOffer.Offers.Policy;
using NodaTime;

namespace LocalOffer.WhatIf;

/// <summary>One item CWSA 2026 s.8 adds to the local offer that a council's offer does not cover yet.</summary>
/// <param name="OfferFrom">The offer looked at: the one in force when s.8 begins, or on the as-at date if later.</param>
public sealed record LocalOfferGap(string Council, string CouncilName, LocalDate? OfferFrom, string Topic, string Title,
    string Provision, LocalDate RequiredFrom);

/// <summary>
/// Each council's local offer (rules/councils) against the items CWSA 2026 s.8 adds to CSWA 2017 s.2, when the
/// law as changed gives s.8 a date (`--set local_offer.cwsa_2026_s8_areas=YYYY-MM-DD`): what each lacks, required
/// from that date. The same measure as `lint` (<see cref="OfferRules.Cwsa2026S8Gaps"/>).
/// </summary>
public static class LocalOfferGaps
{
    public static IReadOnlyList<LocalOfferGap> For(OfferCatalog offers, EnglandLaw law, LocalDate asAt)
    {
        if (law.LocalOfferCwsa2026S8Start is not { } start) return [];
        var on = start > asAt ? start : asAt;
        var gaps = new List<LocalOfferGap>();
        foreach (var council in offers.Councils)
        {
            var offer = council.OfferOn(on);
            var items = offer?.Items.Where(i => i.InForceOn(on)) ?? [];
            foreach (var (topic, provision, from) in OfferRules.Cwsa2026S8Gaps(law, items))
                gaps.Add(new LocalOfferGap(council.Id, council.Name, offer?.InForceFrom, topic, OfferVocabulary.Topics[topic],
                    provision, from));
        }
        return gaps;
    }
}
