using LocalOffer.Core.Rules;

namespace LocalOffer.Core.Engine.Entitlements;

/// <summary>An advocate, and a way to make representations and complaints.</summary>
internal sealed class Advocacy(EnglandLaw law) : EntitlementRule
{
    private readonly LegalReference[] _s26 = [law.P.S26, law.P.S26A];
    private readonly LegalReference[] _s24D = [law.P.S24D, law.P.S26A1a];

    public override string Id => EntitlementIds.Advocacy;

    public override void Apply(EntitlementContext c)
    {
        var inForce = c.InForce(law.AdvocacyStart);
        var f = c.Facts;
        // Under 18, s.26(3) (representations by "any child who is being looked after by them or who is not
        // being looked after by them but is ... (b) a relevant child"), with s.26A (advocacy services).
        c.Add(c.AnyCategory().Intersect(f.Dob, f.B18).Intersect(inForce), _s26);
        // From 18, s.26(3) is for children only: s.24D(1) representations by "(a) a relevant child ... or a
        // young person falling within section 23C; (b) a person qualifying for advice and assistance", with
        // s.26A(1)(a) assistance to "persons who make or intend to make representations under section 24D".
        c.Add(c.AnyCategory().Intersect(f.B18, f.B25).Intersect(inForce), _s24D);
        // s.24D(1)(c): representations by a person "within section 24B(2)": qualifying by s.24(1A) or
        // s.24(2)(a), aged 21 to 25 and in education or training.
        c.Add(c.S24BPerson.Intersect(f.B21, f.B25).Intersect(c.Education(_ => true)).Intersect(inForce), _s24D,
            "while in education or training");
    }
}
