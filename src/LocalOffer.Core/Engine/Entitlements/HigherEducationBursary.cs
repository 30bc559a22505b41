using LocalOffer.Core.Model;
using LocalOffer.Core.Rules;
using LocalOffer.Core.Time;

namespace LocalOffer.Core.Engine.Entitlements;

/// <summary>The higher education bursary, once per course, for a former relevant young person.</summary>
internal sealed class HigherEducationBursary(EnglandLaw law) : EntitlementRule
{
    private readonly LegalReference[] _basis = [law.P.S23C5A, law.P.S23CA5, law.P.HeBursaryRegs];

    public override string Id => EntitlementIds.HigherEducationBursary;

    public override void Apply(EntitlementContext c)
    {
        var h = c.History;
        for (var i = 0; i < h.Education.Count; i++)
        {
            var he = h.Education[i];
            // SI 2009/2274 reg 2: courses "which began on or after 1st September 2008".
            if (he.Kind != EducationKind.HigherEducation || he.Start < law.HeBursaryCoursesFrom) continue;
            // s.23C(5A): "to pay the relevant amount to a former relevant child who pursues higher education
            // in accordance with a pathway plan"; s.23CA(5) for those returning to education.
            var days = c.FormerRelevant.Intersect(c.Days(new DateRange(he.Start, he.End ?? c.Facts.B25)))
                .Intersect(c.InForce(law.HeBursaryStart));
            if (days.IsEmpty) continue;
            var amount = law.HigherEducationBursary.On(DateRange.Max(he.Start, law.HeBursaryStart ?? he.Start));
            c.Add(days, _basis, "for a course of two years or more; paid over the course",
                amount is { } a ? new Money(a, "once") : null, instance: i + 1);
        }
    }
}
