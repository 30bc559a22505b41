using LocalOffer.Core.Rules;

namespace LocalOffer.Core.Engine.Entitlements;

/// <summary>No local connection test for the social housing register (from 10 July 2025).</summary>
internal sealed class NoLocalConnectionTest(EnglandLaw law) : EntitlementRule
{
    private readonly LegalReference[] _basis = [law.P.NoLocalConnection];

    public override string Id => EntitlementIds.NoLocalConnectionTest;

    // SI 2025/706 reg 2: a local housing authority may not apply a local connection criterion to a
    // person who is "a relevant child, an eligible child or a former relevant child" under 25.
    public override void Apply(EntitlementContext c) =>
        c.Add(c.Eligible.Union(c.Relevant).Union(c.FormerRelevant).Intersect(c.InForce(law.NoLocalConnectionTestStart)), _basis);
}
