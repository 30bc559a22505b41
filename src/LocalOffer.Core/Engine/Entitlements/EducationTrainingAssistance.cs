using LocalOffer.Core.Rules;

namespace LocalOffer.Core.Engine.Entitlements;

/// <summary>Help with the costs of education, training and employment.</summary>
internal sealed class EducationTrainingAssistance(EnglandLaw law) : EntitlementRule
{
    private readonly LegalReference[] _s23B8 = [law.P.S23B8, law.P.Clr9];
    private readonly LegalReference[] _s23C4 = [law.P.S23C4];
    private readonly LegalReference[] _s23C7 = [law.P.S23C7, law.P.S23C4];
    private readonly LegalReference[] _s23CA = [law.P.S23CA];
    private readonly LegalReference[] _s24B = [law.P.S24B];

    public override string Id => EntitlementIds.EducationTrainingAssistance;

    public override void Apply(EntitlementContext c)
    {
        // s.23B(8)(c): "providing support of such other descriptions as may be prescribed" (CLR 2010 reg 9).
        c.Add(c.Relevant, _s23B8);
        // s.23C(4)(a)-(b): "contributing to his expenses in living near the place where he is, or will be,
        // employed or seeking employment" and "in connection with his education or training", to 21.
        c.Add(c.FormerRelevant18To21, _s23C4);
        // s.23C(7): beyond 21 while the programme in the pathway plan continues.
        c.Add(c.ContinuingProgramme, _s23C7);
        // s.23CA(4): assistance "to the extent that his educational or training needs require it".
        c.Add(c.EducationReturn, _s23CA);
        // s.24B(1)-(2): "may give assistance" to a person qualifying by s.24(1A) or s.24(2)(a), to 21, and
        // from 21 to 25 "in connection with his education or training" while they pursue it.
        var power = "a power: the council may help, after assessing need";
        var s24b = c.S24BPerson;
        if (s24b.IsEmpty) return;
        c.Add(s24b.Intersect(c.Facts.B16, c.Facts.B21), _s24B, power);
        c.Add(s24b.Intersect(c.Facts.B21, c.Facts.B25).Intersect(c.Education(_ => true)), _s24B,
            "a power: the council may help with education or training costs, after assessing need");
    }
}
