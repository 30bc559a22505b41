using LocalOffer.Core.Engine;
using LocalOffer.Core.Model;
using LocalOffer.Core.Rules;
using NodaTime;

namespace LocalOffer.Batch.Caseload;

/// <summary>
/// What falls due for one young person after the as-at date, from the rules core's answer: status
/// changes from <see cref="Assessment.Timeline"/>, entitlement runs starting, continuing under another
/// provision or ending from <see cref="EntitlementEvents.After"/>, and the dates the law sets for the
/// council's own work (needs assessment, pathway plan reviews, the Universal Credit pre-claim window).
/// Nothing here decides a status or an entitlement: it only reads the core's answer and dated parameters.
/// </summary>
public sealed class CaseloadEvents(EnglandLaw law)
{
    /// <summary>
    /// The events from the day after <paramref name="asAt"/> to <paramref name="asAt"/> + <paramref name="withinDays"/>,
    /// plus the council's tasks due on or before <paramref name="asAt"/> (a review overdue, an assessment due today).
    /// </summary>
    public List<CaseloadEvent> For(Assessment a, CaseloadExtras? extras, LocalDate asAt, int withinDays) =>
        EventsOf(a, extras, asAt, withinDays) ?? [];

    private List<CaseloadEvent>? EventsOf(Assessment a, CaseloadExtras? extras, LocalDate asAt, int withinDays) =>
        Events(a.Id, a.DateOfBirth, a.Timeline,
            a.AllEntitlements.Any(e => e.Id == EntitlementIds.PathwayPlan && e.CoversDate(asAt)), a.AllEntitlements,
            extras, asAt, withinDays);

    /// <summary>
    /// <see cref="For(Assessment, CaseloadExtras?, LocalDate, int)"/> from <see cref="CareLeaverEngine.AssessWithin"/>
    /// over the same window: from the timeline, the entitlements of the day and, when a run changes in the window, its
    /// runs to 25; otherwise with no entitlement event to look for (none starts, ends or changes in it).
    /// </summary>
    public List<CaseloadEvent> For(WindowAssessment w, CaseloadExtras? extras, LocalDate asAt, int withinDays) =>
        EventsOrNone(w, extras, asAt, withinDays) ?? [];

    /// <summary>
    /// <see cref="For(WindowAssessment, CaseloadExtras?, LocalDate, int)"/>, null when nothing falls due: most young
    /// people of a return assessed have no event in a 60-day window, and `caseload` keeps no list for them (issue 30).
    /// </summary>
    public List<CaseloadEvent>? EventsOrNone(WindowAssessment w, CaseloadExtras? extras, LocalDate asAt,
        int withinDays) =>
        // The ids of the day are those of the runs covering it (Assessment.Entitlements'), so a plan is owed on the
        // day exactly when EventsOf would say so from the runs.
        Events(w.Id, w.DateOfBirth, w.Timeline, w.IdsOnDay.Contains(EntitlementIds.PathwayPlan), w.RunsWhenChanging,
            extras, asAt, withinDays);

    /// <param name="planOwed">Whether a pathway plan is owed on <paramref name="asAt"/>.</param>
    /// <param name="runs">Every entitlement run to 25, or null when none changes in the window.</param>
    /// <returns>The events in the order made, or null when there is none.</returns>
    private List<CaseloadEvent>? Events(string? id, LocalDate dob, IReadOnlyList<TimelineSpan> timeline, bool planOwed,
        IReadOnlyList<Entitlement>? runs, CaseloadExtras? extras, LocalDate asAt, int withinDays)
    {
        var horizon = asAt.PlusDays(withinDays);
        // Made on the first event: most young people assessed have none in the window (issue 30).
        List<CaseloadEvent>? events = null;
        LocalDate Birthday(int age) => law.Birthdays.Birthday(dob, age);
        var b16 = Birthday(law.AgeEligibleFrom);
        var b18 = Birthday(law.AgeAdult);
        var b21 = Birthday(law.AgeCoreDutiesUntil);
        var b25 = Birthday(law.AgeCareLeaverUntil);
        bool Upcoming(LocalDate d) => d > asAt && d <= horizon;
        void Add(CaseloadEventKind kind, string title, LocalDate due, string changes, IReadOnlyList<LegalReference> basis, Status? to = null) =>
            (events ??= []).Add(new CaseloadEvent(id ?? "", dob, kind, title, due, Period.DaysBetween(asAt, due),
                changes, basis, to, extras));

        // Status changes, as the timeline has them; one on a milestone birthday is told as that birthday.
        // Loops rather than a sorted dictionary and lambdas: this runs for every young person of a return assessed;
        // the changes in this thread's list, reused (nothing below calls back into this method).
        var changes = StatusChangesInto(timeline, b25, reusedChanges ??= []);
        Status? ChangeOn(LocalDate d)
        {
            foreach (var (on, to) in changes) if (on == d) return to;
            return null;
        }
        Status StatusOn(LocalDate d)
        {
            foreach (var t in timeline) if (t.From <= d && d < t.To) return t.Status;
            return Status.None;
        }
        string StatusWords(LocalDate d) => ChangeOn(d) is { } to
            ? $"status becomes {to.Plain()} (was {StatusOn(d.PlusDays(-1)).Plain()})"
            : $"status stays {StatusOn(d).Plain()}";
        foreach (var (on, to) in changes)
            if (Upcoming(on) && on != b16 && on != b18 && on != b21 && on != b25)
                Add(CaseloadEventKind.StatusChange, $"Becomes {to.Plain()}", on,
                    $"status becomes {to.Plain()} (was {StatusOn(on.PlusDays(-1)).Plain()}): " +
                    SpanFrom(timeline, on).Reason, SpanFrom(timeline, on).Basis, to);

        // 16: a looked-after child can become an eligible child (Sch 2 para 19B(2); CPPCR 2010 reg 40).
        if (Upcoming(b16) && (StatusOn(b16.PlusDays(-1)) != Status.None || StatusOn(b16) != Status.None))
            Add(CaseloadEventKind.Birthday16, "16th birthday", b16,
                $"an eligible child from today if looked after 13 weeks since 14; {StatusWords(b16)}",
                [law.P.Sch2Para19B, law.P.Cppcr40], ChangeOn(b16));

        // Needs assessment: within 3 months of 16 or of becoming eligible, if later (CPPCR 2010 reg 42(1)).
        if (timeline.FirstOrDefault(t => t.Status == Status.Eligible) is { } eligible)
        {
            var from = eligible.From > b16 ? eligible.From : b16;
            var due = from.PlusMonths(law.NeedsAssessmentMonths);
            if (due >= asAt && due <= horizon && from <= horizon)
                Add(CaseloadEventKind.NeedsAssessment, "Needs assessment due", due,
                    $"assess needs for the pathway plan: eligible from {from:d MMMM yyyy}, due within {law.NeedsAssessmentMonths} months",
                    law.Ref("periods.needs_assessment_months"));
        }

        // Pathway plan review: at most 6 months after the last (CPPCR 2010 reg 43; CLR 2010 reg 7), while a plan is owed.
        if (extras?.LastReview is { } last && planOwed)
        {
            var due = last.PlusMonths(law.PathwayPlanReviewMonths);
            if (due <= horizon)
                Add(CaseloadEventKind.PathwayPlanReview, due < asAt ? "Pathway plan review overdue" : "Pathway plan review due", due,
                    $"review the pathway plan: last reviewed {last:d MMMM yyyy}, at most {law.PathwayPlanReviewMonths} months apart",
                    law.Ref("periods.pathway_plan_review_months"));
        }

        // Universal Credit pre-claim appointment, 28 days before 18, for eligible and relevant children (DWP, 2023).
        var uc = b18.PlusDays(-law.UniversalCreditPreClaimDays);
        if (Upcoming(uc) && StatusOn(uc) is Status.Eligible or Status.Relevant)
            Add(CaseloadEventKind.UniversalCreditPreClaim, "Universal Credit pre-claim window opens", uc,
                $"book a pre-claim appointment with DWP so Universal Credit can be paid from the 18th birthday ({b18:d MMMM yyyy})",
                law.Ref("periods.universal_credit_pre_claim_days"));

        // 18: an adult; no longer looked after, eligible or relevant (CA 1989 s.105(1); s.23C(1)).
        if (Upcoming(b18) && (StatusOn(b18.PlusDays(-1)) != Status.None || ChangeOn(b18) is not null))
            Add(CaseloadEventKind.Birthday18, "18th birthday", b18, $"an adult: {StatusWords(b18)}", [law.P.S105, law.P.S23C1a],
                ChangeOn(b18));

        // 21: core former relevant duties end (s.23C(6)) unless in education or training (s.23C(7));
        // the council must offer a personal adviser to 25 (s.23CZB).
        if (Upcoming(b21) && (StatusOn(b21.PlusDays(-1)) == Status.FormerRelevant || ChangeOn(b21) is not null))
            Add(CaseloadEventKind.Birthday21, "21st birthday", b21,
                (StatusOn(b21.PlusDays(-1)) == Status.FormerRelevant
                    ? "core duties end unless in education or training; offer a personal adviser to 25 (s.23CZB); " : "")
                + StatusWords(b21), [law.P.S23C7, law.P.S23CZB], ChangeOn(b21));

        // 25: every leaving care duty ends (s.23CZB(1); s.23CA(1)(a); s.24B(2)).
        if (Upcoming(b25) && StatusOn(b25.PlusDays(-1)) != Status.None)
            Add(CaseloadEventKind.Birthday25, "25th birthday", b25, $"leaving care duties end; {StatusWords(b25)}",
                law.Ref("ages.care_leaver_until"), ChangeOn(b25));

        // Entitlement runs: start, continue under another provision, end (the core's runs, never recomputed).
        if (runs is null) return events;
        foreach (var e in EntitlementEvents.After(runs, asAt, b25))
        {
            if (e.On > horizon) break;
            var run = e.Run;
            switch (e.Kind)
            {
                case EntitlementEventKind.Starts:
                    Add(CaseloadEventKind.EntitlementStarts, $"{run.Title} starts", e.On,
                        $"starts: {run.Title}{(run.Amount is { } m ? $" ({m})" : "")}{Condition(e.Period)}", e.Period!.Basis);
                    break;
                case EntitlementEventKind.Continues:
                    Add(CaseloadEventKind.EntitlementContinues, $"{run.Title} continues", e.On,
                        $"continues: {run.Title}, now under {string.Join("; ", e.Period!.Basis)}{Condition(e.Period)}", e.Period.Basis);
                    break;
                default:
                    Add(CaseloadEventKind.EntitlementEnds, $"{run.Title} ends", e.On, $"ends: {run.Title}",
                        run.PeriodOn(e.On.PlusDays(-1))?.Basis ?? run.Basis);
                    break;
            }
        }
        return events;
    }

    /// <summary>
    /// Whether nothing can fall due after <paramref name="asAt"/>, however long the window, so <see cref="For"/>
    /// would list nothing: the engine's short cut for care that ended by 16 answers on the day with status none
    /// and no entitlement (<see cref="CareLeaverEngine.NothingHoldsFrom"/>: every episode ended by the 16th
    /// birthday and by the day, nothing but episodes recorded). Such a young person has status none from the
    /// end of their care (on or before the day) to 25, was never eligible, and no entitlement holds on the day
    /// or after. So, event by event: no status changes after the day (the timeline is none from before it);
    /// no birthday at 16, 18, 21 or 25 (each asks a status or a change on the day before or the day, all after
    /// the day asked about); no needs assessment (never eligible); no pathway plan review (no plan owed on the
    /// day); no Universal Credit window (neither eligible nor relevant then); no entitlement run starting,
    /// continuing or ending after the day (an end after it would be a run holding on a day from it).
    /// `caseload` passes over most of a return's young people with it (issue 30); a property test holds it
    /// to <see cref="For"/> on the full assessment with the longest window and a review recorded.
    /// </summary>
    public static bool NothingFallsDue(CareLeaverEngine engine, CareHistory history, LocalDate asAt) =>
        engine.NothingHoldsFrom(history, asAt);

    /// <summary><see cref="NothingFallsDue(CareLeaverEngine, CareHistory, LocalDate)"/> for a child of a return,
    /// from the episodes as the batch reads them (no history made).</summary>
    public static bool NothingFallsDue(CareLeaverEngine engine, LocalDate dateOfBirth,
        ReadOnlySpan<EpisodeValue> episodes, LocalDate asAt) => engine.NothingHoldsFrom(dateOfBirth, episodes, asAt);

    /// <summary>
    /// Whether nothing falls due after <paramref name="asAt"/> up to <paramref name="asAt"/> +
    /// <paramref name="withinDays"/> for a child looked after and under 14 throughout, with no episode beginning or
    /// ending in the window (<see cref="CareLeaverEngine.NothingChangesWithin(LocalDate, ReadOnlySpan{EpisodeValue},
    /// LocalDate, LocalDate)"/>): status looked after every day of it, so no status change; no birthday at 16, 18, 21
    /// or 25 in it, nor the Universal Credit window (after 16); no needs assessment (eligible at 16 at the soonest,
    /// after the window); no pathway plan owed on the day, so no review; no entitlement run starting, continuing or
    /// ending in it. A fifth of the young people of a return `caseload` assesses (issue 30); a property test holds it
    /// to <see cref="For"/> on the full assessment, with a review recorded.
    /// </summary>
    public static bool NothingFallsDueWithin(CareLeaverEngine engine, LocalDate dateOfBirth,
        ReadOnlySpan<EpisodeValue> episodes, LocalDate asAt, int withinDays) =>
        engine.NothingChangesWithin(dateOfBirth, episodes, asAt, asAt.PlusDays(withinDays));

    /// <summary>
    /// Whether nothing falls due after <paramref name="asAt"/> up to <paramref name="asAt"/> +
    /// <paramref name="withinDays"/> for a young person aged 18 to 25 whose care is all over, with no birthday in the
    /// window, no date in force changing anything in it and nothing of theirs changing in it
    /// (<see cref="CareLeaverEngine.NothingChangesAfterCareWithin(LocalDate, ReadOnlySpan{EpisodeValue}, LocalDate,
    /// LocalDate)"/>), so, event by event: no status change (no span begins); no birthday at 16, 18, 21 or 25, and the
    /// Universal Credit window (before 18) passed; no needs assessment, as the day is more than the months it is due
    /// in (CPPCR 2010 reg 42(1)) after 18, and eligible status ends by 18 (Sch 2 para 19B(2)); no pathway plan review,
    /// as none recorded falls due by the window's last day (the only case in which a plan owed on the day matters);
    /// no entitlement run starting, continuing or ending. The largest group of a return `caseload` assessed with
    /// nothing to list (issue 30); a property test holds it to <see cref="For"/> on the full assessment.
    /// </summary>
    public bool NothingFallsDueAfterCare(CareLeaverEngine engine, LocalDate dateOfBirth,
        ReadOnlySpan<EpisodeValue> episodes, LocalDate asAt, int withinDays, CaseloadExtras? extras) =>
        NoTaskFallsDue(dateOfBirth, asAt, withinDays, extras)
        && engine.NothingChangesAfterCareWithin(dateOfBirth, episodes, asAt, asAt.PlusDays(withinDays));

    /// <summary><see cref="NothingFallsDueAfterCare(CareLeaverEngine, LocalDate, ReadOnlySpan{EpisodeValue},
    /// LocalDate, int, CaseloadExtras?)"/> for a care history (the property tests).</summary>
    public bool NothingFallsDueAfterCare(CareLeaverEngine engine, CareHistory history, LocalDate asAt, int withinDays,
        CaseloadExtras? extras) =>
        NoTaskFallsDue(history.DateOfBirth, asAt, withinDays, extras)
        && engine.NothingChangesAfterCareWithin(history, asAt, asAt.PlusDays(withinDays));

    /// <summary>
    /// Neither the needs assessment (due by the months after becoming eligible, which is before 18) nor a recorded
    /// review (due by the months after it) can fall due from <paramref name="asAt"/> to the window's last day.
    /// </summary>
    private bool NoTaskFallsDue(LocalDate dateOfBirth, LocalDate asAt, int withinDays, CaseloadExtras? extras) =>
        asAt > law.Birthdays.Birthday(dateOfBirth, law.AgeAdult).PlusMonths(law.NeedsAssessmentMonths)
        && (extras?.LastReview is not { } last
            || last.PlusMonths(law.PathwayPlanReviewMonths) > asAt.PlusDays(withinDays));

    /// <summary><see cref="NothingFallsDueWithin(CareLeaverEngine, LocalDate, ReadOnlySpan{EpisodeValue}, LocalDate,
    /// int)"/> for a care history (the property tests).</summary>
    public static bool NothingFallsDueWithin(CareLeaverEngine engine, CareHistory history, LocalDate asAt,
        int withinDays) => engine.NothingChangesWithin(history, asAt, asAt.PlusDays(withinDays));

    /// <summary>The span beginning on <paramref name="on"/> (the first, as <c>First</c> would give; a loop, no
    /// lambda, for every status change of every young person assessed).</summary>
    private static TimelineSpan SpanFrom(IReadOnlyList<TimelineSpan> timeline, LocalDate on)
    {
        foreach (var t in timeline) if (t.From == on) return t;
        throw new InvalidOperationException("No span of the timeline begins on a day it changes status");
    }

    private static string Condition(EntitlementPeriod? p) => p?.Condition is { Length: > 0 } c ? $" ({c})" : "";

    /// <summary>
    /// Each date the status changes, with the new status, in date order; the end of every duty at 25 included. The
    /// timeline's spans follow one another, each from the day the one before ends, so the dates come in order, each
    /// once (the end of the last span is not added again if it is the last date already there).
    /// </summary>
    public static List<(LocalDate On, Status To)> StatusChanges(IReadOnlyList<TimelineSpan> timeline, LocalDate b25) =>
        StatusChangesInto(timeline, b25, []);

    [ThreadStatic] private static List<(LocalDate On, Status To)>? reusedChanges;

    /// <summary><see cref="StatusChanges"/> into <paramref name="result"/>, cleared first.</summary>
    private static List<(LocalDate On, Status To)> StatusChangesInto(IReadOnlyList<TimelineSpan> timeline,
        LocalDate b25, List<(LocalDate On, Status To)> result)
    {
        result.Clear();
        for (var i = 1; i < timeline.Count; i++)
            if (timeline[i].Status != timeline[i - 1].Status) result.Add((timeline[i].From, timeline[i].Status));
        if (timeline.Count > 0 && timeline[^1].Status != Status.None
            && (result.Count == 0 || result[^1].On != timeline[^1].To))
            result.Add((timeline[^1].To, Status.None));
        return result;
    }
}
