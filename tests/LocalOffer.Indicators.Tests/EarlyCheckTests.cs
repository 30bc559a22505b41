using System.Globalization;
using LocalOffer.Batch;
using LocalOffer.Batch.Cohort;
using LocalOffer.Batch.Input;
using LocalOffer.Batch.Synth;
using LocalOffer.Indicators.Input;
using NodaTime;

namespace LocalOffer.Indicators.Tests;

/// <summary>
/// Issue 30: `indicators` checks the children the episode rows have passed while the rest of the return is read
/// (<see cref="EarlyCohortCheck"/>, over <see cref="PassedChildren"/>). Its young people and rejects are those of
/// the check of the built cohort, item for item, on a return in the header's order with rows that Build rejects
/// (overlaps) and rows rejected as read; and where a row comes for a passed child later, the early chunks are
/// dropped and the cohort checked again, with the same answer as ever.
/// </summary>
public sealed class EarlyCheckTests : IDisposable
{
    private static readonly LocalDate YearEnd = new(2026, 3, 31);
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Checked_while_read_is_the_check_of_the_built_cohort_on_a_return_in_order()
    {
        var (header, episodes, oc3) = Return(moveToEnd: null);
        var (early, result, cohort, oc3Rejects) = Early(header, episodes, oc3);
        result.Should().NotBeNull("the file lists the children in the header's order");
        early.ChildrenStartedEarly.Should().BeGreaterThan(3 * CohortCheck.ChildrenInAChunk);
        var (expected, expectedRejects) = AfterRead(header, episodes, oc3);
        result!.People.Should().Equal(expected.People);
        oc3Rejects.Should().Equal(expectedRejects);
        result.Oc3RowsRejected.Should().Be(expected.Oc3RowsRejected);
        // The rows Build rejects count in a passed child's warning, as in the built cohort's.
        var index = Enumerable.Range(0, cohort.Count).ToDictionary(cohort.ChildId);
        result.People.Where(p => p.Warning is not null && index[p.Child] < early.ChildrenStartedEarly)
            .Should().NotBeEmpty("some young people checked early had rows rejected, overlaps among them");
        Run(header, episodes, oc3).Should().Equal(Run(header, episodes, oc3, early: false));
    }

    [Fact]
    public void A_row_for_a_passed_child_later_in_the_file_has_the_cohort_checked_again()
    {
        var (header, episodes, oc3) = Return(moveToEnd: 10);
        var (early, result, _, _) = Early(header, episodes, oc3);
        result.Should().BeNull("a row came for a child after it was passed");
        early.ChildrenStartedEarly.Should().BeGreaterThan(0);
        Run(header, episodes, oc3).Should().Equal(Run(header, episodes, oc3, early: false));
    }

    [Fact]
    public void A_rejected_row_counted_against_a_passed_child_has_the_cohort_checked_again()
    {
        var b = new CohortBuilder(Fixture.Core.Codes, Fixture.Core.Law);
        foreach (var (child, line) in new[] { ("A", 2), ("B", 3) })
            b.AddChild("h.csv", line, new FieldAt(child, 1), new FieldAt("2008-05-01", 2));
        void Episode(string child, long line, string year) => b.AddEpisode("e.csv", line, new FieldAt(child, 1),
            new FieldAt("2010-01-01", 2), new FieldAt("", 3), new FieldAt("C2", 4), new FieldAt("U1", 5),
            new FieldAt("", 6), new FieldAt(year, 7));
        Episode("A", 2, "2026");
        Episode("B", 3, "2026");
        b.EpisodesInCohortOrder.Should().BeTrue();
        b.EpisodesPassed.Should().Be(1);
        Episode("A", 4, "twenty"); // a YEAR that is not one: rejected, and counted against A, passed
        b.Rejects.Should().ContainSingle(r => r.Child == "A");
        b.EpisodesInCohortOrder.Should().BeFalse();
    }

    /// <summary>The runner's young people and rejects, with the early check or with it made impossible.</summary>
    private List<object> Run(string header, string episodes, string oc3, bool early = true)
    {
        // A second episodes file (empty) is a second return: no check while reading.
        var files = early ? new[] { episodes } : [episodes, _dir.Write("none.csv", "CHILD,DECOM,LS,PLACE,DEC,REC\n")];
        var run = Fixture.Runner.Compute(new IndicatorOptions(header, files, oc3, [], YearEnd, null, _dir.File("o")));
        return [.. run.People, .. run.Rejects.Where(r => !r.File.EndsWith("none.csv", StringComparison.Ordinal))];
    }

    private static (EarlyCohortCheck, CohortCheck.Result?, Batch.Cohort.Cohort, List<Reject>) Early(string header,
        string episodes, string oc3)
    {
        var early = new EarlyCohortCheck(new CohortCheck(Fixture.Core, Fixture.Defs),
            Task.Run(() => Oc3CsvReader.ReadAll(oc3)), YearEnd);
        var (cohort, _) = new BatchRunner(Fixture.Core).Load(
            new BatchOptions(header, [episodes], [], YearEnd, "unused.csv"), beforeRead: early.Attach);
        var rejects = new List<Reject>();
        return (early, early.Finish(cohort, rejects), cohort, rejects);
    }

    private static (CohortCheck.Result, List<Reject>) AfterRead(string header, string episodes, string oc3)
    {
        var (cohort, _) = new BatchRunner(Fixture.Core).Load(
            new BatchOptions(header, [episodes], [], YearEnd, "unused.csv"));
        var rejects = new List<Reject>();
        var result = new CohortCheck(Fixture.Core, Fixture.Defs).Run(cohort, Oc3CsvReader.ReadAll(oc3), YearEnd,
            rejects);
        return (result, rejects);
    }

    /// <summary>
    /// A synthetic return of 20,000 children (five chunks), its episodes in the header's order, with an
    /// overlapping copy of the first episode of every 40th child (Build rejects it) and a row with an unknown
    /// LS for every 97th (rejected as read), each beside the child's rows; <paramref name="moveToEnd"/>: the
    /// rows of that child (of those with episodes) moved to the end of the file.
    /// </summary>
    private (string Header, string Episodes, string Oc3) Return(int? moveToEnd)
    {
        SyntheticReturn.Write(_dir.Path, 20_000, 11, YearEnd);
        var lines = File.ReadAllLines(_dir.File("episodes.csv"));
        var columns = lines[0].Split(',');
        var (decom, ls) = (Array.IndexOf(columns, "DECOM"), Array.IndexOf(columns, "LS"));
        var groups = lines.Skip(1).GroupBy(l => l[..l.IndexOf(',')]).Select(g => g.ToList()).ToList();
        for (var g = 0; g < groups.Count; g++)
        {
            var first = groups[g][0].Split(',');
            if (g % 40 == 0)
            {
                var copy = (string[])first.Clone();
                copy[decom] = DateTime.ParseExact(first[decom], "dd/MM/yyyy", CultureInfo.InvariantCulture)
                    .AddDays(1).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
                groups[g].Add(string.Join(',', copy));
            }
            if (g % 97 == 0)
            {
                var bad = (string[])first.Clone();
                bad[ls] = "ZZ";
                groups[g].Add(string.Join(',', bad));
            }
        }
        var rows = groups.SelectMany(g => g).ToList();
        if (moveToEnd is { } m)
        {
            rows = [.. groups.Where((_, g) => g != m).SelectMany(g => g), .. groups[m]];
        }
        File.WriteAllLines(_dir.File("episodes.csv"), [lines[0], .. rows]);
        return (_dir.File("header.csv"), _dir.File("episodes.csv"), _dir.File("oc3.csv"));
    }
}
