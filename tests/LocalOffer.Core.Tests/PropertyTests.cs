using FsCheck;
using FsCheck.Fluent;
using LocalOffer.Core.Engine;
using LocalOffer.Core.Model;
using LocalOffer.Core.Output;
using NodaTime;

namespace LocalOffer.Core.Tests;

/// <summary>Invariants of the engine over random histories (FsCheck).</summary>
public sealed class PropertyTests
{
    private static readonly RulesCore Core = SharedRules.Core;
    private static readonly Config Config = Config.QuickThrowOnFailure.WithMaxTest(400).WithStartSize(1);

    private static bool Valid(CareHistory h) => Core.Validator.Validate(h).Count == 0;

    /// <summary>
    /// Checks <paramref name="property"/> on random valid histories and a random date from birth to 26.
    /// </summary>
    private static void ForAllValid(Action<CareHistory, LocalDate> property) =>
        Check.One(Config, Prop.ForAll(HistoryGenerators.WithDay(), x =>
        {
            var (h, offset) = x;
            if (Valid(h)) property(h, h.DateOfBirth.PlusDays(offset));
            return true;
        }));

    [Fact]
    public void The_generator_makes_mostly_valid_histories() =>
        Enumerable.Range(0, 200).Select(i => HistoryGenerators.Histories().Sample(1, 1)[0]).Count(Valid)
            .Should().BeGreaterThan(150);

    [Fact]
    public void Timeline_covers_birth_to_25_with_no_gaps_or_overlaps() =>
        Check.One(Config, Prop.ForAll(HistoryGenerators.Arbitrary(), h =>
        {
            if (!Valid(h)) return true;
            var a = Core.Engine.Assess(h, h.DateOfBirth);
            var b25 = Core.Law.Birthdays.Birthday(h.DateOfBirth, Core.Law.AgeCareLeaverUntil);
            a.Timeline[0].From.Should().Be(h.DateOfBirth);
            a.Timeline[^1].To.Should().Be(b25);
            for (var i = 0; i < a.Timeline.Count; i++)
            {
                a.Timeline[i].From.Should().BeLessThan(a.Timeline[i].To);
                if (i > 0)
                {
                    a.Timeline[i].From.Should().Be(a.Timeline[i - 1].To);
                    a.Timeline[i].Status.Should()
                        .NotBe(a.Timeline[i - 1].Status, "adjacent spans of one status are merged");
                }
            }
            return true;
        }));

    [Fact]
    public void Status_on_a_date_equals_the_law_applied_directly_on_that_date() =>
        ForAllValid((h, d) =>
        {
            var a = Core.Engine.Assess(h, d);
            a.Status.Should().Be(Core.Engine.EvaluateDirect(h, d), $"on {d} for {Describe(h)}");
            a.Timeline.Single(t => t.From <= d && d < t.To
                    || d >= t.To && t == a.Timeline[^1] && d >= a.Timeline[^1].To)
                .Should().NotBeNull();
        });

    [Fact]
    public void Adding_care_days_never_makes_an_eligible_child_ineligible() =>
        ForAllValid((h, d) =>
        {
            if (Core.Engine.Assess(h, d).Status != Status.Eligible) return;
            // Only where the record itself has the child in care on d (not care assumed after an E3 transfer).
            var current = h.Episodes.FirstOrDefault(e => e.Start <= d && (e.End is null || d < e.End));
            if (current is null) return;
            // Add an ordinary episode (V2) in the latest gap before d's episode, where it fits.
            var starts = h.Episodes.Select(e => e.Start).Where(s => s <= d).OrderBy(s => s).ToList();
            var b14 = Core.Law.Birthdays.Birthday(h.DateOfBirth, 14);
            var ends = h.Episodes.Where(e => e.End is { } x2 && x2 <= d).Select(e => e.End!.Value).ToList();
            var gapStart = ends.Where(e => !h.Episodes.Any(ep => ep.Start <= e && (ep.End is null || e < ep.End)))
                .DefaultIfEmpty(b14).Max();
            var gapEnd = starts.Where(s => s > gapStart).DefaultIfEmpty(current.Start).Min();
            if (gapEnd > current.Start) return;
            if (gapEnd <= gapStart || gapStart < h.DateOfBirth) return;
            var extra = new Episode(gapStart, gapEnd, "V2", "U4", "E4A");
            var more = h with { Episodes = h.Episodes.Append(extra).ToArray() };
            if (!Valid(more)) return;
            Core.Engine.Assess(more, d).Status.Should()
                .Be(Status.Eligible, $"on {d} after adding {extra} to {Describe(h)}");
            Core.Engine.Assess(more, d).Facts.DaysLookedAfterSince14.Should()
                .BeGreaterOrEqualTo(Core.Engine.Assess(h, d).Facts.DaysLookedAfterSince14);
        });

    /// <summary>A second copy of the rules, read once for every case (issue 30: it was read afresh 400 times).</summary>
    private static readonly Lazy<RulesCore> Other = new(RulesCore.LoadDefault);

    [Fact]
    public void Same_input_same_output() =>
        ForAllValid((h, d) =>
        {
            var other = Other.Value;
            var copy = h with { Episodes = h.Episodes.ToArray() };
            AssessmentJson.Serialize(other.Engine.Assess(copy, d)).Should()
                .Be(AssessmentJson.Serialize(Core.Engine.Assess(h, d)));
        });

    [Fact]
    public void Entitlements_on_a_date_are_those_of_the_whole_life_covering_it() =>
        ForAllValid((h, d) =>
        {
            var a = Core.Engine.Assess(h, d);
            a.Entitlements.Should().BeEquivalentTo(a.AllEntitlements.Where(e => e.From <= d && d < e.To));
            a.AllEntitlements.All(e => e.From < e.To).Should().BeTrue();
            if (a.Status == Status.None) a.Entitlements.Select(e => e.Id).Should().BeSubsetOf(
                [EntitlementIds.PriorityNeedHousing, EntitlementIds.EducationTrainingAssistance,
                 EntitlementIds.VacationAccommodation,
                 EntitlementIds.Advocacy, // s.24B(2) and s.24D(1)(c): 21 to 25 in education after council care
                 EntitlementIds.ApprenticeshipBursary]); // decided by the status when the apprenticeship started
        });

    /// <summary>
    /// Entitlements paid once per course or apprenticeship: two payments are two runs, even back to back.
    /// </summary>
    private static readonly HashSet<string> Payments =
        [EntitlementIds.HigherEducationBursary, EntitlementIds.ApprenticeshipBursary];

    [Fact]
    public void An_entitlement_is_one_run_never_cut_where_only_its_legal_basis_changes() =>
        ForAllValid((h, d) =>
        {
            var a = Core.Engine.Assess(h, d);
            foreach (var g in a.AllEntitlements.GroupBy(e => e.Id))
            {
                var runs = g.OrderBy(e => e.From).ToList();
                for (var i = 1; i < runs.Count; i++)
                {
                    // Runs never overlap, and never touch unless the support itself differs (another amount or
                    // payment).
                    runs[i].From.Should().BeGreaterOrEqualTo(runs[i - 1].To, $"{g.Key} runs overlap for {Describe(h)}");
                    if (runs[i].From == runs[i - 1].To)
                        (Payments.Contains(g.Key) || runs[i].Amount != runs[i - 1].Amount).Should().BeTrue(
                            $"{g.Key} is cut at {runs[i].From} where only its basis changes, for {Describe(h)}");
                }
                foreach (var run in runs)
                {
                    // The periods cover the run from its first day to its last, in date order, with no gap.
                    run.Periods.Should().NotBeEmpty();
                    run.Periods[0].From.Should().Be(run.From);
                    run.Periods.Max(p => p.To).Should().Be(run.To);
                    var reached = run.From;
                    foreach (var p in run.Periods)
                    {
                        p.From.Should().BeLessOrEqualTo(reached, $"a gap inside the {g.Key} run for {Describe(h)}");
                        p.From.Should().BeLessThan(p.To);
                        if (p.To > reached) reached = p.To;
                    }
                    run.Basis.Should().OnlyHaveUniqueItems()
                        .And.BeEquivalentTo(run.Periods.SelectMany(p => p.Basis).Distinct());
                }
            }
            // Each timeline span's parts cover it contiguously, each with its own reason.
            foreach (var t in a.Timeline)
            {
                t.Parts[0].From.Should().Be(t.From);
                t.Parts[^1].To.Should().Be(t.To);
                for (var i = 1; i < t.Parts.Count; i++) t.Parts[i].From.Should().Be(t.Parts[i - 1].To);
            }
        });

    [Fact]
    public void The_answer_on_one_day_is_the_full_answer_on_that_day() =>
        ForAllValid((h, d) => DayAgreesWithAssessment(Core, h, d));

    [Fact]
    public void The_answer_on_one_day_is_the_full_answer_on_every_birthday_line() =>
        ForAllOnBirthdayLines(1000, (h, d) => DayAgreesWithAssessment(Core, h, d));

    [Fact]
    public void With_the_prospective_provisions_commenced_the_answer_on_one_day_is_the_full_answer() =>
        ForAllValid((h, d) => DayAgreesWithAssessment(Commenced, h, d));

    /// <summary>
    /// AssessOnDay and EntitlementsOnDay (the audit's, issue 31) against Assess: the same status, reason,
    /// timeline and warnings, and the same entitlements on the day with the same provisions and condition.
    /// </summary>
    private static void DayAgreesWithAssessment(RulesCore core, CareHistory h, LocalDate d)
    {
        var full = core.Engine.Assess(h, d);
        var day = core.Engine.AssessOnDay(h, d);
        (day.Status, day.StatusRoute, day.StatusReason, day.StatusSince, day.NextChange, day.Age)
            .Should().Be((full.Status, full.StatusRoute, full.StatusReason, full.StatusSince, full.NextChange,
                full.Age));
        day.Timeline.Select(t => (t.Status, t.From, t.To, t.Reason, Cite(t.Basis)))
            .Should().Equal(full.Timeline.Select(t => (t.Status, t.From, t.To, t.Reason, Cite(t.Basis))));
        day.Warnings.Should().Equal(full.Warnings);
        day.Facts.Should().Be(full.Facts);
        static string Cite(IEnumerable<Rules.LegalReference> b) => string.Join("; ", b);
        static string OnThe(IEnumerable<Entitlement> runs, LocalDate d) => string.Join(" | ", runs
            .OrderBy(e => e.Id, StringComparer.Ordinal)
            .Select(e => $"{e.Id} {e.PeriodOn(d)?.Condition} {Cite(e.PeriodOn(d)?.Basis ?? [])} {e.Amount}"));
        var expected = OnThe(full.Entitlements, d);
        OnThe(day.Entitlements, d).Should().Be(expected, Describe(h));
        OnThe(core.Engine.EntitlementsOnDay(h, d), d).Should().Be(expected, Describe(h));
        day.Entitlements.Where(e => e.From != d || e.To != d.PlusDays(1)).Should().BeEmpty("cut to the day");
    }

    [Fact]
    public void Batch_classification_agrees_with_the_full_assessment() =>
        ForAllValid(BatchAgreesWithAssessment);

    /// <summary>
    /// With the prospective provisions given dates (as `whatif --set` gives them), the batch's day answer still agrees
    /// with the full assessment, and the whole runs a what-if run reads are the assessment's own.
    /// </summary>
    [Fact]
    public void With_the_prospective_provisions_commenced_the_batch_and_the_whole_runs_agree_with_the_assessment() =>
        ForAllValid((h, d) =>
        {
            var a = Commenced.Engine.Assess(h, d);
            var why = $"on {d} for {Describe(h)}";
            Commenced.Engine.Classify(h, d).EntitlementIds.Order(StringComparer.Ordinal).Should().Equal(
                a.Entitlements.Select(e => e.Id).Distinct().Order(StringComparer.Ordinal), why);
            Commenced.Engine.EntitlementRuns(h).Select(e => (e.Id, e.From, e.To, e.Amount)).Should().Equal(
                a.AllEntitlements.Select(e => (e.Id, e.From, e.To, e.Amount)), why);
        });

    /// <summary>
    /// What `whatif` passes over (issue 32): when the engine says nothing holds from a day, no entitlement holds on
    /// that day or any later one, to 26, as the law stands and with the prospective provisions commenced.
    /// </summary>
    [Fact]
    public void Nothing_holds_on_any_day_after_one_the_engine_says_nothing_holds_from()
    {
        var passed = 0;
        foreach (var generator in new[] { HistoryGenerators.EarlyCareWithDay(), HistoryGenerators.WithDay() })
            Check.One(Config, Prop.ForAll(generator, x =>
            {
                var (h, offset) = x;
                var d = h.DateOfBirth.PlusDays(offset);
                if (!Valid(h)) return true;
                foreach (var core in new[] { Core, Commenced })
                {
                    if (!core.Engine.NothingHoldsFrom(h, d)) continue;
                    passed++;
                    core.Engine.EntitlementRuns(h).Where(e => e.To > d).Should().BeEmpty($"from {d} for {Describe(h)}");
                }
                return true;
            }));
        passed.Should().BeGreaterThan(100, "the property says something only when the engine passes some over");
    }

    private static readonly RulesCore Commenced = new(Rules.ParameterOverrides.Apply(Core.Law,
        ["commencement.staying_close=2015-04-01", "commencement.intentionally_homeless_protection=2020-01-01"]), Core.Codes);

    // The batch's answer (Classify) and the full assessment's (Assess, as `check` gives it), field by field.
    private static void BatchAgreesWithAssessment(CareHistory h, LocalDate d)
    {
        var a = Core.Engine.Assess(h, d);
        var k = Core.Engine.Classify(h, d);
        var why = $"on {d} for {Describe(h)}";
        k.Status.Should().Be(a.Status, why);
        k.StatusSince.Should().Be(a.StatusSince, why);
        k.NextChange.Should().Be(a.NextChange, why);
        k.Facts.Should().Be(a.Facts, why);
        k.EntitlementIds.Order(StringComparer.Ordinal).Should().Equal(
            a.Entitlements.Select(e => e.Id).Distinct().Order(StringComparer.Ordinal), why);
    }

    /// <summary>
    /// The batch's short cuts (CareEndedBefore16, LookedAfterUnder14; issue 14) give the timeline's
    /// answer, field by field, on random histories and days; and each is taken often enough that the
    /// comparison means something.
    /// </summary>
    [Fact]
    public void The_short_cuts_give_the_full_answer()
    {
        var (asked, taken, inCare, batchForm) = (0, 0, 0, 0);
        var generators = new[]
        {
            HistoryGenerators.EarlyCareWithDay(), HistoryGenerators.InCareBefore14WithDay(),
            HistoryGenerators.WithDay(),
        };
        var byGenerator = new (int Asked, int Ended16, int Under14)[generators.Length];
        for (var g = 0; g < generators.Length; g++)
        {
            var k = g;
            Check.One(Config.WithMaxTest(1500), Prop.ForAll(generators[k], x =>
            {
                var (given, offset) = x;
                if (!Valid(given)) return true;
                var d = given.DateOfBirth.PlusDays(offset);
                // Episodes out of order are valid input too (the short cut must then step aside).
                var h = offset % 3 == 0 ? given with { Episodes = given.Episodes.Reverse().ToArray() } : given;
                asked++;
                var (shortCut, lookedAfter, onlyEpisodes) = ShortCutsAgree(h, d);
                (taken, inCare) = (taken + (shortCut ? 1 : 0), inCare + (shortCut && lookedAfter ? 1 : 0));
                batchForm += onlyEpisodes ? 1 : 0;
                var which = Core.Engine.ShortCutTaken(h, d);
                byGenerator[k] = (byGenerator[k].Asked + 1, byGenerator[k].Ended16 + (which == 1 ? 1 : 0),
                    byGenerator[k].Under14 + (which == 2 ? 1 : 0));
                return true;
            }));
        }
        taken.Should().BeGreaterThan(asked / 10, "the short cuts' cases are among those generated");
        inCare.Should().BeGreaterThan(asked / 50, $"children in care before 14 are among them ({inCare} of {asked})");
        batchForm.Should().BeGreaterThan(asked / 4, "most generated histories have episodes only");
        // Each short cut answers most of the children its generator makes for it: a short cut that steps aside
        // for everything gives the full answer too, but then it is no short cut (issue 14's figures rest on it).
        var (early, under14) = (byGenerator[0], byGenerator[1]);
        early.Ended16.Should().BeGreaterThan(early.Asked / 4, $"care ended by 16 takes its short cut ({early})");
        under14.Under14.Should().BeGreaterThan(under14.Asked / 8, $"in care before 14 takes its short cut ({under14})");
    }

    /// <summary>
    /// The same on histories whose every date sits on a birthday line (HistoryGenerators.OnBirthdayLines):
    /// the short cuts, the batch's form and the full path agree at 14, 16, 18, 21 and 25 and a day either side.
    /// </summary>
    [Fact]
    public void The_short_cuts_give_the_full_answer_on_every_birthday_line()
    {
        var (asked, taken, endsOn16) = (0, 0, 0);
        ForAllOnBirthdayLines(3000, (h, d) =>
        {
            asked++;
            if (ShortCutsAgree(h, d).ShortCut) taken++;
            var b16 = Core.Law.Birthdays.Birthday(h.DateOfBirth, Core.Law.AgeEligibleFrom);
            if (h.Episodes.Any(e => e.End == b16) && d > b16) endsOn16++;
        });
        taken.Should().BeGreaterThan(asked / 25, $"the short cuts are taken ({taken} of {asked})");
        endsOn16.Should().BeGreaterThan(asked / 50, $"care ending on the 16th birthday is generated ({endsOn16} of {asked})");
    }

    /// <summary>
    /// The short cut's answer (if taken), the full path's and the batch form's, field by field. Whether the short
    /// cut was taken, whether the child was looked after on the day, and whether the batch form was compared.
    /// </summary>
    private static (bool ShortCut, bool LookedAfter, bool OnlyEpisodes) ShortCutsAgree(CareHistory h, LocalDate d)
    {
        var full = Core.Engine.ClassifyFully(h, d);
        var quick = Core.Engine.Classify(h, d);
        var why = $"on {d} for {Describe(h)}";
        quick.Age.Should().Be(full.Age, why);
        quick.Status.Should().Be(full.Status, why);
        quick.StatusSince.Should().Be(full.StatusSince, why);
        quick.NextChange.Should().Be(full.NextChange, why);
        quick.Facts.Should().Be(full.Facts, why);
        quick.EntitlementIds.Should().Equal(full.EntitlementIds, why);
        quick.Warnings.Should().Equal(full.Warnings, why);
        // The batch's form (episodes as values from a reused buffer) gives the same answer.
        var only = h is { Detentions.Count: 0, LivingWithParent.Count: 0, OtherCare.Count: 0, Education.Count: 0,
            SupportRequests.Count: 0 };
        if (only)
        {
            var values = h.Episodes.Select(EpisodeValue.Of).Append(new EpisodeValue(d, d, "X")).ToArray();
            var batch = Core.Engine.Classify(h.DateOfBirth, values.AsSpan(0, h.Episodes.Count), d);
            batch.Should().BeEquivalentTo(quick, o => o.ComparingByMembers<Classification>(), why);
        }
        return (Core.Engine.TakesShortCut(h, d), full.Status == Status.LookedAfter, only);
    }

    /// <summary>The full assessment and the batch's classification agree on every birthday line.</summary>
    [Fact]
    public void Batch_classification_agrees_with_the_full_assessment_on_every_birthday_line() =>
        ForAllOnBirthdayLines(1000, BatchAgreesWithAssessment);

    /// <summary>NothingCanHold (the batch's skip of the rules) never skips a day with an entitlement, on the lines.</summary>
    [Fact]
    public void No_entitlement_holds_on_a_day_the_batch_skips_the_rules_on_every_birthday_line() =>
        ForAllOnBirthdayLines(1000, (h, d) =>
        {
            var view = HistoryView.Of(h);
            var (spans, epochs, _) = TimelineBuilder.Build(view, Core.Law);
            if (Core.Engine.Entitlements.NothingCanHold(view, spans, epochs[0], d))
                Core.Engine.Assess(h, d).Entitlements.Where(e => e.CoversDate(d)).Select(e => e.Id)
                    .Should().BeEmpty($"the batch skips the rules on {d} for {Describe(h)}");
        });

    /// <summary>Checks <paramref name="property"/> on valid histories whose every date is on a birthday line.</summary>
    private static void ForAllOnBirthdayLines(int tests, Action<CareHistory, LocalDate> property) =>
        Check.One(Config.WithMaxTest(tests), Prop.ForAll(HistoryGenerators.OnBirthdayLines(Core.Law.Birthdays), x =>
        {
            var (h, d) = x;
            if (Valid(h)) property(h, d);
            return true;
        }));

    /// <summary>
    /// The batch skips the entitlement rules on a day when <c>NothingCanHold</c> says no rule can
    /// give anything (issue 14). On every day it says so, at each change of the timeline and at the
    /// birthdays the rules turn on, the full assessment has no entitlement covering the day.
    /// </summary>
    [Fact]
    public void No_entitlement_holds_on_a_day_the_batch_skips_the_rules() =>
        Check.One(Config, Prop.ForAll(HistoryGenerators.Arbitrary(), h =>
        {
            if (!Valid(h)) return true;
            var view = HistoryView.Of(h);
            var (spans, epochs, _) = TimelineBuilder.Build(view, Core.Law);
            var f = epochs[0];
            var days = spans.Select(x => x.From)
                .Concat([f.B16, f.B18, f.B18.PlusDays(200), f.B21.PlusDays(-1), f.B21, f.B25.PlusDays(-1)]);
            foreach (var d in days.Where(d => d >= h.DateOfBirth).Distinct())
            {
                if (!Core.Engine.Entitlements.NothingCanHold(view, spans, f, d)) continue;
                Core.Engine.Assess(h, d).Entitlements.Where(e => e.CoversDate(d)).Select(e => e.Id)
                    .Should().BeEmpty($"the batch skips the rules on {d} for {Describe(h)}");
            }
            return true;
        }));

    private static string Describe(CareHistory h) =>
        $"dob {h.DateOfBirth}; "
        + string.Join("; ", h.Episodes.Select(e => $"{e.Start}..{e.End} {e.LegalStatus} {e.Placement} {e.ReasonEnded}"))
        + $"; det {h.Detentions.Count} lwp {h.LivingWithParent.Count} other {h.OtherCare.Count} "
        + $"edu {h.Education.Count}";
}
