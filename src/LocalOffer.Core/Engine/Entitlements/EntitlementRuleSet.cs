using LocalOffer.Core.Model;
using LocalOffer.Core.Rules;
using LocalOffer.Core.Time;
using NodaTime;

namespace LocalOffer.Core.Engine.Entitlements;

/// <summary>
/// Every statutory entitlement rule, one per entry of rules/england/entitlements.yaml (checked at
/// construction, both ways), run over one young person's timeline to give the entitlement runs.
/// </summary>
internal sealed class EntitlementRuleSet
{
    [ThreadStatic] private static List<Piece>? _pieces;
    private readonly EnglandLaw _law;
    private readonly IEntitlementRule[] _rules;

    public EntitlementRuleSet(EnglandLaw law)
    {
        _law = law;
        _rules =
        [
            new PersonalAdviser(law), new PathwayPlan(law), new KeepInTouch(law), new AccommodationAndMaintenance(law),
            new EducationTrainingAssistance(law), new HigherEducationBursary(law), new VacationAccommodation(law),
            new StayingPut(law), new StayingClose(law), new Advocacy(law), new PriorityNeedHousing(law),
            new NoLocalConnectionTest(law), new NotIntentionallyHomeless(law), new ApprenticeshipBursary(law),
            new Bursary1619(law), new SharedAccommodationExemption(law),
        ];
        var ruled = _rules.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var id in law.Entitlements.Ids)
            if (!ruled.Contains(id))
                throw new RuleFileException(EntitlementCatalog.FileName, 0, 0, $"entitlement '{id}' has no rule in Engine/Entitlements");
        foreach (var id in ruled)
            if (!law.Entitlements.Contains(id))
                throw new RuleFileException(EntitlementCatalog.FileName, 0, 0, $"the rule '{id}' has no entry in the catalogue");
    }

    public IEnumerable<string> Ids => _rules.Select(r => r.Id);

    /// <summary>
    /// The ids of the entitlements that hold on <paramref name="day"/>, in ordinal order, without building
    /// runs (the batch asks this for every child): the same ids as the runs covering that day.
    /// </summary>
    public void IdsOn(CareHistory h, Span[] spans, PersonFacts f, LocalDate day, List<string> ids)
    {
        var pieces = Apply(h, spans, f, new DateRange(day, day.PlusDays(1)));
        foreach (var p in pieces)
            if (!ids.Contains(p.Id)) ids.Add(p.Id);
        ids.Sort(StringComparer.Ordinal);
    }

    /// <param name="f">The facts of the whole history (the first epoch: before any adoption is disregarded).</param>
    /// <param name="window">When given, only the days inside it (the batch asks for one day).</param>
    public List<Entitlement> Runs(CareHistory h, Span[] spans, PersonFacts f, DateRange? window = null) =>
        EntitlementRuns.Join(Apply(h, spans, f, window), _law.Entitlements);

    // Every rule's pieces, in a list reused by the thread (the batch calls this for millions of children).
    private List<Piece> Apply(CareHistory h, Span[] spans, PersonFacts f, DateRange? window)
    {
        var pieces = _pieces ??= new List<Piece>(32);
        pieces.Clear();
        var context = new EntitlementContext(_law, h, spans, f, window, pieces);
        foreach (var rule in _rules)
        {
            context.Begin(rule.Id);
            rule.Apply(context);
        }
        return pieces;
    }
}
