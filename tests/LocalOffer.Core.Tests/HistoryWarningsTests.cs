using LocalOffer.Core.Engine;
using LocalOffer.Core.Model;
using NodaTime;

namespace LocalOffer.Core.Tests;

/// <summary>The warnings beside every answer stay readable however many episodes set them off.</summary>
public sealed class HistoryWarningsTests
{
    private static readonly RulesCore Core = SharedRules.Core;

    [Fact]
    public void Episodes_past_the_limit_of_one_kind_are_counted_in_one_line()
    {
        var dob = new LocalDate(2004, 1, 10);
        var start = dob.PlusYears(10);
        // 12 episodes of no whole day, then 7 ended by transfer to another council (E3), a day apart each.
        var empty = Enumerable.Range(0, 12)
            .Select(i => new Episode(start.PlusDays(2 * i), start.PlusDays(2 * i), "C2"));
        var moved = Enumerable.Range(0, 7).Select(i =>
            new Episode(start.PlusDays(100 + 2 * i), start.PlusDays(101 + 2 * i), "C2", "U1", "E3"));
        var h = new CareHistory(null, dob, empty.Concat(moved).ToArray(), [], [], [], [], [], []);
        var asAt = dob.PlusYears(15);

        var warnings = Core.Engine.Assess(h, asAt).Warnings;

        var n = HistoryWarnings.MaxNamedPerKind;
        warnings.Count(w => w.Contains("ends on the day it starts")).Should().Be(n);
        warnings.Count(w => w.Contains("care was taken over by another council")).Should().Be(n);
        warnings.Should().Contain($"{12 - n} more episodes end on the day they start: no day of them counts.");
        warnings.Should().Contain(
            $"{7 - n} more episodes ended with care taken over by another council, assumed to go on as above.");
        warnings.Should().HaveCount(2 * n + 2);
        // The batch and `check` give the same lines (one answer).
        Core.Engine.Classify(h, asAt).Warnings.Should().Equal(warnings);
        Core.Engine.Classify(dob, h.Episodes.Select(EpisodeValue.Of).ToArray(), asAt).Warnings.Should().Equal(warnings);
    }

    [Fact]
    public void Up_to_the_limit_every_episode_is_named()
    {
        var dob = new LocalDate(2004, 1, 10);
        var start = dob.PlusYears(10);
        var n = HistoryWarnings.MaxNamedPerKind;
        var h = new CareHistory(null, dob,
            Enumerable.Range(0, n).Select(i => new Episode(start.PlusDays(i), start.PlusDays(i), "C2")).ToArray(),
            [], [], [], [], [], []);
        var warnings = Core.Engine.Assess(h, dob.PlusYears(15)).Warnings;
        warnings.Should().HaveCount(n).And.OnlyContain(w => w.Contains("ends on the day it starts"));
        warnings[^1].Should().StartWith($"Episode {n} ");
    }
}
