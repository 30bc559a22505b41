using System.Runtime.InteropServices;
using LocalOffer.Core.Model;
using LocalOffer.Core.Rules;
using LocalOffer.Core.Time;
using NodaTime;

namespace LocalOffer.Core.Engine;

/// <summary>
/// A span of the timeline with the limb of law behind it. Adjacent spans may share a status when the
/// limb changes (before the regime, then no category; special guardianship, then council care):
/// the public <see cref="TimelineSpan"/> joins them and keeps each limb as a part.
/// </summary>
internal readonly record struct Span(Status Status, Route Route, LocalDate From, LocalDate To);

/// <summary>
/// Builds the timeline from birth to the 25th birthday, once. The status can change only on a
/// date where some fact changes (a birthday, a care period starting or ending, 13 weeks
/// reached, six months at home, an order, a death, a date in force), so it is decided on those
/// dates and holds until the next. Adoption (when the statistics setting says so) starts a new "epoch"
/// in which care before the adoption is disregarded. The fast paths (FastPaths/) answer most children of a
/// batch without building this timeline, each from the episodes' dates: a new fact that can change a
/// status must reach them too (docs/engine.md says how, and which tests fail if it does not).
/// </summary>
internal static class TimelineBuilder
{
    // Scratch list reused per thread: the batch builds millions of timelines.
    [ThreadStatic] private static List<LocalDate>? _candidates;

    public static (Span[] Spans, PersonFacts[] Epochs, LocalDate[] EpochStarts) Build(HistoryView history,
        EnglandLaw law)
    {
        var b25 = law.Birthdays.Birthday(history.DateOfBirth, law.AgeCareLeaverUntil);
        LocalDate[] epochStarts = law.AdoptionEndsCareLeaverStatus && AnyAdoption(history, law)
            ? AdoptionEpochs(history, law, b25)
            : [history.DateOfBirth];
        var epochs = new PersonFacts[epochStarts.Length];
        var spans = new List<Span>(8);
        for (var k = 0; k < epochStarts.Length; k++)
        {
            epochs[k] = new PersonFacts(history, law, k == 0 ? null : epochStarts[k]);
            var to = k + 1 < epochStarts.Length ? epochStarts[k + 1] : b25;
            AddEpoch(epochs[k], k, epochStarts[k], to > b25 ? b25 : to, spans);
        }
        return (spans.ToArray(), epochs, epochStarts);
    }

    /// <summary>
    /// The same timeline into <paramref name="spans"/>, with the facts of the whole history filled into
    /// <paramref name="facts"/> (the batch reuses both for every child of a thread: issue 14). Answers the
    /// facts of the whole history: <paramref name="facts"/>, or new ones when an adoption makes epochs.
    /// </summary>
    public static PersonFacts BuildReusing(HistoryView history, EnglandLaw law, PersonFacts facts, List<Span> spans)
    {
        spans.Clear();
        if (law.AdoptionEndsCareLeaverStatus && AnyAdoption(history, law))
        {
            var (all, epochs, _) = Build(history, law); // rare: the general form
            spans.AddRange(all);
            return epochs[0];
        }
        facts.Fill(history);
        var b25 = law.Birthdays.Birthday(history.DateOfBirth, law.AgeCareLeaverUntil);
        AddEpoch(facts, 0, history.DateOfBirth, b25, spans);
        return facts;
    }

    /// <summary>
    /// The spans of epoch <paramref name="k"/>, from <paramref name="from"/> to <paramref name="to"/>, added.
    /// </summary>
    private static void AddEpoch(PersonFacts facts, int k, LocalDate from, LocalDate to, List<Span> spans)
    {
        var candidates = _candidates ??= new List<LocalDate>(64);
        candidates.Clear();
        candidates.Add(from);
        AddCandidates(facts, candidates, from, to);
        SortFew(CollectionsMarshal.AsSpan(candidates));
        var previous = LocalDate.MinIsoValue;
        foreach (var d in candidates)
        {
            if (d == previous) continue;
            previous = d;
            var decision = StatusEvaluator.Evaluate(facts, d, adoptedBefore: k > 0);
            if (spans.Count > 0 && spans[^1].Status == decision.Status && spans[^1].Route == decision.Route)
                continue; // the same status by the same limb goes on
            if (spans.Count > 0) spans[^1] = spans[^1] with { To = d };
            spans.Add(new Span(decision.Status, decision.Route, d, to));
        }
        if (spans.Count > 0) spans[^1] = spans[^1] with { To = to };
        if (candidates.Capacity > CareLeaverEngine.KeptEpisodeCapacity) _candidates = null; // not kept for the next
    }

    /// <summary>Birth, then each adoption's date in order: care before it is disregarded from then on.</summary>
    private static LocalDate[] AdoptionEpochs(HistoryView history, EnglandLaw law, LocalDate b25)
    {
        var starts = new List<LocalDate> { history.DateOfBirth };
        var episodes = history.Episodes;
        foreach (var i in PersonFacts.OrderOfStart(episodes))
            if (episodes[i] is var e && e.End is { } adopted && e.ReasonEnded is { } r
                && law.AdoptionReasons.Contains(r)
                && adopted > starts[^1] && adopted < b25)
                starts.Add(adopted);
        return [.. starts];
    }

    /// <summary>
    /// Sorts a dozen or so dates in place: insertion sort, since they come in runs already in order
    /// (the birthdays, each care period's start and end), where a general sort costs more.
    /// </summary>
    private static void SortFew(System.Span<LocalDate> dates)
    {
        for (var i = 1; i < dates.Length; i++)
        {
            var d = dates[i];
            var j = i - 1;
            while (j >= 0 && dates[j] > d)
            {
                dates[j + 1] = dates[j];
                j--;
            }
            dates[j + 1] = d;
        }
    }

    // Sorting the episodes for adoptions is needed only when some episode ended in one (most never do).
    internal static bool AnyAdoption(HistoryView history, EnglandLaw law)
    {
        foreach (ref readonly var e in history.Episodes)
            if (e is { End: not null, ReasonEnded: { } r } && law.AdoptionReasons.Contains(r))
                return true;
        return false;
    }

    /// <summary>
    /// Every date on which some fact the status turns on can change, strictly between
    /// <paramref name="from"/> and <paramref name="to"/>, added to the list directly (the batch builds
    /// millions of timelines: no enumerator per child).
    /// </summary>
    private static void AddCandidates(PersonFacts f, List<LocalDate> into, LocalDate from, LocalDate to)
    {
        void Add(LocalDate d)
        {
            if (d > from && d < to) into.Add(d);
        }
        Add(f.Dob);
        Add(f.B16);
        Add(f.B18);
        Add(f.B21);
        Add(f.Law.RegimeStart);
        // A placement move (one episode ending the day the next begins, both short breaks or both not)
        // changes no fact the status turns on: StatusEvaluator reads only whether care covers the day
        // and whether it is a short break. Most episodes of a return are such moves (REC X1).
        var care = f.Care;
        for (var k = 0; k < care.Length; k++)
        {
            var c = care[k];
            if (k == 0 || !Continues(care[k - 1], c)) Add(c.Range.Start);
            if (k + 1 == care.Length || !Continues(c, care[k + 1])) Add(c.Range.End);
        }
        foreach (var c in f.ChildArrangementsOrderDates) Add(c);
        if (f.ThirteenWeeksDate is { } t) Add(t);
        if (f.DeathDate is { } died) Add(died);
        foreach (var s in f.SpecialGuardianshipDates) Add(s);
        foreach (var h in f.HomeExcluded) { Add(h.Start); if (h.End != LocalDate.MaxIsoValue) Add(h.End); }
        foreach (var o in f.OtherCareEnds) Add(o);
    }

    private static bool Continues(CarePeriod before, CarePeriod after) =>
        before.Range.End == after.Range.Start && before.ShortBreak == after.ShortBreak;

    /// <summary>
    /// The index of the span covering <paramref name="d"/>, or -1 (before birth, or from the 25th birthday).
    /// </summary>
    internal static int IndexOn(ReadOnlySpan<Span> spans, LocalDate d)
    {
        for (var i = 0; i < spans.Length; i++)
            if (spans[i].From <= d && d < spans[i].To) return i;
        return -1;
    }

    /// <summary>The first day of the run of one status that span <paramref name="i"/> belongs to.</summary>
    internal static LocalDate StatusSince(ReadOnlySpan<Span> spans, int i)
    {
        while (i > 0 && spans[i - 1].Status == spans[i].Status && spans[i - 1].To == spans[i].From) i--;
        return spans[i].From;
    }

    /// <summary>The index of the first span after <paramref name="i"/> with another status, or -1.</summary>
    internal static int NextStatusChange(ReadOnlySpan<Span> spans, int i)
    {
        for (var k = i + 1; k < spans.Length; k++)
            if (spans[k].Status != spans[i].Status) return k;
        return -1;
    }
}
