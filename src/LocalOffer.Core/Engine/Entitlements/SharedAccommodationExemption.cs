using LocalOffer.Core.Rules;

namespace LocalOffer.Core.Engine.Entitlements;

/// <summary>Exemption from the shared accommodation rate of housing costs.</summary>
internal sealed class SharedAccommodationExemption(EnglandLaw law) : EntitlementRule
{
    private readonly LegalReference[] _basis = [law.P.SharedAccommodationRate];

    public override string Id => EntitlementIds.SharedAccommodationExemption;

    public override void Apply(EntitlementContext c)
    {
        if (c.FormerRelevant.IsEmpty) return; // most care leavers of a batch: no birthdays to work out
        var f = c.Facts;
        var inForce = c.InForce(law.SharedAccommodationStart);
        // UC Regs 2013 Sch 4 para 29 / HB Regs 2006 reg 2(1): a care leaver under 22 (under 25 from
        // 31 May 2021) is not a "young individual" held to the shared accommodation rate.
        var until = law.SharedAccommodationExemptionUntil;
        for (var i = 0; i < until.Count; i++)
        {
            var to = i + 1 < until.Count ? until[i + 1].From : NodaTime.LocalDate.MaxIsoValue;
            c.Add(c.FormerRelevant.Intersect(until[i].From, to)
                .Intersect(f.B18, law.Birthdays.Birthday(f.Dob, until[i].Age)).Intersect(inForce), _basis);
        }
    }
}
