using LocalOffer.Core.Rules;

namespace LocalOffer.Core.Engine.Entitlements;

/// <summary>A needs assessment and pathway plan, kept under review, while a personal adviser is owed.</summary>
internal sealed class PathwayPlan(EnglandLaw law) : EntitlementRule
{
    private readonly LegalReference[] _para19B = [law.P.Sch2Para19B45, law.P.Cppcr42];
    private readonly LegalReference[] _s23B3 = [law.P.S23B3, law.P.Clr4to7];
    private readonly LegalReference[] _s23C3b = [law.P.S23C3b, law.P.Clr4to7];
    private readonly LegalReference[] _s23C7 = [law.P.S23C7, law.P.S23C3b];
    private readonly LegalReference[] _s23CA = [law.P.S23CA];
    private readonly LegalReference[] _s23CZB = [law.P.S23CZB];
    private readonly string _onRequest = OnRequest.Available("an assessment and pathway plan");

    public override string Id => EntitlementIds.PathwayPlan;

    public override void Apply(EntitlementContext c)
    {
        // Sch 2 para 19B(4)-(5): "carry out an assessment of his needs" and "prepare a pathway plan";
        // CPPCR 2010 regs 42-43 (assessment, and review at least every six months).
        c.Add(c.Eligible, _para19B);
        // s.23B(3): "(a) to carry out an assessment of his needs ... and (b) to prepare a pathway plan".
        c.Add(c.Relevant, _s23B3);
        c.Add(c.Routes(Route.ShortBreakBetweenRelevant, Route.ShortBreakBetweenRelevant), _s23B3,
            PersonalAdviser.DuringShortBreak);
        // s.23C(3)(b): "to continue to keep his pathway plan under regular review", to 21.
        c.Add(c.FormerRelevant18To21, _s23C3b);
        // s.23C(7): continues "so long as the former relevant child continues to pursue the programme".
        c.Add(c.ContinuingProgramme, _s23C7);
        // s.23CA(3): an assessment and pathway plan for a young person returning to education or training.
        c.Add(c.EducationReturn, _s23CA);
        // s.23CZB(4): on request from 21, "carry out an assessment of the needs" and "prepare a pathway plan".
        OnRequest.Add(c, c.To25Offer, _s23CZB, _onRequest);
    }
}
