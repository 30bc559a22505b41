using LocalOffer.Core.Engine;
using LocalOffer.Core.Rules;
using LocalOffer.Offers.Policy;

namespace LocalOffer.Offers.Lint;

/// <summary>Checks across a council's files that one file alone cannot show: versions starting the same day, amounts below the law's floor.</summary>
public static class Linter
{
    public static IEnumerable<Finding> Check(Council council, EnglandLaw law)
    {
        var versions = council.Versions;
        // Each version is in force until the next one starts, so two versions cannot start on the same day.
        foreach (var same in versions.GroupBy(v => v.InForceFrom).Where(g => g.Count() > 1))
            foreach (var b in same.Skip(1))
                yield return new Finding(Severity.Error, b.File, 1, 1,
                    $"in force from {b.InForceFrom:yyyy-MM-dd}, the same day as {Path.GetFileName(same.First().File)}: each version needs its own start date");
        foreach (var v in versions)
            foreach (var item in v.Items)
            {
                // The higher education bursary is at least the amount the regulations set (SI 2009/2274 reg 2).
                if (item.Entitlement == EntitlementIds.HigherEducationBursary && item.Amount is { } amount
                    && law.HigherEducationBursary.On(v.InForceFrom) is { } floor && amount.Gbp < floor)
                    yield return new Finding(Severity.Error, v.File, item.Line, 1,
                        $"item '{item.Id}': the higher education bursary is at least £{floor:#,0} by law "
                        + $"({law.HigherEducationBursary.References[0].Citation}); the offer says {LocalOffer.Core.Output.Gbp.Format(amount.Gbp ?? 0)}");
                // The law's payments come from the catalogue, dated (rules/england/amounts.yaml), on every
                // council's money page: a council copying the figure would leave a second copy to go stale.
                if (item.Statutory && item.Entitlement is { } e && law.Entitlements.Contains(e)
                    && law.Entitlements[e].Money is { } money && item.Amount?.Gbp is { } given
                    && money.Amount.On(v.InForceFrom) == given)
                    yield return new Finding(Severity.Error, v.File, item.Line, 1,
                        $"item '{item.Id}': {LocalOffer.Core.Output.Gbp.Format(given)} is the amount the law sets ({money.Amount.Id}, dated in "
                        + "rules/england): leave amount out, every page shows it from there; "
                        + "give one only if the council pays more");
                if (item.From is { } f && item.To is { } to && to <= f)
                    yield return new Finding(Severity.Error, v.File, item.Line, 1, $"item '{item.Id}': in_force.to is not after in_force.from");
            }
    }
}
