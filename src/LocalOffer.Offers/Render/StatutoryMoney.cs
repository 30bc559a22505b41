using System.Globalization;
using LocalOffer.Core.Rules;
using NodaTime;

namespace LocalOffer.Offers.Render;

/// <summary>
/// The payments the law or national rules set (higher education, 16 to 19 and apprenticeship
/// bursaries: <c>money</c> in rules/england/entitlements.yaml, dated in amounts.yaml), as every
/// council's money page and the law page show them on a date: the amount in force then, how often,
/// who it is for (the law's own summary) and how to apply.
/// </summary>
public static class StatutoryMoney
{
    private static readonly CultureInfo En = CultureInfo.InvariantCulture;

    /// <summary>Each payment in force on <paramref name="asAt"/> with an amount on that date, in the catalogue's order.</summary>
    public static object[] On(EnglandLaw law, LocalDate asAt) => law.Entitlements.All
        .Where(d => d.Money is not null && d.InForceOn(asAt) && d.Money.Amount.On(asAt) is not null)
        .Select(d => (object)new
        {
            id = d.Id,
            title = new Languages.CatalogueText($"entitlement.{d.Id}.title"),
            summary = new Languages.CatalogueText($"entitlement.{d.Id}.summary"),
            gbp = d.Money!.Amount.On(asAt),
            upTo = UpTo(d.Id),
            often = OfferViews.Often(d.Money.Period),
            amount = Words(d, asAt),
            howToApply = new Languages.CatalogueText($"entitlement.{d.Id}.how_to_apply"),
        }).ToArray();

    /// <summary>The 16 to 19 bursary is a most a year (amounts.yaml: "up to this much a year"); the others are the sum paid.</summary>
    private static bool UpTo(string id) => id == Core.Engine.EntitlementIds.Bursary1619;

    /// <summary>
    /// The amount in words on a date: "£2,000, once for your course", "Up to £1,200 a year", "£3,000
    /// for an apprenticeship that starts on or after 1 August 2023" (the day that amount took effect).
    /// </summary>
    public static string? Words(EntitlementDefinition d, LocalDate asAt)
    {
        if (d.Money?.Amount.On(asAt) is not { } gbp) return null;
        var pounds = Core.Output.Gbp.Format(gbp);
        return d.Id switch
        {
            Core.Engine.EntitlementIds.HigherEducationBursary => $"{pounds}, once for your course",
            Core.Engine.EntitlementIds.Bursary1619 => $"Up to {pounds} a year",
            Core.Engine.EntitlementIds.ApprenticeshipBursary when d.Money.Amount.Since(asAt) is { } since =>
                $"{pounds} for an apprenticeship that starts on or after {since.ToString("d MMMM yyyy", En)}",
            _ => d.Money.Period == "once" ? pounds : $"{pounds} a year",
        };
    }
}
