using LocalOffer.Core.Rules;

namespace LocalOffer.Core.Engine.Entitlements;

/// <summary>Not to be found intentionally homeless: prospective until commencement.yaml gives it a date.</summary>
internal sealed class NotIntentionallyHomeless(EnglandLaw law) : EntitlementRule
{
    private readonly LegalReference[] _basis = [law.P.IntentionallyHomeless];

    public override string Id => EntitlementIds.NotIntentionallyHomeless;

    // Housing Act 1996 s.191(1ZA)-(1C) (CWSA 2026 s.9): a relevant child or former relevant child under 25
    // is not to be treated as becoming homeless intentionally. Commencement by regulations (s.78(5)).
    public override void Apply(EntitlementContext c)
    {
        if (law.IntentionallyHomelessStart is not { } start) return;
        c.Add(c.Relevant.Union(c.FormerRelevant).Intersect(c.InForce(start)), _basis);
    }
}
