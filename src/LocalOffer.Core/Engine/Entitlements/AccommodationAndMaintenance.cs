using LocalOffer.Core.Rules;

namespace LocalOffer.Core.Engine.Entitlements;

/// <summary>Suitable accommodation and maintenance for a relevant child.</summary>
internal sealed class AccommodationAndMaintenance(EnglandLaw law) : EntitlementRule
{
    private readonly LegalReference[] _s23B8 = [law.P.S23B8, law.P.Clr9];

    public override string Id => EntitlementIds.AccommodationAndMaintenance;

    // s.23B(8): "safeguard and promote the child's welfare ... by (a) maintaining him; (b) providing him
    // with or maintaining him in suitable accommodation"; CLR 2010 reg 9 (suitable accommodation).
    public override void Apply(EntitlementContext c) => c.Add(c.Relevant, _s23B8);
}
