using LocalOffer.Core.Input;
using LocalOffer.Core.Model;
using LocalOffer.Core.Rules;
using LocalOffer.Core.Time;
using NodaTime;
using JoinedRuns = LocalOffer.Core.Engine.Entitlements.EntitlementRuns;

namespace LocalOffer.Core.Engine;

/// <summary>
/// Decides the care leaver category of a young person on any date, the timeline from birth to
/// 25, and the statutory entitlements (care-leaver-law.md). Pure and thread-safe: same input,
/// same output. The timeline is computed once per history; the status on a date is a lookup in it.
/// </summary>
public sealed class CareLeaverEngine
{
    private readonly Entitlements.EntitlementRuleSet _entitlements;
    private readonly Explainer _explainer;
    private readonly CareEndedBefore16 _careEndedBefore16;
    private readonly LookedAfterUnder14 _lookedAfterUnder14;
    private readonly OutOfCareFrom18 _outOfCareFrom18;

    public CareLeaverEngine(EnglandLaw law, Ssda903Codes? codes = null)
    {
        Law = law;
        _entitlements = new Entitlements.EntitlementRuleSet(law);
        _careEndedBefore16 = new CareEndedBefore16(law);
        _lookedAfterUnder14 = new LookedAfterUnder14(law, ClassifyFully);
        _outOfCareFrom18 = new OutOfCareFrom18(law, SpansAndRunsQuietWithin);
        _explainer = new Explainer(law,
            codes is null ? null : new Ssda903Labels(codes.LegalStatus, codes.Placement, codes.ReasonEnded));
    }

    public EnglandLaw Law { get; }

    /// <summary>The entitlement rules (for the property tests of the batch's shortcut).</summary>
    internal Entitlements.EntitlementRuleSet Entitlements => _entitlements;

    /// <summary>The full answer for one young person on <paramref name="asAt"/>.</summary>
    /// <exception cref="InvalidInputException">when <paramref name="asAt"/> is before the date of birth.</exception>
    public Assessment Assess(CareHistory history, LocalDate asAt) => Assess(history, asAt, explain: true);

    /// <summary>
    /// <see cref="Assess"/> without the explanation (its <c>Explanation</c> is empty): the timeline with every
    /// reason and provision, the entitlements on the date and every run to 25, and the warnings, by the very
    /// calls <see cref="Assess"/> makes. For `caseload`, which reads the timeline and the runs of every young
    /// person of a return and never the explanation, most of <see cref="Assess"/>'s time (issue 30). A property
    /// test holds it equal to <see cref="Assess"/> in everything but the explanation.
    /// </summary>
    public Assessment AssessWithoutExplanation(CareHistory history, LocalDate asAt) =>
        Assess(history, asAt, explain: false);

    /// <summary>
    /// What a caller listing only the changes after <paramref name="asAt"/> up to <paramref name="upTo"/> needs
    /// (`caseload`, issue 30): the timeline (its words only for the spans that begin in that window) and the
    /// entitlements holding on the day, and every run to 25 (<see cref="Assessment.AllEntitlements"/>, joined from
    /// the same pieces by the same call) only when some entitlement run starts, ends or continues under another
    /// provision in that window. The rules restated:
    /// <see cref="Entitlements.EntitlementRuns.AnyChangeIn"/> (a run's first day, its end and each period's first
    /// day are first or last days of the rules' pieces), asked of the pieces cut to the window
    /// (<see cref="Entitlements.EntitlementRuleSet.AnyChangeIn"/>, the leaf sets cut as
    /// <see cref="Entitlements.EntitlementContext"/> says); and the timeline of <see cref="TimelineOn"/>, built in
    /// the batch's reused buffers (<see cref="Classify(CareHistory, LocalDate)"/>'s), worded by
    /// <see cref="Explainer.TimelineWordedIn"/>. When no run changes (most young people), the runs to 25 are never
    /// made; when one does, they are joined from the pieces of the same timeline, still worded only in the window
    /// (no second timeline, history, warnings or counts: the events read none of them). A history whose adoption
    /// starts an epoch takes the general path (its timeline worded whole). A property test holds the events made
    /// from it to those made from the general path, on every birthday and every day a run, a period or a span
    /// begins or ends, and its timeline's statuses, dates and words in the window to the general path's.
    /// </summary>
    public WindowAssessment AssessWithin(CareHistory history, LocalDate asAt, LocalDate upTo)
    {
        CheckAsAt(history.DateOfBirth, asAt);
        return Within(RentView().Fill(history), history.Id, asAt, upTo, history, null);
    }

    /// <summary>
    /// <see cref="AssessWithin(CareHistory, LocalDate, LocalDate)"/> for a history of looked-after episodes and
    /// nothing else, read from the span as the batch holds a child of a return: the history is made
    /// (<paramref name="history"/>) only when the general path is taken (`caseload`, issue 30).
    /// </summary>
    public WindowAssessment AssessWithin(string? id, LocalDate dateOfBirth, ReadOnlySpan<EpisodeValue> episodes,
        LocalDate asAt, LocalDate upTo, Func<CareHistory> history)
    {
        CheckAsAt(dateOfBirth, asAt);
        return Within(RentView().Fill(dateOfBirth, episodes), id, asAt, upTo, null, history);
    }

    /// <summary>AssessWithin from a rented view (given back here); the history as given or made on demand.</summary>
    private WindowAssessment Within(HistoryView view, string? id, LocalDate asAt, LocalDate upTo, CareHistory? history,
        Func<CareHistory>? make)
    {
        var dob = view.DateOfBirth;
        var work = RentWorkspace();
        try
        {
            if (!(Law.AdoptionEndsCareLeaverStatus && TimelineBuilder.AnyAdoption(view, Law)))
            {
                var whole = TimelineBuilder.BuildReusing(view, Law, work.FactsFor(view, Law), work.Spans);
                var spans = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(work.Spans);
                var quiet = !_entitlements.AnyChangeIn(view, spans, whole, asAt, upTo, out var ids);
                var worded = _explainer.TimelineWordedIn(spans, whole, asAt, upTo);
                if (quiet) return new WindowAssessment(id, dob, worded, ids, null);
                // A run changes in the window (about 4% of a return's young people assessed): the runs to 25 from
                // the same timeline and facts, as Assess joins them (Full), and no second timeline, history,
                // warnings or counts, which the events never read (issue 30).
                var uncut = _entitlements.Pieces(view, spans, whole);
                var idsOnDay = JoinedRuns.IdsOn(uncut, asAt);
                return new WindowAssessment(id, dob, worded, idsOnDay, _entitlements.Join(uncut));
            }
        }
        finally
        {
            ReturnWorkspace(work);
            ReturnView(view);
        }
        history ??= make!();
        var t = TimelineOn(history, asAt);
        var pieces = _entitlements.Pieces(t.View, t.Spans, t.Whole);
        var idsOn = JoinedRuns.IdsOn(pieces, asAt);
        return new WindowAssessment(history.Id, history.DateOfBirth, t.Timeline, idsOn, _entitlements.Join(pieces));
    }

    /// <summary>
    /// The one assessment both serve: the explainer's warnings are the history's (HistoryWarnings.For, as the
    /// explainer makes them), so without the explanation they are asked of HistoryWarnings directly.
    /// </summary>
    private Assessment Assess(CareHistory history, LocalDate asAt, bool explain)
    {
        var t = TimelineOn(history, asAt);
        return Full(history, asAt, explain, t, _entitlements.Pieces(t.View, t.Spans, t.Whole));
    }

    /// <summary><see cref="Assess"/> from the timeline and the rules' pieces.</summary>
    private Assessment Full(CareHistory history, LocalDate asAt, bool explain, TimelineAt t,
        List<Entitlements.Piece> pieces)
    {
        var all = _entitlements.Join(pieces);
        var now = all.Where(e => e.CoversDate(asAt)).ToArray();
        var (explanation, warnings) = explain
            ? _explainer.Explain(history, t.Whole, t.Spans, t.Timeline, all, asAt, t.Age, t.Status)
            : ([], HistoryWarnings.For(t.Whole.History, Law, t.Whole.DeathDate, asAt));
        return new Assessment(history.Id, history.DateOfBirth, asAt, t.Age, t.Status, t.Route, t.StatusReason,
            t.Since, t.Next, t.Timeline, now, all, explanation, warnings, Facts(t.Spans, t.Whole, asAt));
    }

    /// <summary>
    /// <see cref="Assess"/> on one day, without the explanation: the timeline with every reason and
    /// provision, the status and its reason, and the entitlements on that day with the provisions and
    /// condition that carry each on it, cut to the day (each runs from the date to the next day, as the
    /// batch asks the rules: <see cref="Assess"/> gives a run's first and last days). For the audit, which
    /// asks this of thousands of young people: the explanation is most of <see cref="Assess"/>'s time, the
    /// runs to 25 most of the rest (issue 31). A property test holds the two equal on the day.
    /// </summary>
    public Assessment AssessOnDay(CareHistory history, LocalDate asAt)
    {
        var t = TimelineOn(history, asAt);
        var day = _entitlements.Runs(t.View, t.Spans, t.Whole, new DateRange(asAt, asAt.PlusDays(1)));
        var warnings = HistoryWarnings.For(t.Whole.History, Law, t.Whole.DeathDate, asAt);
        return new Assessment(history.Id, history.DateOfBirth, asAt, t.Age, t.Status, t.Route, t.StatusReason,
            t.Since, t.Next, t.Timeline, day, day, [], warnings, Facts(t.Spans, t.Whole, asAt));
    }

    /// <summary>
    /// What <see cref="Assess"/> and <see cref="AssessOnDay"/> share: the timeline with its words, and where
    /// the date falls in it (age, status, since when, next change, the reason and limb of law on the day).
    /// </summary>
    private TimelineAt TimelineOn(CareHistory history, LocalDate asAt)
    {
        CheckAsAt(history.DateOfBirth, asAt);
        var view = HistoryView.Of(history);
        var (spans, epochs, starts) = TimelineBuilder.Build(view, Law);
        PersonFacts EpochOf(LocalDate d) => epochs[Math.Max(0, Array.FindLastIndex(starts, s => s <= d))];
        var timeline = _explainer.Timeline(spans, EpochOf);
        var (age, status, since, next) = Where(history.DateOfBirth, spans, asAt);
        var current = timeline.FirstOrDefault(t => t.From <= asAt && asAt < t.To);
        var statusReason = current?.Parts.First(p => p.From <= asAt && asAt < p.To).Reason
            ?? _explainer.Reason(new Span(Status.None, Route.NoneApplies, asAt, asAt), EpochOf(asAt)).Reason;
        var route = TimelineBuilder.IndexOn(spans, asAt) is var i and >= 0 ? spans[i].Route : Route.NoneApplies;
        return new(view, spans, epochs[0], timeline, age, status, since, next, statusReason, route);
    }

    private readonly record struct TimelineAt(HistoryView View, Span[] Spans, PersonFacts Whole,
        TimelineSpan[] Timeline, int Age, Status Status, LocalDate Since, StatusChange? Next, string StatusReason,
        Route Route);

    /// <summary>
    /// The entitlements on one day, each with the provisions and condition that carry it on that day, cut
    /// to the day as <see cref="AssessOnDay"/> gives them, without the timeline's words: what the audit
    /// asks of every young person whose record of a duty it questions (issue 31).
    /// </summary>
    public IReadOnlyList<Entitlement> EntitlementsOnDay(CareHistory history, LocalDate day)
    {
        CheckAsAt(history.DateOfBirth, day);
        // The batch's reused buffers (one view and workspace per thread), as ClassifyFully fills them.
        var view = RentView().Fill(history);
        var work = RentWorkspace();
        try
        {
            var whole = TimelineBuilder.BuildReusing(view, Law, work.FactsFor(view, Law), work.Spans);
            var spans = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(work.Spans);
            return _entitlements.Runs(view, spans, whole, new DateRange(day, day.PlusDays(1)));
        }
        finally
        {
            ReturnWorkspace(work);
            ReturnView(view);
        }
    }

    /// <summary>
    /// The entitlement runs of <see cref="Assess"/> (its <c>AllEntitlements</c>, the very same call), without the
    /// timeline's words, the explanation or the warnings: a what-if run asks for a whole cohort under two laws.
    /// (Not the batch's day window: a window is one day, as <see cref="Entitlements.EntitlementContext"/> reads it.)
    /// </summary>
    public IReadOnlyList<Entitlement> EntitlementRuns(CareHistory history)
    {
        var view = HistoryView.Of(history);
        var (spans, epochs, _) = TimelineBuilder.Build(view, Law);
        return _entitlements.Runs(view, spans, epochs[0]);
    }

    /// <summary>
    /// Whether no entitlement can hold on <paramref name="from"/> or any day after: the batch's short cut for care
    /// that ended by 16 answers on that day (every episode ended by the 16th birthday and by the day, nothing but
    /// episodes recorded). Such a young person has status none from the end of their care to 25 and no
    /// entitlement (<see cref="CareEndedBefore16"/>), and on every later day the short cut's conditions still
    /// hold. A what-if run passes over most of a return's children with it (issue 32).
    /// </summary>
    public bool NothingHoldsFrom(CareHistory history, LocalDate from)
    {
        if (from < history.DateOfBirth) return false;
        return NothingHolds(RentView().Fill(history), from);
    }

    /// <summary>
    /// <see cref="NothingHoldsFrom(CareHistory, LocalDate)"/> for a history of looked-after episodes and nothing else,
    /// read from the span as the batch holds a child of a return (no history made): `caseload` asks it of every
    /// young person of a return and makes a history only for those it does not pass over (issue 30).
    /// </summary>
    public bool NothingHoldsFrom(LocalDate dateOfBirth, ReadOnlySpan<EpisodeValue> episodes, LocalDate from)
    {
        if (from < dateOfBirth) return false;
        return NothingHolds(RentView().Fill(dateOfBirth, episodes), from);
    }

    /// <summary>
    /// Whether nothing of a child of a return changes after <paramref name="asAt"/> up to <paramref name="upTo"/>:
    /// looked after and under 14 on every day of it, no episode beginning or ending in it, and no entitlement of
    /// any such child starting, ending or changing provision in it, nor a pathway plan owed on the day (the batch's
    /// short cut for care before 14, day by day: <see cref="LookedAfterUnder14.NothingChangesWithin"/>). `caseload`
    /// passes over such a young person with nothing to list (issue 30); a property test holds it.
    /// </summary>
    public bool NothingChangesWithin(LocalDate dateOfBirth, ReadOnlySpan<EpisodeValue> episodes, LocalDate asAt,
        LocalDate upTo)
    {
        if (asAt < dateOfBirth) return false;
        return NothingChangesWithin(RentView().Fill(dateOfBirth, episodes), asAt, upTo);
    }

    /// <summary><see cref="NothingChangesWithin(LocalDate, ReadOnlySpan{EpisodeValue}, LocalDate, LocalDate)"/> for a
    /// care history (the property tests).</summary>
    public bool NothingChangesWithin(CareHistory history, LocalDate asAt, LocalDate upTo)
    {
        if (asAt < history.DateOfBirth) return false;
        return NothingChangesWithin(RentView().Fill(history), asAt, upTo);
    }

    private bool NothingChangesWithin(HistoryView view, LocalDate asAt, LocalDate upTo)
    {
        try { return _lookedAfterUnder14.NothingChangesWithin(view, asAt, upTo, QuietWithin); }
        finally { ReturnView(view); }
    }

    /// <summary>
    /// Whether nothing of a young person of a return changes after <paramref name="asAt"/> up to
    /// <paramref name="upTo"/>: aged 18 to 25 with all care over by the day and no birthday in the window, and no
    /// date in force in it that changes anything for a representative adult who left care
    /// (<see cref="OutOfCareFrom18.NothingChangesWithin"/>): no span of the timeline begins and no entitlement run
    /// starts, ends or changes provision in it. `caseload` passes over such a young person when no review falls due
    /// (issue 30); a property test holds it.
    /// </summary>
    public bool NothingChangesAfterCareWithin(LocalDate dateOfBirth, ReadOnlySpan<EpisodeValue> episodes,
        LocalDate asAt, LocalDate upTo)
    {
        if (asAt < dateOfBirth) return false;
        return NothingChangesAfterCareWithin(RentView().Fill(dateOfBirth, episodes), asAt, upTo);
    }

    /// <summary><see cref="NothingChangesAfterCareWithin(LocalDate, ReadOnlySpan{EpisodeValue}, LocalDate,
    /// LocalDate)"/> for a care history (the property tests).</summary>
    public bool NothingChangesAfterCareWithin(CareHistory history, LocalDate asAt, LocalDate upTo)
    {
        if (asAt < history.DateOfBirth) return false;
        return NothingChangesAfterCareWithin(RentView().Fill(history), asAt, upTo);
    }

    private bool NothingChangesAfterCareWithin(HistoryView view, LocalDate asAt, LocalDate upTo)
    {
        try { return _outOfCareFrom18.NothingChangesWithin(view, asAt, upTo); }
        finally { ReturnView(view); }
    }

    /// <summary>The full rules' window: no span of the timeline begins in it and no run changes in it.</summary>
    private bool SpansAndRunsQuietWithin(CareHistory history, LocalDate asAt, LocalDate upTo)
    {
        if (AssessWithin(history, asAt, upTo) is not { RunsWhenChanging: null } w) return false;
        var dayAfter = upTo.PlusDays(1);
        foreach (var t in w.Timeline) if (t.From > asAt && t.From <= dayAfter) return false;
        return true;
    }

    /// <summary>The full rules' window: no run changes in it, and no pathway plan owed on the day.</summary>
    private bool QuietWithin(CareHistory history, LocalDate asAt, LocalDate upTo) =>
        AssessWithin(history, asAt, upTo) is { RunsWhenChanging: null } w
        && !w.IdsOnDay.Contains(EntitlementIds.PathwayPlan);

    /// <summary>The short cut's answer on <paramref name="from"/>: none, and no entitlement (the view is returned).</summary>
    private bool NothingHolds(HistoryView view, LocalDate from)
    {
        try { return _careEndedBefore16.TryClassify(view, from) is { Status: Status.None, EntitlementIds.Count: 0 }; }
        finally { ReturnView(view); }
    }

    /// <summary>
    /// The batch form: status, since when, next change, counts and the entitlement ids on the
    /// date, without the words. Same decisions as <see cref="Assess"/>.
    /// </summary>
    public Classification Classify(CareHistory history, LocalDate asAt)
    {
        CheckAsAt(history.DateOfBirth, asAt);
        var view = RentView().Fill(history);
        try { return ShortCut(view, asAt) ?? ClassifyFully(view, asAt); }
        finally { ReturnView(view); }
    }

    /// <summary>
    /// <see cref="Classify(CareHistory, LocalDate)"/> for a history of looked-after episodes and nothing
    /// else, as the batch holds a child of an SSDA903 return: the episodes are read from the span and
    /// not kept, so the caller may fill one buffer again for each child (issue 14: no object per episode).
    /// </summary>
    public Classification Classify(LocalDate dateOfBirth, ReadOnlySpan<EpisodeValue> episodes, LocalDate asAt)
    {
        CheckAsAt(dateOfBirth, asAt);
        var view = RentView().Fill(dateOfBirth, episodes);
        try { return ShortCut(view, asAt) ?? ClassifyFully(view, asAt); }
        finally { ReturnView(view); }
    }

    /// <summary>
    /// The most episodes whose buffers a thread keeps from one child to the next (the view, the facts, the
    /// batch's): a child with more (a real record has a few dozen) gets buffers of its own, let go after,
    /// so one hostile record does not hold memory for the rest of the process.
    /// </summary>
    public const int KeptEpisodeCapacity = 1024;

    // One view per thread, filled again for each child.
    private static HistoryView RentView() => PerThread<HistoryView>.Take();

    private static void ReturnView(HistoryView view)
    {
        view.Clear();
        PerThread<HistoryView>.GiveBack(view);
    }

    /// <summary>Whether <see cref="Classify"/> answers without the timeline (for the property tests).</summary>
    internal bool TakesShortCut(CareHistory history, LocalDate asAt) =>
        ShortCut(HistoryView.Of(history), asAt) is not null;

    /// <summary>Which short cut answers (1 CareEndedBefore16, 2 LookedAfterUnder14), or 0 (for the tests).</summary>
    internal int ShortCutTaken(CareHistory history, LocalDate asAt)
    {
        var view = HistoryView.Of(history);
        return _careEndedBefore16.TryClassify(view, asAt) is not null ? 1
            : _lookedAfterUnder14.TryClassify(view, asAt) is not null ? 2 : 0;
    }

    // Most children of a return are answered from their episodes' dates (issue 14): care that ended by
    // 16, or care now before 14. Each short cut steps aside (null) for anything it does not cover.
    private Classification? ShortCut(HistoryView history, LocalDate asAt) =>
        _careEndedBefore16.TryClassify(history, asAt) ?? _lookedAfterUnder14.TryClassify(history, asAt);

    /// <summary>Classify by the timeline, without the short cut (the property tests hold the two equal).</summary>
    internal Classification ClassifyFully(CareHistory history, LocalDate asAt) =>
        ClassifyFully(HistoryView.Of(history), asAt);

    private Classification ClassifyFully(HistoryView history, LocalDate asAt) =>
        ClassifyFully(history, asAt, null);

    /// <param name="stage">Called after each stage (0 timeline, 1 status, 2 entitlement ids, 3 warnings,
    /// 4 counts) by the bench's profile; null in every other use.</param>
    private Classification ClassifyFully(HistoryView history, LocalDate asAt, Action<int>? stage)
    {
        var work = RentWorkspace();
        try
        {
            var whole = TimelineBuilder.BuildReusing(history, Law, work.FactsFor(history, Law), work.Spans);
            var spans = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(work.Spans);
            stage?.Invoke(0);
            var (age, status, since, next) = Where(history.DateOfBirth, spans, asAt);
            stage?.Invoke(1);
            var ids = _entitlements.IdsOn(history, spans, whole, asAt);
            stage?.Invoke(2);
            var warnings = HistoryWarnings.For(history, Law, whole.DeathDate, asAt);
            stage?.Invoke(3);
            var facts = Facts(spans, whole, asAt);
            stage?.Invoke(4);
            return new Classification(age, status, since, next, facts, ids, warnings);
        }
        finally { ReturnWorkspace(work); }
    }

    // One workspace per thread: facts and spans filled again for each child.
    private static DayWorkspace RentWorkspace() => PerThread<DayWorkspace>.Take();

    private static void ReturnWorkspace(DayWorkspace work)
    {
        work.Spans.Clear();
        // A child with thousands of episodes leaves big buffers: let them go rather than keep them.
        if (!work.Oversized) PerThread<DayWorkspace>.GiveBack(work);
    }

    /// <summary>
    /// The full path stage by stage for the bench's profile: the time and bytes of the timeline, the
    /// status, the entitlement ids, the warnings and the counts are added to <paramref name="ticks"/>
    /// and <paramref name="bytes"/> (five slots each). The very calls of Classify's full path.
    /// </summary>
    internal Classification ProfileStages(CareHistory input, LocalDate asAt, long[] ticks, long[] bytes)
    {
        var history = HistoryView.Of(input);
        long t = 0, a = 0;
        Action<int> stage = k =>
        {
            var (t1, a1) = (System.Diagnostics.Stopwatch.GetTimestamp(), GC.GetAllocatedBytesForCurrentThread());
            (ticks[k], bytes[k]) = (ticks[k] + t1 - t, bytes[k] + a1 - a);
            (t, a) = (System.Diagnostics.Stopwatch.GetTimestamp(), GC.GetAllocatedBytesForCurrentThread());
        };
        (t, a) = (System.Diagnostics.Stopwatch.GetTimestamp(), GC.GetAllocatedBytesForCurrentThread());
        return ClassifyFully(history, asAt, stage);
    }

    /// <summary>The timeline alone, for the bench's profile of where classification time goes.</summary>
    internal object ProfileTimeline(CareHistory history) => TimelineBuilder.Build(HistoryView.Of(history), Law).Spans;

    /// <summary>
    /// The status on <paramref name="d"/> decided directly, without the timeline (for property tests).
    /// </summary>
    internal Status EvaluateDirect(CareHistory history, LocalDate d)
    {
        var (_, epochs, starts) = TimelineBuilder.Build(HistoryView.Of(history), Law);
        var k = Array.FindLastIndex(starts, s => s <= d);
        if (k < 0) return Status.None;
        return StatusEvaluator.Evaluate(epochs[k], d, k > 0).Status;
    }

    /// <summary>Age, status, since when, and the next change of status (at 25 at the latest) on a date.</summary>
    private (int Age, Status Status, LocalDate Since, StatusChange? Next) Where(LocalDate dateOfBirth,
        ReadOnlySpan<Span> spans, LocalDate asAt)
    {
        var i = TimelineBuilder.IndexOn(spans, asAt);
        var age = Law.Birthdays.AgeOn(dateOfBirth, asAt);
        if (i < 0) return (age, Status.None, spans[^1].To, null); // on or after the 25th birthday
        var k = TimelineBuilder.NextStatusChange(spans, i);
        StatusChange? next = k >= 0 ? new(spans[k].From, spans[k].Status)
            : spans[i].Status != Status.None ? new(spans[^1].To, Status.None) : null;
        return (age, spans[i].Status, TimelineBuilder.StatusSince(spans, i), next);
    }

    /// <summary>Counts on the date, over the whole history (adoption does not unmake days looked after).</summary>
    private static CareFacts Facts(ReadOnlySpan<Span> spans, PersonFacts whole, LocalDate asAt)
    {
        // Loops, not Any(lambda): no closure per child in the batch's hot path.
        var everEligible = false;
        foreach (var s in spans)
            if (s.Status == Status.Eligible && s.From <= asAt) { everEligible = true; break; }
        if (!everEligible)
            foreach (var c in whole.Cessations)
                if (c <= asAt && whole.EligibleAtCessation(c)) { everEligible = true; break; }
        return new CareFacts(
            whole.CountedBefore(asAt),
            whole.CountedBetween(whole.B16, asAt),
            everEligible,
            whole.ThirteenWeeksDate is { } t && t <= asAt ? t : null);
    }

    private static void CheckAsAt(LocalDate dateOfBirth, LocalDate asAt)
    {
        if (asAt < dateOfBirth)
            throw new InvalidInputException([new InputError("asAt",
                $"{asAt:yyyy-MM-dd} is before the date of birth {dateOfBirth:yyyy-MM-dd}")]);
    }
}

/// <summary>The batch answer for one young person on one date (see <see cref="CareLeaverEngine.Classify"/>).</summary>
/// <param name="Warnings">The same warnings as <see cref="Assessment.Warnings"/> (see HistoryWarnings).</param>
public sealed record Classification(int Age, Status Status, LocalDate StatusSince, StatusChange? NextChange,
    CareFacts Facts,
    IReadOnlyList<string> EntitlementIds, IReadOnlyList<string> Warnings);
