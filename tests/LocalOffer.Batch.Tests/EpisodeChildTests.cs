using FluentAssertions;
using LocalOffer.Batch.Cohort;
using NodaTime;

namespace LocalOffer.Batch.Tests;

/// <summary>
/// Issue 30: an episode row's child is found without the index of children when it is the row before's or one
/// of the few after it (<see cref="CohortBuilder.LookedAhead"/>), else by the index. Whatever the order of the
/// rows (children passed over, runs of one child, jumps back and far ahead, unknown ids, keys equal but not the
/// same string), every row goes to the child the index names, and only unknown ids are rejected. The index
/// itself (<see cref="ChildIndex"/>) finds each repeated header row's first line through its growing.
/// </summary>
public sealed class EpisodeChildTests
{
    [Fact]
    public void Each_episode_row_goes_to_its_own_child_whatever_the_order_and_the_gaps()
    {
        var random = new Random(30);
        var core = SharedRules.Core;
        var builder = new CohortBuilder(core.Codes, core.Law);
        const int children = 3000;
        // Ids that share prefixes and lengths, so a wrong child is often a near miss.
        var ids = Enumerable.Range(0, children).Select(i => random.Next(3) == 0 ? $"C{i:D5}" : $"{1000 + i}").ToArray();
        for (var i = 0; i < children; i++)
            builder.AddChild("header.csv", i + 2, new FieldAt(ids[i], 1), new FieldAt("01/01/2005", 3));
        // Header rows repeated in the same file: each found in the index, as the child of its first line.
        var repeats = Enumerable.Range(0, 200).Select(_ => random.Next(children)).ToList();
        foreach (var i in repeats)
            builder.AddChild("header.csv", children + 2, new FieldAt(new string(ids[i].AsSpan()), 1),
                new FieldAt("01/01/2005", 3));
        builder.Rejects.Select(r => r.Reason).Should().Equal(
            repeats.Select(i => $"duplicate header row: the same CHILD at line {i + 2} of this file"));
        builder.Rejects.Clear();
        var expected = ids.ToDictionary(id => id, _ => new List<LocalDate>());
        var (at, unknown, first) = (-1, 0, new LocalDate(2005, 6, 1));
        for (var k = 0; k < 6000; k++)
        {
            var choice = random.Next(40);
            string id;
            if (choice == 0) { id = $"{1000 + children + k}"; unknown++; }
            else
            {
                // Mostly onwards, passing over up to twice LookedAhead children; sometimes anywhere.
                at = choice == 1 ? random.Next(children)
                    : Math.Min(children - 1, at + random.Next(0, 2 * CohortBuilder.LookedAhead + 2));
                id = ids[at];
                expected[id].Add(first.PlusDays(k));
            }
            // The reader hands a run of one child's rows one string; an equal key may be another string.
            if (random.Next(2) == 0) id = new string(id.AsSpan());
            // One day each, on days of their own: no two episodes overlap, all before the 18th birthday.
            builder.AddEpisode("episodes.csv", k + 2, new FieldAt(id, 1),
                new FieldAt($"{first.PlusDays(k):dd/MM/yyyy}", 2),
                new FieldAt($"{first.PlusDays(k + 1):dd/MM/yyyy}", 5),
                new FieldAt("C2", 3), new FieldAt("U4", 4), new FieldAt("X1", 6));
        }
        var cohort = builder.Build();
        cohort.Count.Should().Be(children);
        for (var i = 0; i < children; i++)
            cohort.History(i).Episodes.Select(e => e.Start).Should().Equal(expected[ids[i]], $"child {ids[i]}");
        builder.Rejects.Should().HaveCount(unknown)
            .And.OnlyContain(r => r.Reason == "no header row (or a rejected one) for this CHILD");
    }
}
