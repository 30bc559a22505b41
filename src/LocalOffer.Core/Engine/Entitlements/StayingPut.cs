using LocalOffer.Core.Rules;

namespace LocalOffer.Core.Engine.Entitlements;

/// <summary>Staying put with former foster carers, 18 to 21.</summary>
internal sealed class StayingPut(EnglandLaw law) : EntitlementRule
{
    private readonly LegalReference[] _basis = [law.P.S23CZA];

    public override string Id => EntitlementIds.StayingPut;

    public override void Apply(EntitlementContext c)
    {
        var f = c.Facts;
        // s.23CZA(1): a former relevant child who "immediately before ceasing to be looked after ... was
        // placed with a local authority foster parent" (route (b): looked after until 18); the council must
        // "monitor the staying put arrangement" and support it until 21 (s.23CZA(3)).
        var lastCare = f.CareOn(f.B18.PlusDays(-1));
        if (lastCare is not { } lc || f.EpisodeOf(lc).Placement is not { } pl || !law.FosterPlacements.Contains(pl))
            return;
        c.Add(c.Routes(Route.FormerRelevantCareTo18, Route.FormerRelevantCareTo18)
                .Intersect(f.B18, law.Birthdays.Birthday(f.Dob, law.AgeStayingPutUntil))
                .Intersect(c.InForce(law.StayingPutStart)),
            _basis, "if the young person and the former foster carer both want it");
    }
}
