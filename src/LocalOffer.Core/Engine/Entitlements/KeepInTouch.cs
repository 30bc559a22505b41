using LocalOffer.Core.Rules;

namespace LocalOffer.Core.Engine.Entitlements;

/// <summary>The council keeps in touch.</summary>
internal sealed class KeepInTouch(EnglandLaw law) : EntitlementRule
{
    private readonly LegalReference[] _s23B1 = [law.P.S23B1];
    private readonly LegalReference[] _s23C2 = [law.P.S23C2];
    private readonly LegalReference[] _s23C7 = [law.P.S23C7, law.P.S23C2];
    private readonly LegalReference[] _s24_4 = [law.P.S24_4];

    public override string Id => EntitlementIds.KeepInTouch;

    public override void Apply(EntitlementContext c)
    {
        // s.23B(1): "to keep in touch with him" (a relevant child).
        c.Add(c.Relevant, _s23B1);
        // s.23C(2): "to take reasonable steps to keep in touch with a former relevant child", to 21 (s.23C(6)).
        c.Add(c.FormerRelevant18To21, _s23C2);
        // s.23C(7): beyond 21 only "so long as the former relevant child continues to pursue the programme";
        // s.23CA and s.23CZB bring an adviser and a plan, not this duty.
        c.Add(c.ContinuingProgramme, _s23C7);
        // s.24(4): contact with a person qualifying after being looked after by the council (s.24(2)(a))
        // or under a special guardianship order made after care (s.24(1A)).
        c.Add(c.Routes(Route.QualifyingCouncilCare, Route.QualifyingSpecialGuardianship), _s24_4);
    }
}
