using LocalOffer.Core.Engine;
using LocalOffer.Core.Model;
using NodaTime;

namespace LocalOffer.Core.Tests;

/// <summary>
/// The batch's form of Classify (issue 14): episodes as values from a buffer the caller fills again,
/// answered with facts and spans one thread keeps from child to child. The property tests hold it
/// equal to the CareHistory form on random histories; these hold its edges.
/// </summary>
public sealed class BatchFormTests
{
    private static readonly RulesCore Core = SharedRules.Core;
    private static readonly LocalDate Dob = new(2000, 5, 1);

    private static Classification AsBatch(CareHistory h, LocalDate asAt) =>
        Core.Engine.Classify(h.DateOfBirth, h.Episodes.Select(EpisodeValue.Of).ToArray(), asAt);

    [Fact]
    public void An_episode_without_a_legal_status_is_named()
    {
        EpisodeValue[] episodes =
            [new(Dob.PlusYears(15), Dob.PlusYears(16), "C2"), new(Dob.PlusYears(16), null, null!)];
        var act = () => Core.Engine.Classify(Dob, episodes, Dob.PlusYears(17));
        act.Should().Throw<ArgumentException>().WithMessage("episode 2 has no legal status*");
        // The thread's buffers are whole after the refusal: the next child gets its own answer.
        var next = CareHistory.Of(Dob, new Episode(Dob.PlusYears(14), null, "C2"));
        AsBatch(next, Dob.PlusYears(17)).Should().BeEquivalentTo(Core.Engine.Classify(next, Dob.PlusYears(17)));
    }

    [Fact]
    public void A_child_with_thousands_of_episodes_gets_the_same_answer_and_leaves_nothing_behind()
    {
        // 3,000 placements of a day each from 14, more than a thread keeps buffers for, then care to 18.
        var many = Enumerable.Range(0, 3 * CareLeaverEngine.KeptEpisodeCapacity)
            .Select(i =>
                new Episode(Dob.PlusYears(14).PlusDays(i), Dob.PlusYears(14).PlusDays(i + 1), "C2", "U1", "X1"))
            .Append(new Episode(Dob.PlusYears(14).PlusDays(3 * CareLeaverEngine.KeptEpisodeCapacity), null, "C2"))
            .ToArray();
        var big = new CareHistory(null, Dob, many, [], [], [], [], [], []);
        var plain = CareHistory.Of(Dob, new Episode(Dob.PlusYears(15), Dob.PlusYears(17), "C1", "U1", "E4A"));
        foreach (var asAt in new[] { Dob.PlusYears(17), Dob.PlusYears(19), Dob.PlusYears(22) })
        {
            var a = Core.Engine.Assess(big, asAt);
            var k = AsBatch(big, asAt);
            (k.Status, k.StatusSince, k.NextChange, k.Facts).Should()
                .Be((a.Status, a.StatusSince, a.NextChange, a.Facts));
            k.EntitlementIds.Should().Equal(a.Entitlements.Select(e => e.Id).Distinct().Order(StringComparer.Ordinal));
            // The next child on the thread, after the big buffers were let go, as if alone.
            AsBatch(plain, asAt).Should().BeEquivalentTo(Core.Engine.Classify(plain, asAt));
        }
    }

    [Fact]
    public void Nothing_of_one_child_carries_over_to_the_next()
    {
        // Each child's facts are filled into the same buffers: a child with an order, a death, short breaks
        // and care to 18, then children with none of these, each must get the answer it gets alone.
        var asAt = Dob.PlusYears(19);
        CareHistory[] children =
        [
            CareHistory.Of(Dob, new Episode(Dob.PlusYears(13), Dob.PlusYears(16).PlusDays(40), "C2", "U1", "E45"),
                new Episode(Dob.PlusYears(17), Dob.PlusYears(17).PlusDays(9), "V3", "U1", "E2")),
            CareHistory.Of(Dob, new Episode(Dob.PlusYears(14), null, "C2", "U1")),
            CareHistory.Of(Dob, new Episode(Dob.PlusYears(15), Dob.PlusYears(16).PlusDays(100), "V4", "U1", "E4A")),
            CareHistory.Of(Dob),
            CareHistory.Of(Dob, new Episode(Dob.PlusYears(16), Dob.PlusYears(17), "C1", "U1", "E41")),
        ];
        var alone = children.Select(c => Core.Engine.Assess(c, asAt)).ToArray();
        foreach (var order in new[] { new[] { 0, 1, 2, 3, 4 }, [4, 3, 2, 1, 0], [0, 3, 0, 1, 4, 2] })
            foreach (var i in order)
            {
                var k = AsBatch(children[i], asAt);
                (k.Status, k.StatusSince, k.NextChange, k.Facts).Should()
                    .Be((alone[i].Status, alone[i].StatusSince, alone[i].NextChange, alone[i].Facts), $"child {i}");
                k.Warnings.Should().Equal(alone[i].Warnings, $"child {i}");
            }
    }
}
