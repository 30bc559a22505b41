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
                        $"item '{item.Id}': the higher education bursary is at least {LocalOffer.Core.Output.Gbp.Format(floor)} by law ({law.HigherEducationBursary.References[0].Citation}); the offer says {LocalOffer.Core.Output.Gbp.Format(amount.Gbp!.Value)}");
                if (item.From is { } f && item.To is { } to && to <= f)
                    yield return new Finding(Severity.Error, v.File, item.Line, 1, $"item '{item.Id}': in_force.to is not after in_force.from");
            }
    }
}
