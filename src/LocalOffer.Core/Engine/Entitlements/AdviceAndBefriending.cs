using LocalOffer.Core.Rules;

namespace LocalOffer.Core.Engine.Entitlements;

/// <summary>
/// Advice and befriending for a person qualifying for advice and assistance (CA 1989 s.24A), 16 to 21:
/// the core statutory help of a qualifying care leaver.
/// </summary>
internal sealed class AdviceAndBefriending(EnglandLaw law) : EntitlementRule
{
    private readonly LegalReference[] _basis = [law.P.S24A2to3];

    public override string Id => EntitlementIds.AdviceAndBefriending;

    // s.24A(1): the council "shall consider whether the conditions in subsection (2) are satisfied";
    // s.24A(2)(a): "he needs help of a kind which they can give under this section or section 24B";
    // s.24A(3)(a): "they shall advise and befriend him if he was being looked after by a local authority".
    private const string AfterCouncilCare =
        "if the young person needs help the council can give: it must consider this when it knows of them or " +
        "they ask";

    // s.24A(2)(b): "in the case of a person who was not being looked after by any local authority, they are
    // satisfied that the person by whom he was being looked after does not have the necessary facilities for
    // advising or befriending him"; s.24A(3): a duty after a voluntary organisation's accommodation, "(b) in
    // any other case they may do so".
    private const string AfterOtherCare =
        "if the young person needs help the council can give and whoever looked after them cannot advise or " +
        "befriend them: a duty after a voluntary organisation's accommodation, otherwise the council may help";

    public override void Apply(EntitlementContext c)
    {
        // s.24(1A) (special guardianship after care) and s.24(2)(a) (looked after by a council).
        c.Add(c.Routes(Route.QualifyingCouncilCare, Route.QualifyingSpecialGuardianship), _basis, AfterCouncilCare);
        // s.24(2)(b)-(f): accommodated or privately fostered after 16 while a child.
        c.Add(c.Routes(Route.QualifyingOtherCare, Route.QualifyingOtherCare), _basis, AfterOtherCare);
    }
}
