using FsCheck;
using FsCheck.Fluent;
using LocalOffer.Batch.Caseload;
using LocalOffer.Core.Engine;
using LocalOffer.Core.Model;
using NodaTime;

namespace LocalOffer.Core.Tests;

/// <summary>
/// The two short cuts `caseload` takes (issue 30), each held to the general path on random histories, as the law
/// stands and with the prospective provisions commenced: young people passed over because nothing can fall due
/// (<see cref="CaseloadEvents.NothingFallsDue"/>) have no event on the full assessment, whatever the window and with
/// a review recorded; and <see cref="CareLeaverEngine.AssessWithoutExplanation"/> is
/// <see cref="CareLeaverEngine.Assess"/> in everything but the explanation, so the events made from it are the same, word for word.
/// </summary>
public sealed class CaseloadFastPathPropertyTests
{
    private static readonly RulesCore Core = SharedRules.Core;
    private static readonly RulesCore Commenced = new(Rules.ParameterOverrides.Apply(Core.Law,
        ["commencement.staying_close=2015-04-01", "commencement.intentionally_homeless_protection=2020-01-01"]),
        Core.Codes);
    private static readonly Config Config = Config.QuickThrowOnFailure.WithMaxTest(200).WithStartSize(1);

    /// <summary>
    /// Checks <paramref name="property"/> on valid random histories with a day: care ended early (most of a return,
    /// and the short cut's edges), any history at all, and histories whose every date sits on a birthday line.
    /// </summary>
    private static void ForAllValid(Action<CareHistory, LocalDate> property)
    {
        foreach (var generator in new[] { HistoryGenerators.EarlyCareWithDay(), HistoryGenerators.WithDay() })
            Check.One(Config, Prop.ForAll(generator, x =>
            {
                if (Core.Validator.Validate(x.History).Count == 0)
                    property(x.History, x.History.DateOfBirth.PlusDays(x.Offset));
                return true;
            }));
        Check.One(Config.WithMaxTest(500), Prop.ForAll(HistoryGenerators.OnBirthdayLines(Core.Law.Birthdays), x =>
        {
            if (Core.Validator.Validate(x.History).Count == 0) property(x.History, x.Day);
            return true;
        }));
    }

    [Fact]
    public void Nothing_falls_due_for_a_young_person_the_caseload_passes_over()
    {
        var passed = 0;
        ForAllValid((h, d) =>
        {
            foreach (var core in new[] { Core, Commenced })
            {
                if (!CaseloadEvents.NothingFallsDue(core.Engine, h, d)) continue;
                passed++;
                // A review recorded (a plan review would be due or overdue if a plan were owed), the longest window.
                var extras = new CaseloadExtras("PA", "Team", d.PlusDays(-200), d.PlusDays(-10));
                new CaseloadEvents(core.Law).For(core.Engine.Assess(h, d), extras, d, CaseloadRunner.MaxWithinDays)
                    .Select(Words).Should().BeEmpty($"on {d} for {Describe(h)}");
            }
        });
        passed.Should().BeGreaterThan(100, "the property says something only when the caseload passes some over");
    }

    /// <summary>
    /// Each edge as the day asked, the day after it, and the days that put it at the window's last day, just past it
    /// and one day inside it: never before the birth.
    /// </summary>
    private static IEnumerable<LocalDate> AroundEdges(IEnumerable<LocalDate> edges, int within, LocalDate birth) =>
        edges.SelectMany(e => new[] { e, e.PlusDays(1), e.PlusDays(-within), e.PlusDays(-within - 1),
                e.PlusDays(1 - within) })
            .Where(x => x >= birth).Distinct();

    /// <summary>
    /// Young people in care under 14 passed over for a window (<see cref="CaseloadEvents.NothingFallsDueWithin(
    /// CareLeaverEngine, CareHistory, LocalDate, int)"/>) have no event in it on the general path, with a review
    /// recorded: windows of 1, 60 and 365 days, on the day asked, every edge <see cref="Edges"/> gives and the 14th
    /// birthday, each with the days that put it at the window's last day and just past it, and the day after.
    /// </summary>
    [Fact]
    public void Nothing_falls_due_within_the_window_for_a_child_in_care_under_14_passed_over()
    {
        var (passed, asked) = (0, 0);
        void Property(CareHistory h, LocalDate d)
        {
            foreach (var core in new[] { Core, Commenced })
            {
                var law = core.Law;
                var b14 = law.Birthdays.Birthday(h.DateOfBirth, law.AgeCountingFrom);
                var edges = Edges(core, h, d).Concat([b14, b14.PlusDays(-1)]).ToList();
                var rules = new CaseloadEvents(law);
                foreach (var within in new[] { 1, 60, 365 })
                    foreach (var day in AroundEdges(edges, within, h.DateOfBirth))
                    {
                        asked++;
                        if (!CaseloadEvents.NothingFallsDueWithin(core.Engine, h, day, within)) continue;
                        passed++;
                        var extras = new CaseloadExtras("PA", "Team", day.PlusDays(-200), day.PlusDays(-10));
                        rules.For(core.Engine.AssessWithoutExplanation(h, day), extras, day, within).Select(Words)
                            .Should().BeEmpty($"on {day} within {within} days for {Describe(h)}");
                    }
            }
        }
        Check.One(Config, Prop.ForAll(HistoryGenerators.InCareBefore14WithDay(), x =>
        {
            if (Core.Validator.Validate(x.History).Count == 0)
                Property(x.History, x.History.DateOfBirth.PlusDays(x.Offset));
            return true;
        }));
        ForAllValid(Property);
        passed.Should().BeGreaterThan(1000,
            $"the property says something only when children are passed over ({asked} asked)");
    }

    /// <summary>
    /// `caseload`'s short cut for a young person aged 18 to 25 whose care is over
    /// (<see cref="CaseloadEvents.NothingFallsDueAfterCare(CareLeaverEngine, CareHistory, LocalDate, int,
    /// CaseloadExtras?)"/>): nothing falls due on the general path for anyone it passes over, for windows of 1, 60 and
    /// 365 days, with no review recorded, one recorded long ago (overdue), one recorded lately, and ones whose next
    /// review falls due on the window's last day and on the day after it; on every edge the
    /// other tests use (birthdays, the Universal Credit day, every day a run, a period or a span begins or ends, so the
    /// dates in force that change anything for the young person) and the 22nd birthday, each also as the window's
    /// last day, just past it and the day after; as the law stands and with the prospective provisions commenced.
    /// </summary>
    [Fact]
    public void Nothing_falls_due_within_the_window_for_an_adult_whose_care_is_over_passed_over()
    {
        var (passed, asked) = (0, 0);
        void Property(CareHistory h, LocalDate d)
        {
            foreach (var core in new[] { Core, Commenced })
            {
                var law = core.Law;
                var edges = Edges(core, h, d).Append(law.Birthdays.Birthday(h.DateOfBirth, 22)).ToList();
                var rules = new CaseloadEvents(law);
                foreach (var within in new[] { 1, 60, 365 })
                    foreach (var day in AroundEdges(edges, within, h.DateOfBirth))
                    {
                        Assessment? full = null;
                        // A review held so that the next falls due on the window's last day, or on the day after
                        // it (the short cut's boundary for reviews).
                        var dueOnLast = day.PlusDays(within).PlusMonths(-law.PathwayPlanReviewMonths);
                        foreach (var extras in new CaseloadExtras?[]
                                 {
                                     null, new("PA", "Team", day.PlusDays(-200), day.PlusDays(-10)),
                                     new("PA", "Team", day.PlusDays(-10), null),
                                     new("PA", "Team", dueOnLast, null),
                                     new("PA", "Team", dueOnLast.PlusDays(1), null),
                                 })
                        {
                            asked++;
                            if (!rules.NothingFallsDueAfterCare(core.Engine, h, day, within, extras)) continue;
                            passed++;
                            full ??= core.Engine.AssessWithoutExplanation(h, day);
                            rules.For(full, extras, day, within).Select(Words)
                                .Should().BeEmpty($"on {day} within {within} days, {extras}, for {Describe(h)}");
                        }
                    }
            }
        }
        foreach (var late in new[] { false, true })
            Check.One(Config.WithMaxTest(500), Prop.ForAll(HistoryGenerators.CareOverAsAdultWithDay(late), x =>
            {
                if (Core.Validator.Validate(x.History).Count == 0)
                    Property(x.History, x.History.DateOfBirth.PlusDays(x.Offset));
                return true;
            }));
        ForAllValid(Property);
        passed.Should().BeGreaterThan(1000,
            $"the property says something only when young people are passed over ({asked} asked)");
    }

    /// <summary>
    /// On the day asked and on every day a run or a span of the timeline begins or ends (and the day before each
    /// end), where a one-day slip would show.
    /// </summary>
    [Fact]
    public void Assess_without_the_explanation_is_Assess_but_the_explanation() =>
        ForAllValid((h, d) =>
        {
            foreach (var core in new[] { Core, Commenced })
            {
                var whole = core.Engine.Assess(h, h.DateOfBirth);
                var days = whole.AllEntitlements.SelectMany(e => new[] { e.From, e.To.PlusDays(-1), e.To })
                    .Concat(whole.Timeline.Select(t => t.From)).Append(d).Where(x => x >= h.DateOfBirth).Distinct();
                foreach (var day in days)
                {
                    var full = core.Engine.Assess(h, day);
                    var lean = core.Engine.AssessWithoutExplanation(h, day);
                    var why = $"on {day} for {Describe(h)}";
                    lean.Explanation.Should().BeEmpty();
                    Whole(lean).Should().Be(Whole(full), why);
                    var extras = new CaseloadExtras("PA", "Team", day.PlusDays(-200), null);
                    var rules = new CaseloadEvents(core.Law);
                    rules.For(lean, extras, day, CaseloadRunner.MaxWithinDays).Select(Words).Should().Equal(
                        rules.For(full, extras, day, CaseloadRunner.MaxWithinDays).Select(Words), why);
                }
            }
        });

    /// <summary>
    /// <see cref="CareLeaverEngine.AssessWithin"/> (the runs to 25 joined only when one changes in the window): the
    /// events
    /// made from it are those made from the general path, word for word and in order, for windows of 1 and 60 days
    /// (the command's), on the day asked, every birthday the events read, every day a run, a period or a span
    /// begins or ends, and the day before each; for 60 days also on the days that put each of those at the window's
    /// last day and just past it. Its timeline and the entitlements of the day are the general path's; when it says
    /// a run changes, its runs to 25 are the general path's, word for word.
    /// </summary>
    [Fact]
    public void Assess_within_a_window_makes_the_general_paths_events()
    {
        var (quiet, changing) = (0, 0);
        ForAllValid((h, d) =>
        {
            foreach (var core in new[] { Core, Commenced })
            {
                var rules = new CaseloadEvents(core.Law);
                var edges = Edges(core, h, d);
                var general = new Dictionary<LocalDate, Assessment>();
                foreach (var within in new[] { 1, 60 })
                {
                    var days = within == 60
                        ? edges.SelectMany(e => new[] { e, e.PlusDays(-60), e.PlusDays(-61) }) : edges;
                    foreach (var day in days.Where(x => x >= h.DateOfBirth).Distinct())
                    {
                        var why = $"on {day} within {within} days for {Describe(h)}";
                        var full = general.TryGetValue(day, out var g) ? g
                            : general[day] = core.Engine.AssessWithoutExplanation(h, day);
                        var lean = core.Engine.AssessWithin(h, day, day.PlusDays(within));
                        // The timeline (its words for the spans beginning in the window), and the entitlements of
                        // the day, whatever the window; when a run changes, every run to 25, word for word.
                        (lean.Id, lean.DateOfBirth).Should().Be((full.Id, full.DateOfBirth), why);
                        var upTo = day.PlusDays(within);
                        Worded(lean.Timeline, day, upTo).Should().Equal(Worded(full.Timeline, day, upTo), why);
                        lean.IdsOnDay.Should().Equal(full.Entitlements.Select(e => e.Id).Distinct()
                            .Order(StringComparer.Ordinal), why);
                        if (lean.RunsWhenChanging is { } runs)
                        {
                            changing++;
                            Runs(runs).Should().Be(Runs(full.AllEntitlements), why);
                        }
                        else quiet++;
                        var extras = new CaseloadExtras("PA", "Team", day.PlusDays(-200), null);
                        var expected = rules.For(full, extras, day, within).Select(Words).ToList();
                        rules.For(lean, extras, day, within).Select(Words).Should().Equal(expected, why);
                        // `caseload`'s own call: the same events, and no list at all exactly when there is none.
                        var kept = rules.EventsOrNone(lean, extras, day, within);
                        (kept is null).Should().Be(expected.Count == 0, why);
                        (kept ?? []).Select(Words).Should().Equal(expected, why);
                    }
                }
            }
        });
        quiet.Should().BeGreaterThan(1000, "the property says something only when the runs are often left unjoined");
        changing.Should().BeGreaterThan(1000, "and when they often are joined");
    }

    /// <summary>
    /// The rules' pieces for a window of days (`caseload`'s, <see cref="CareLeaverEngine.AssessWithin"/>: each leaf
    /// set cut to the window) are the pieces to 25 cut to it, in the same order: the same entitlement, instance,
    /// amount and days, for windows of 1, 2, 61 and 366 days on every edge <see cref="Edges"/> gives, with the window
    /// beginning on it or ending just before, on or after it.
    /// </summary>
    [Fact]
    public void The_rules_pieces_for_a_window_are_the_pieces_to_25_cut_to_it()
    {
        var cut = 0;
        ForAllValid((h, d) =>
        {
            foreach (var core in new[] { Core, Commenced })
            {
                var view = HistoryView.Of(h);
                var (spans, epochs, _) = TimelineBuilder.Build(view, core.Law);
                var rules = core.Engine.Entitlements;
                var whole = rules.Pieces(view, spans, epochs[0]);
                foreach (var days in new[] { 1, 2, 61, 366 })
                    foreach (var e in Edges(core, h, d))
                        foreach (var from in new[]
                                 { e, e.PlusDays(-days - 1), e.PlusDays(-days), e.PlusDays(1 - days) })
                        {
                            if (from < h.DateOfBirth) continue;
                            var window = new Time.DateRange(from, from.PlusDays(days));
                            var expected = whole.Select(p => p with { Range = p.Range.Intersect(window) })
                                .Where(p => !p.Range.IsEmpty).Select(Piece).ToList();
                            rules.Pieces(view, spans, epochs[0], window).Select(Piece).Should().Equal(expected,
                                $"{window} for {Describe(h)}");
                            cut += expected.Count;
                        }
            }
        });
        cut.Should().BeGreaterThan(1000, "the property says something only when windows hold pieces");
    }

    private static string Piece(Engine.Entitlements.Piece p) => $"{p.Id} {p.Instance} {p.Amount} {p.Range}";

    // The timeline's statuses and dates, and the words of the spans that begin after the day up to the window's end.
    private static List<string> Worded(IEnumerable<TimelineSpan> timeline, LocalDate after, LocalDate upTo) =>
        timeline.Select(t => $"{t.Status} {t.From} {t.To}" + (t.From > after && t.From <= upTo
            ? $" {t.Reason} {Cite(t.Basis)} [" + string.Join(" | ", t.Parts.Select(p =>
                $"{p.From} {p.To} {p.Reason} {Cite(p.Basis)}")) + "]" : "")).ToList();

    // The day asked, the birthdays the events read (16, 18, 21, 25 and the Universal Credit window's first day), and
    // every day a run, a period or a span of the timeline begins or ends, each with the day before.
    private static List<LocalDate> Edges(RulesCore core, CareHistory h, LocalDate d)
    {
        var law = core.Law;
        var whole = core.Engine.AssessWithoutExplanation(h, h.DateOfBirth);
        var b18 = law.Birthdays.Birthday(h.DateOfBirth, law.AgeAdult);
        return new[] { law.AgeEligibleFrom, law.AgeCoreDutiesUntil, law.AgeCareLeaverUntil }
            .Select(age => law.Birthdays.Birthday(h.DateOfBirth, age))
            .Concat([b18, b18.PlusDays(-law.UniversalCreditPreClaimDays), d])
            .Concat(whole.AllEntitlements.SelectMany(e => e.Periods.Select(p => p.From).Concat([e.From, e.To])))
            .Concat(whole.Timeline.SelectMany(t => new[] { t.From, t.To }))
            .SelectMany(x => new[] { x, x.PlusDays(-1) }).Distinct().ToList();
    }

    // Everything of an assessment but the explanation, in words (records holding lists compare by reference).
    private static string Whole(Assessment a) => string.Join("\n",
        $"{a.Id} {a.DateOfBirth} {a.AsAt} {a.Age} {a.Status} {a.StatusRoute} {a.StatusSince} {a.NextChange} {a.Facts}",
        a.StatusReason,
        string.Join("\n", a.Timeline.Select(t => $"{t.Status} {t.From} {t.To} {t.Reason} {Cite(t.Basis)} ["
            + string.Join(" | ", t.Parts.Select(p => $"{p.From} {p.To} {p.Reason} {Cite(p.Basis)}")) + "]")),
        "now: " + Runs(a.Entitlements), "all: " + Runs(a.AllEntitlements),
        "warnings: " + string.Join(" | ", a.Warnings));

    private static string Runs(IEnumerable<Entitlement> runs) => string.Join("\n", runs.Select(e =>
        $"{e.Id} {e.Title} {e.From} {e.To} {e.Amount} {Cite(e.Basis)} {e.Condition} ["
        + string.Join(" | ", e.Periods.Select(p => $"{p.From} {p.To} {Cite(p.Basis)} {p.Condition}")) + "]"));

    private static string Words(CaseloadEvent e) =>
        $"{e.Child} {e.Kind} {e.Title} {e.Due} {e.DaysLeft} {e.Changes} {Cite(e.Basis)} {e.NewStatus} {e.Extras}";

    private static string Cite(IEnumerable<Rules.LegalReference> basis) => string.Join("; ", basis);

    private static string Describe(CareHistory h) =>
        $"dob {h.DateOfBirth}; "
        + string.Join("; ", h.Episodes.Select(e => $"{e.Start}..{e.End} {e.LegalStatus} {e.Placement} {e.ReasonEnded}"))
        + $"; det {h.Detentions.Count} lwp {h.LivingWithParent.Count} other {h.OtherCare.Count} "
        + $"edu {h.Education.Count}";
}
