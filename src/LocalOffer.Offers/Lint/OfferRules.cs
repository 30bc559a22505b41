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

    /// <summary>The day CWSA 2026 s.8 came into force, if it has by <paramref name="date"/>; null while prospective.</summary>
    public static LocalDate? Cwsa2026S8InForce(EnglandLaw law, LocalDate date)
        => law.LocalOfferCwsa2026S8Start is { } start && start <= date ? start : null;

    public static string Cwsa2026S8Citation(EnglandLaw law) =>
        law.Book.TryGet(Cwsa2026S8, out var p) && p.References.Count > 0 ? p.References[0].Citation : "CWSA 2026 s.8";
}
