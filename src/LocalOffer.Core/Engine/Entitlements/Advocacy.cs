using LocalOffer.Core.Rules;

namespace LocalOffer.Core.Engine.Entitlements;

/// <summary>An advocate, and a way to make representations and complaints.</summary>
internal sealed class Advocacy(EnglandLaw law) : EntitlementRule
{
    private readonly LegalReference[] _s26 = [law.P.S26, law.P.S26A];
    private readonly LegalReference[] _s24D = [law.P.S24D, law.P.S26A];

    public override string Id => EntitlementIds.Advocacy;

    public override void Apply(EntitlementContext c)
    {
        var inForce = c.InForce(law.AdvocacyStart);
        // s.26(3) (looked after children) and s.26A (advocacy services), with s.24D(1)(a)-(b) for eligible,
        // relevant, former relevant and qualifying young people: every category.
        c.Add(c.AnyCategory().Intersect(inForce), _s26);
        // s.24D(1)(c): representations by a person "within section 24B(2)": qualifying by s.24(1A) or
        // s.24(2)(a), aged 21 to 25 and in education or training.
        c.Add(c.S24BPerson.Intersect(c.Facts.B21, c.Facts.B25).Intersect(c.Education(_ => true)).Intersect(inForce), _s24D,
            "while in education or training");
    }
}
