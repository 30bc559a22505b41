using LocalOffer.Core.Rules;
using NodaTime;

namespace LocalOffer.Offers.Lint;

/// <summary>The dated local offer parameters in rules/england/local_offer.yaml, read from the rule book.</summary>
public static class OfferRules
{
    public const string ReviewEveryYears = "local_offer.review_every_years";
    public const string Cwsa2026S8 = "local_offer.cwsa_2026_s8_areas";

    /// <summary>The topics CWSA 2026 s.8 adds to the local offer, once in force.</summary>
    public static readonly IReadOnlyList<string> Cwsa2026S8Topics = ["transition", "financial-literacy", "homelessness-prevention"];

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

    /// <summary>The day CWSA 2026 s.8 came into force, if it has by <paramref name="date"/>; null while prospective.</summary>
    public static LocalDate? Cwsa2026S8InForce(EnglandLaw law, LocalDate date)
        => law.LocalOfferCwsa2026S8Start is { } start && start <= date ? start : null;

    public static string Cwsa2026S8Citation(EnglandLaw law) =>
        law.Book.TryGet(Cwsa2026S8, out var p) && p.References.Count > 0 ? p.References[0].Citation : "CWSA 2026 s.8";
}
