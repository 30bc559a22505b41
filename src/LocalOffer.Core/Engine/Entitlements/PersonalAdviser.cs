using LocalOffer.Core.Rules;

namespace LocalOffer.Core.Engine.Entitlements;

/// <summary>A personal adviser, from the first day as an eligible child to 25 at the latest.</summary>
internal sealed class PersonalAdviser(EnglandLaw law) : EntitlementRule
{
    private readonly LegalReference[] _para19C = [law.P.Sch2Para19C];
    private readonly LegalReference[] _s23B2 = [law.P.S23B2];
    private readonly LegalReference[] _s23C3a = [law.P.S23C3a];
    private readonly LegalReference[] _s23C7 = [law.P.S23C7, law.P.S23C3a];
    private readonly LegalReference[] _s23CA = [law.P.S23CA];
    private readonly LegalReference[] _s23CZB = [law.P.S23CZB];
    private readonly string _onRequest = OnRequest.Available("one");

    public override string Id => EntitlementIds.PersonalAdviser;

    // The days of a short break between days as a relevant child: looked after (s.22(1)(b)), so not a
    // relevant child for them (s.23A(2)(a)), and relevant again the day the break ends (s.23A(2)(b)). No
    // provision ends the appointment for a break, so the run stays unbroken and its period says why.
    internal const string DuringShortBreak =
        "during a short break: looked after for its days, so not a relevant child until it ends; nothing in " +
        "the law ends this for the break";

    public override void Apply(EntitlementContext c)
    {
        // Sch 2 para 19C: "A local authority shall arrange for each child whom they are looking after
        // who is an eligible child ... to have a personal adviser."
        c.Add(c.Eligible, _para19C);
        // s.23B(2): "It is the duty of each local authority to appoint a personal adviser for each
        // relevant child (if they have not already done so under paragraph 19C of Schedule 2)."
        c.Add(c.Relevant, _s23B2);
        c.Add(c.Routes(Route.ShortBreakBetweenRelevant, Route.ShortBreakBetweenRelevant), _s23B2, DuringShortBreak);
        // s.23C(3)(a): "to continue the appointment of a personal adviser" for a former relevant child,
        // until 21 (s.23C(6)).
        c.Add(c.FormerRelevant18To21, _s23C3a);
        // s.23C(7): the duties in (3) continue "so long as the former relevant child continues to pursue
        // the programme" of education or training in the pathway plan.
        c.Add(c.ContinuingProgramme, _s23C7);
        // s.23CA(2)-(3): a former relevant child who "informs the responsible local authority that he is
        // pursuing, or wishes to pursue, a programme of education or training" is appointed a personal adviser.
        c.Add(c.EducationReturn, _s23CA);
        // s.23CZB(2)-(3): from 21 "if the former relevant child informs the local authority that he or she
        // wishes to receive advice and support", a personal adviser until 25 or until the young person says
        // they no longer want one. Shown from the 21st birthday as available on request.
        OnRequest.Add(c, c.To25Offer, _s23CZB, _onRequest);
    }
}
