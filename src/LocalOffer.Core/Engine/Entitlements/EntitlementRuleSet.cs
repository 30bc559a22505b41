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
    // The batch asks for one day for millions of children: one context per thread, made ready for each.
    [ThreadStatic] private static EntitlementContext? _dayContext;
    // `caseload` asks for the days of its window for thousands of young people: one context per thread too.
    [ThreadStatic] private static EntitlementContext? _windowContext;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, IReadOnlyList<string>> _idsGiven = new();
    private readonly Func<int, IReadOnlyList<string>> _idsOf;
    private readonly EnglandLaw _law;
    private readonly EntitlementRule[] _rules;
    private readonly string[] _ids; // _rules[i].Id

    public EntitlementRuleSet(EnglandLaw law)
    {
        _law = law;
        _rules =
        [
            new PersonalAdviser(law), new PathwayPlan(law), new KeepInTouch(law), new AccommodationAndMaintenance(law),
            new EducationTrainingAssistance(law), new HigherEducationBursary(law), new VacationAccommodation(law),
            new StayingPut(law), new StayingClose(law), new Advocacy(law), new AdviceAndBefriending(law),
            new PriorityNeedHousing(law),
            new NoLocalConnectionTest(law), new NotIntentionallyHomeless(law), new ApprenticeshipBursary(law),
            new Bursary1619(law), new SharedAccommodationExemption(law),
        ];
        _ids = _rules.Select(r => r.Id).ToArray();
        if (_rules.Length > 31)
            throw new InvalidOperationException("more rules than bits in the set of rules that gave");
        _idsOf = IdsOf;
        var ruled = _ids.ToHashSet(StringComparer.Ordinal);
        foreach (var id in law.Entitlements.Ids)
            if (!ruled.Contains(id))
                throw new RuleFileException(EntitlementCatalog.FileName, 0, 0,
                    $"entitlement '{id}' has no rule in Engine/Entitlements");
        foreach (var id in ruled)
            if (!law.Entitlements.Contains(id))
                throw new RuleFileException(EntitlementCatalog.FileName, 0, 0,
                    $"the rule '{id}' has no entry in the catalogue");
    }

    public IEnumerable<string> Ids => _rules.Select(r => r.Id);

    /// <summary>
    /// The ids of the entitlements that hold on <paramref name="day"/>, in ordinal order, without building
    /// runs (the batch asks this for every child): the same ids as the runs covering that day.
    /// </summary>
    public IReadOnlyList<string> IdsOn(HistoryView h, ReadOnlySpan<Span> spans, PersonFacts f, LocalDate day)
    {
        if (NothingCanHold(h, spans, f, day)) return [];
        var context = Ready(ref _dayContext, h, spans, f, new DateRange(day, day.PlusDays(1)), capacity: 0);
        var gave = Apply(context);
        context.Release();
        return IdsGiven(gave);
    }

    /// <summary>The thread's kept context (made anew for another law), made ready for this child and window.</summary>
    private EntitlementContext Ready(ref EntitlementContext? kept, HistoryView h, ReadOnlySpan<Span> spans,
        PersonFacts f, DateRange window, int capacity)
    {
        if (kept is null || kept.Law != _law)
            return kept = new EntitlementContext(_law, h, spans, f, window, new List<Piece>(capacity));
        kept.For(h, spans, f, window);
        return kept;
    }

    /// <summary>The ids of the rules whose bits are set (<see cref="IdsOf"/>, made once a combination).</summary>
    private IReadOnlyList<string> IdsGiven(int gave) =>
        gave == 0 ? [] : _idsGiven.TryGetValue(gave, out var ids) ? ids : _idsGiven.GetOrAdd(gave, _idsOf);

    /// <summary>
    /// Whether a run can start, end or continue under another provision after <paramref name="asAt"/> up to
    /// <paramref name="upTo"/> (<see cref="EntitlementRuns.AnyChangeIn"/>), from the rules' pieces cut to the days
    /// from <paramref name="asAt"/> to <paramref name="upTo"/> (a cut piece begins or ends in that window exactly
    /// when the uncut one does, as the window runs one day past <paramref name="upTo"/>). When none does,
    /// <paramref name="idsOnDay"/> are the ids of the entitlements holding on <paramref name="asAt"/>
    /// (<see cref="IdsOn"/>'s: a run covers a day when one of its pieces does): every piece cut to the window then
    /// begins on <paramref name="asAt"/> (none begins after it in the window), so the rules that gave any piece are
    /// those holding on the day. For `caseload` (issue 30): the rules asked for 60 days, not to 25, in a context
    /// kept per thread.
    /// </summary>
    public bool AnyChangeIn(HistoryView h, ReadOnlySpan<Span> spans, PersonFacts f, LocalDate asAt, LocalDate upTo,
        out IReadOnlyList<string> idsOnDay)
    {
        var context = Ready(ref _windowContext, h, spans, f, new DateRange(asAt, upTo.PlusDays(1)), capacity: 32);
        var gave = Apply(context);
        var changes = EntitlementRuns.AnyChangeIn(context.Pieces, asAt, upTo);
        context.Release();
        idsOnDay = IdsGiven(gave);
        return changes;
    }

    // The ids of the rules whose bits are set, in ordinal order, read-only: made once per combination
    // and shared by every child that has it (a batch meets a few dozen), so an answer allocates no list.
    private IReadOnlyList<string> IdsOf(int gave)
    {
        var ids = new List<string>();
        for (var i = 0; i < _rules.Length; i++)
            if ((gave & (1 << i)) != 0) ids.Add(_ids[i]);
        ids.Sort(StringComparer.Ordinal);
        return ids.AsReadOnly();
    }

    /// <summary>
    /// Whether no rule can give anything on <paramref name="day"/>, decided from the timeline and the
    /// facts without running the rules (most children of a batch: issue 14). Every rule's days are
    /// cut from these, so when none of them holds, no rule has a day to give:
    /// <list type="bullet">
    /// <item>a status other than none on the day (eligible, relevant, former relevant, looked after, qualifying,
    /// and the limbs behind them: s.23B, s.23C, s.24, s.26, Sch 2 paras 19B-19C);</item>
    /// <item>ever qualifying by s.24(1A) or s.24(2)(a): s.24B's "would have been" to 25 (s.24B(5));</item>
    /// <item>looked after at 16 or 17: priority need for housing at 18 to 20 (SI 2002/2051 art 4);</item>
    /// <item>education, training or other care recorded (bursaries, vacation accommodation, s.24(2)(b)-(f)).</item>
    /// </list>
    /// A rule that turns on anything else must be added here: the property test "no entitlement holds on
    /// a day the batch skips the rules" fails otherwise.
    /// </summary>
    internal bool NothingCanHold(HistoryView h, ReadOnlySpan<Span> spans, PersonFacts f, LocalDate day)
    {
        if (h.Education.Count > 0 || h.OtherCare.Count > 0) return false;
        var i = TimelineBuilder.IndexOn(spans, day);
        if (i >= 0 && spans[i].Status != Status.None) return false;
        foreach (var s in spans)
            if (s.Route is Route.QualifyingSpecialGuardianship or Route.QualifyingCouncilCare) return false;
        var at16or17 = new DateRange(f.B16, f.B18);
        foreach (var c in f.Care)
            if (c.Range.Overlaps(at16or17)) return false;
        return true;
    }

    /// <param name="f">The facts of the whole history (the first epoch: before any adoption is disregarded).</param>
    /// <param name="window">When given, only the days inside it (the batch asks for one day).</param>
    public List<Entitlement> Runs(HistoryView h, ReadOnlySpan<Span> spans, PersonFacts f, DateRange? window = null) =>
        Join(Pieces(h, spans, f, window));

    /// <summary>Every rule's pieces, before they are joined into runs (<see cref="Runs"/> joins them).</summary>
    public List<Piece> Pieces(HistoryView h, ReadOnlySpan<Span> spans, PersonFacts f, DateRange? window = null)
    {
        var pieces = new List<Piece>(32);
        Apply(new EntitlementContext(_law, h, spans, f, window, pieces));
        return pieces;
    }

    /// <summary>The pieces joined into runs (the list is sorted in place).</summary>
    public List<Entitlement> Join(List<Piece> pieces) => EntitlementRuns.Join(pieces, _law.Entitlements);

    // Every rule's pieces into the context's list (emptied first); bit i set when rule i gave any.
    private int Apply(EntitlementContext context)
    {
        context.Pieces.Clear();
        var gave = 0;
        for (var i = 0; i < _rules.Length; i++)
        {
            var before = context.Pieces.Count;
            context.Begin(_ids[i]);
            _rules[i].Apply(context);
            if (context.Pieces.Count > before) gave |= 1 << i;
        }
        return gave;
    }
}
