using LocalOffer.Core.Rules;

namespace LocalOffer.Core.Engine.Entitlements;

/// <summary>Staying close support: prospective until commencement.yaml gives it a date.</summary>
internal sealed class StayingClose(EnglandLaw law) : EntitlementRule
{
    private readonly LegalReference[] _basis = [law.P.S23CZAA];

    public override string Id => EntitlementIds.StayingClose;

    // s.23CZAA (CWSA 2026 s.7). (1): the duties are owed to a person "who is a former relevant child", "to whom the
    // authority has or had duties under [s.23C]" and "who is under the age of 25" (former relevant status ends at
    // 25: every former relevant day is one). (2): the authority "must assess whether the provision of staying close
    // support ... is required"; (3): if so, it "must provide" it; (4): support "to find and keep suitable
    // accommodation" and to access services. Not in force until a commencement date is made.
    public override void Apply(EntitlementContext c)
    {
        if (law.StayingCloseStart is not { } start) return;
        c.Add(c.FormerRelevant.Intersect(c.InForce(start)), _basis,
            "an assessment of the need for it; the support where the assessment finds it needed " +
            "(help to find and keep suitable accommodation and to reach services)");
    }
}
