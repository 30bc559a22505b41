using LocalOffer.Core.Rules;

namespace LocalOffer.Core.Engine.Entitlements;

/// <summary>Staying close support: prospective until commencement.yaml gives it a date.</summary>
internal sealed class StayingClose(EnglandLaw law) : EntitlementRule
{
    private readonly LegalReference[] _basis = [law.P.S23CZAA];

    public override string Id => EntitlementIds.StayingClose;

    // s.23CZAA (CWSA 2026 s.7): support for a former relevant child who needs help "to find and keep
    // suitable accommodation" and to access services. Not in force until a commencement date is made.
    public override void Apply(EntitlementContext c)
    {
        if (law.StayingCloseStart is not { } start) return;
        c.Add(c.FormerRelevant.Intersect(c.InForce(start)), _basis, "if assessed as needing help to find and keep accommodation");
    }
}
