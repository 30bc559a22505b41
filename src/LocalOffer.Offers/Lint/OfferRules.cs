using LocalOffer.Core.Rules;
using NodaTime;

namespace LocalOffer.Offers.Lint;

/// <summary>The dated local offer parameters in rules/england/local_offer.yaml, read from the rule book.</summary>
public static class OfferRules
{
    public const string ReviewEveryYears = "local_offer.review_every_years";
    public const string Cwsa2026S8 = "local_offer.cwsa_2026_s8_areas";

    /// <summary>
    /// The topics CWSA 2026 s.8 adds to the local offer (CSWA 2017 s.2 as amended), each with the words it inserts:
    /// s.2(1)(c) "the arrangements ... for the purpose of supporting and assisting care leavers in their transition
    /// to adulthood and independent living"; s.2(2)(g) "financial literacy"; s.2(2A)(c)(i) assistance to find and
    /// keep suitable accommodation for former relevant children under 25 "who are at risk of homelessness", with
    /// s.2(2B) "early intervention to prevent" homelessness; s.2(2A)(c)(ii) the same "on their release from
    /// detention" (prison, a young offender institution or a secure training centre).
    /// </summary>
    public static readonly IReadOnlyList<(string Topic, string Provision)> Cwsa2026S8Topics =
    [
        ("transition", "CSWA 2017 s.2(1)(c)"),
        ("financial-literacy", "CSWA 2017 s.2(2)(g)"),
        ("homelessness-prevention", "CSWA 2017 s.2(2A)(c)(i), (2B)"),
        ("release-from-custody", "CSWA 2017 s.2(2A)(c)(ii)"),
    ];

    /// <summary>
    /// The s.8 topics an offer's items do not cover, with the provision requiring each and the day it is required
    /// from; none while s.8 has no date.
    /// </summary>
    public static IEnumerable<(string Topic, string Provision, LocalDate From)> Cwsa2026S8Gaps(EnglandLaw law,
        IEnumerable<Policy.OfferItem> items)
    {
        if (law.LocalOfferCwsa2026S8Start is not { } start) yield break;
        var topics = items.Select(i => i.Topic).ToHashSet();
        foreach (var (topic, provision) in Cwsa2026S8Topics)
            if (!topics.Contains(topic)) yield return (topic, provision, start);
    }

    /// <summary>The years within which the DfE expects an offer reviewed, on a date (null if none set).</summary>
    public static int? ReviewYears(EnglandLaw law, LocalDate date) => law.LocalOfferReviewEveryYears.On(date) is { } years ? (int)years : null;

    /// <summary>The latest date the offer itself gives: last reviewed, else published, else in force from.</summary>
    public static LocalDate LastDated(Policy.OfferVersion v) => v.LastReviewed ?? v.Published ?? v.InForceFrom;

    /// <summary>
    /// When the version is due for review: its own next_review, else its last date plus the years the
    /// DfE guidance allows (local_offer.review_every_years on that date); null if neither is known.
    /// </summary>
    public static LocalDate? ReviewDue(EnglandLaw law, Policy.OfferVersion v) =>
        v.NextReview ?? (ReviewYears(law, LastDated(v)) is { } years ? LastDated(v).PlusYears(years) : null);

    /// <summary>
    /// Whether the offer in force on <paramref name="asAt"/> is older than its review date: its pages
    /// must then say so at the top (issue 25: an offer from 2018 shown as current with no warning).
    /// </summary>
    public static bool PastReview(EnglandLaw law, Policy.OfferVersion v, LocalDate asAt) =>
        ReviewDue(law, v) is { } due && due < asAt;
}
