using LocalOffer.Core.Model;
using LocalOffer.Core.Rules;

namespace LocalOffer.Core.Engine.Entitlements;

/// <summary>Somewhere to live in the vacations while in full-time higher or residential further education.</summary>
internal sealed class VacationAccommodation(EnglandLaw law) : EntitlementRule
{
    private readonly LegalReference[] _s23C9 = [law.P.S23C9];
    private readonly LegalReference[] _s24B5 = [law.P.S24B5];

    public override string Id => EntitlementIds.VacationAccommodation;

    public override void Apply(EntitlementContext c)
    {
        var he = c.Education(e => e.FullTime && e.Kind == EducationKind.HigherEducation);
        var fe = c.Education(e => e.FullTime && e.Kind == EducationKind.FurtherEducation);
        if (he.IsEmpty && fe.IsEmpty) return;
        const string residential = "if the further education course is residential";
        // s.23C(9): a former relevant child in "full-time further or higher education" whose term-time
        // accommodation is not available in a vacation: "provide him with suitable accommodation during
        // the vacation or pay him enough to enable him to secure such accommodation himself".
        c.Add(c.FormerRelevant.Intersect(he), _s23C9);
        c.Add(c.FormerRelevant.Intersect(fe), _s23C9, residential);
        // s.24B(5): the same for a person qualifying by s.24(1A) or s.24(2)(a) only (s.24B(5)(a)-(b)).
        c.Add(c.S24BPerson.Intersect(he), _s24B5);
        c.Add(c.S24BPerson.Intersect(fe), _s24B5, residential);
    }
}
