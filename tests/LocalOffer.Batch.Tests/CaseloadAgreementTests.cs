using LocalOffer.Batch.Caseload;
using LocalOffer.Core.Engine;
using NodaTime;

namespace LocalOffer.Batch.Tests;

/// <summary>
/// The caseload agrees with `check` for the same young person on every date: the first status
/// change it lists is check's "next change", the status on each change's date is check's status
/// there, and the entitlement events are check's runs' events. Every sample history, dates every
/// 9 days from birth to past 25, and the day before, of and after each change.
/// </summary>
public sealed class CaseloadAgreementTests
{
    private static readonly Core.RulesCore Core = CaseloadScenarioTests.Core;

    public static TheoryData<string> Samples() =>
        new(Directory.GetFiles(Path.Combine(TestData.RepoRoot(), "samples", "young-people"), "*.json").Select(Path.GetFileName).Order()!);

    [Theory]
    [MemberData(nameof(Samples))]
    public void Events_agree_with_check_on_every_date(string sample)
    {
        var (h, errors) = Core.Reader.ReadFile(Path.Combine(TestData.RepoRoot(), "samples", "young-people", sample));
        h.Should().NotBeNull(string.Join("; ", errors));
        var rules = new CaseloadEvents(Core.Law);
        var b25 = Core.Law.Birthdays.Birthday(h!.DateOfBirth, Core.Law.AgeCareLeaverUntil);
        var whole = Core.Engine.Assess(h, h.DateOfBirth);
        var changeDates = CaseloadEvents.StatusChanges(whole.Timeline, b25).Select(c => c.On).ToList();
        var dates = new SortedSet<LocalDate>();
        for (var d = h.DateOfBirth; d <= b25.PlusDays(10); d = d.PlusDays(9)) dates.Add(d);
        foreach (var c in changeDates) { dates.Add(c.PlusDays(-1)); dates.Add(c); dates.Add(c.PlusDays(1)); }
        var checkedChanges = 0;
        foreach (var d in dates.Where(d => d >= h.DateOfBirth))
        {
            var a = Core.Engine.Assess(h, d);
            var events = rules.For(a, null, d, CaseloadRunner.MaxWithinDays);
            var first = events.Where(e => e.NewStatus is not null).MinBy(e => e.Due);
            if (a.NextChange is null) first.Should().BeNull($"{sample} on {d}: check has no next change");
            else
            {
                first.Should().NotBeNull($"{sample} on {d}: check says {a.NextChange}");
                (first!.Due, first.NewStatus).Should().Be((a.NextChange.On, a.NextChange.To), $"{sample} on {d}");
                checkedChanges++;
            }
            foreach (var e in events.Where(e => e.NewStatus is not null))
                Core.Engine.Assess(h, e.Due).Status.Should().Be(e.NewStatus!.Value, $"{sample} on {d}: {e.Title} on {e.Due}");
            var runs = EntitlementEvents.After(a.AllEntitlements, d, b25).Where(e => e.On <= d.PlusDays(CaseloadRunner.MaxWithinDays));
            events.Count(e => e.Kind is CaseloadEventKind.EntitlementStarts or CaseloadEventKind.EntitlementContinues
                or CaseloadEventKind.EntitlementEnds).Should().Be(runs.Count(), $"{sample} on {d}");
        }
        if (changeDates.Count > 0) checkedChanges.Should().BePositive();
    }
}
