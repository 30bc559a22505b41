using LocalOffer.Core.Model;
using LocalOffer.Core.Rules;
using LocalOffer.Core.Time;

namespace LocalOffer.Core.Engine.Entitlements;

/// <summary>The care leaver apprenticeship bursary, once per apprenticeship started before 25.</summary>
internal sealed class ApprenticeshipBursary(EnglandLaw law) : EntitlementRule
{
    private readonly LegalReference[] _basis = [law.P.ApprenticeshipBursary];

    public override string Id => EntitlementIds.ApprenticeshipBursary;

    public override void Apply(EntitlementContext c)
    {
        var h = c.History;
        var f = c.Facts;
        for (var i = 0; i < h.Education.Count; i++)
        {
            var ap = h.Education[i];
            if (ap.Kind != EducationKind.Apprenticeship || ap.Start >= f.B25) continue;
            // ESFA funding rules: a care leaver (eligible, relevant or former relevant) when the apprenticeship
            // starts, the amount set by its start date.
            if (c.StatusOn(ap.Start) is not (Status.Eligible or Status.Relevant or Status.FormerRelevant)) continue;
            if (law.ApprenticeshipBursary.On(ap.Start) is not { } amount) continue;
            c.Add(c.Days(new DateRange(ap.Start, DateRange.Min(ap.End ?? f.B25, f.B25))), _basis,
                "paid by the training provider for an apprenticeship started before 25", new Money(amount, "once"), instance: i + 1);
        }
    }
}
