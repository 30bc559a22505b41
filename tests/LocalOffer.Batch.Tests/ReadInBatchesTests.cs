using System.Text;
using LocalOffer.Batch.Cohort;
using LocalOffer.Batch.Input;
using LocalOffer.Batch.Synth;
using LocalOffer.Core;
using NodaTime;

namespace LocalOffer.Batch.Tests;

/// <summary>
/// Issue 14's reading and writing on several cores gives what reading and writing one row at a time
/// gave: rows read in batches (of 512) and checked on other cores, a child's key made once for a run
/// of its rows, and results written as text by the core that classified them.
/// </summary>
public sealed class ReadInBatchesTests
{
    private static readonly RulesCore Core = SharedRules.Core;
    private static readonly LocalDate AsAt = new(2024, 3, 31);

    /// <summary>
    /// A regional extract of 1,300 children (3,900 episode rows: eight batches) with keys made from LA
    /// and CHILD, ids with accents and spaces, a council changing while CHILD stays the same, and bad
    /// rows on both sides of the batches' edges: every row is used or rejected with its own line.
    /// </summary>
    [Fact]
    public void Rows_across_batch_edges_are_used_or_rejected_each_with_its_own_line_and_key()
    {
        using var dir = new TempDir();
        var header = new StringBuilder("LA,CHILD,DOB\n");
        var episodes = new StringBuilder("LA,CHILD,DECOM,DEC,LS,PLACE,REC\n");
        var expectedRejects = new Dictionary<long, string>();
        var expectedEpisodes = new Dictionary<string, int>();
        long line = 1;
        // Lines 513 and 514 are the last row of the first batch and the first of the second (the header
        // line is line 1); 1025-1026 the next edge; bad rows there, and every 97th row.
        bool Bad(long l) => l is 513 or 514 or 1025 or 1026 || l % 97 == 0;
        for (var i = 0; i < 1300; i++)
        {
            // Two councils use the same CHILD ids: the key is LA/CHILD, so these are different children.
            var la = i % 2 == 0 ? "801" : "802";
            var id = $" Zoé {i / 2} ";
            var key = $"{la}/{id.Trim()}";
            header.Append($"{la},{id},01/01/2006\n");
            expectedEpisodes[key] = 0;
            for (var e = 0; e < 3; e++)
            {
                line++;
                var start = new LocalDate(2020, 1, 1).PlusDays(e * 100);
                var text = $"{start:dd/MM/yyyy},{start.PlusDays(50):dd/MM/yyyy}";
                if (Bad(line) && line % 2 == 0)
                {
                    episodes.Append($"{la},{id},{text},\"C2,U1,E4A\n"); // a quote never closed on its line
                    expectedRejects[line] = "malformed quoting";
                }
                else if (Bad(line))
                {
                    episodes.Append($"{la},{id},{text},C2,{new string('Q', 300)},E4A\n"); // far longer than a code
                    expectedRejects[line] = "unknown placement";
                }
                else
                {
                    episodes.Append($"{la},{id},{text},C2,U1,E4A\n");
                    expectedEpisodes[key]++;
                }
            }
        }
        var options = new BatchOptions(dir.Write("header.csv", header.ToString()),
            [dir.Write("episodes.csv", episodes.ToString())], [], AsAt, dir.File("out.csv"));

        var (cohort, builder) = new BatchRunner(Core).Load(options);

        builder.EpisodeRowsRead.Should().Be(3900);
        builder.Rejects.Select(r => r.Line).Should().Equal(expectedRejects.Keys.Order());
        foreach (var r in builder.Rejects) r.Reason.Should().Contain(expectedRejects[r.Line], $"line {r.Line}");
        builder.Rejects.Where(r => r.Reason.Contains("placement")).Should().OnlyContain(r => r.Child!.StartsWith("80"));
        cohort.Count.Should().Be(1300);
        for (var i = 0; i < cohort.Count; i++)
            cohort.History(i).Episodes.Should().HaveCount(expectedEpisodes[cohort.ChildId(i)], cohort.ChildId(i));
    }

    /// <summary>
    /// A child's episodes are put in order of start however the file lists them: in order, in reverse
    /// (the cohort then only reverses its list), or mixed (it sorts).
    /// </summary>
    [Fact]
    public void Episodes_come_out_in_order_of_start_however_the_file_lists_them()
    {
        using var dir = new TempDir();
        string[] starts = ["01/01/2020", "01/03/2020", "01/05/2020", "01/07/2020"];
        string[] ends = ["01/02/2020", "01/04/2020", "01/06/2020", "01/08/2020"];
        string Row(string child, int k) => $"{child},{starts[k]},{ends[k]},C2,U1,X1\n";
        var episodes = "CHILD,DECOM,DEC,LS,PLACE,REC\n"
            + string.Concat(new[] { 0, 1, 2, 3 }.Select(k => Row("ascending", k)))
            + string.Concat(new[] { 3, 2, 1, 0 }.Select(k => Row("descending", k)))
            + string.Concat(new[] { 1, 3, 0, 2 }.Select(k => Row("mixed", k)));
        var header = "CHILD,DOB\nascending,01/01/2008\ndescending,01/01/2008\nmixed,01/01/2008\n";
        var options = new BatchOptions(dir.Write("header.csv", header), [dir.Write("episodes.csv", episodes)], [], AsAt,
            dir.File("out.csv"));

        var (cohort, builder) = new BatchRunner(Core).Load(options);

        builder.Rejects.Should().BeEmpty();
        var expected = cohort.History(0).Episodes;
        expected.Select(e => e.Start).Should().BeInAscendingOrder().And.HaveCount(4);
        for (var i = 1; i < 3; i++) cohort.History(i).Episodes.Should().Equal(expected, cohort.ChildId(i));
    }

    /// <summary>
    /// Hostile rows of 200 KB each (a CHILD id far beyond any real one): batches end at 1 MiB of fields,
    /// not 512 rows, so what is read ahead stays small; every row is still rejected with its own line,
    /// and the reject quotes only a short, cleaned part of the id.
    /// </summary>
    [Fact]
    public void Rows_of_200_KB_each_are_read_in_small_batches_and_each_rejected()
    {
        using var dir = new TempDir();
        var episodes = new StringBuilder("CHILD,DECOM,DEC,LS,PLACE,REC\n");
        for (var i = 0; i < 60; i++) episodes.Append(new string('X', 200_000)).Append(i).Append(",01/01/2020,,C2,U1,\n");
        var options = new BatchOptions(dir.Write("header.csv", "CHILD,DOB\nA,01/01/2008\n"),
            [dir.Write("episodes.csv", episodes.ToString())], [], AsAt, dir.File("out.csv"));

        var (_, builder) = new BatchRunner(Core).Load(options);

        (RawRows<EpisodeInput>.MaxBytes / 200_000).Should().BeLessThan(10, "a batch holds a handful of such rows, not 512");
        builder.EpisodeRowsRead.Should().Be(60);
        builder.Rejects.Select(r => r.Line).Should().Equal(Enumerable.Range(2, 60).Select(l => (long)l));
        builder.Rejects.Should().OnlyContain(r => r.Reason.Contains("no header row") && r.Child!.Length < 1_000);
    }

    /// <summary>The results file made on every core, block by block, equals the answers written one by one.</summary>
    [Fact]
    public async Task Results_written_by_every_core_equal_results_written_one_by_one()
    {
        using var dir = new TempDir();
        var asAt = new LocalDate(2026, 3, 31);
        SyntheticReturn.Write(dir.Path, 12_000, seed: 3, asAt);
        var options = new BatchOptions(dir.File("header.csv"), [dir.File("episodes.csv")], [], asAt,
            dir.File("unused.csv"));
        var runner = new BatchRunner(Core);

        using var oneByOne = new MemoryStream();
        var (summaryOne, _) = await runner.RunAsync(options, oneByOne, null, onResult: _ => { }, block: 5_000);
        using var everyCore = new MemoryStream();
        var (summaryAll, _) = await runner.RunAsync(options, everyCore, null, block: 5_000);

        everyCore.ToArray().Should().Equal(oneByOne.ToArray());
        summaryAll.ByStatus.Should().Equal(summaryOne.ByStatus);
        summaryAll.ByAge.Should().Equal(summaryOne.ByAge);
        summaryAll.ChildrenWithWarnings.Should().Be(summaryOne.ChildrenWithWarnings);
        summaryAll.Children.Should().Be(12_000);
    }

    /// <summary>An error the reader meets reaches the consumer after every batch read before it.</summary>
    [Fact]
    public void An_error_ahead_reaches_the_consumer_after_the_rows_before_it()
    {
        static IEnumerable<int> Reader()
        {
            for (var i = 0; i < 40; i++) yield return i;
            throw new UnreadableInputException("line 41: not UTF-8");
        }
        var taken = new List<int>();
        var act = () => { foreach (var x in ReadAhead.Of(Reader())) taken.Add(x); };
        act.Should().Throw<UnreadableInputException>().WithMessage("line 41: not UTF-8");
        taken.Should().Equal(Enumerable.Range(0, 40));
    }

    /// <summary>A consumer that stops early stops the reader: its file is closed, no thread left waiting.</summary>
    [Fact]
    public void A_consumer_that_stops_early_stops_the_reader()
    {
        var closed = new ManualResetEventSlim();
        IEnumerable<int> Reader()
        {
            try
            {
                for (var i = 0; ; i++) yield return i;
            }
            finally
            {
                closed.Set();
            }
        }
        foreach (var x in ReadAhead.Of(Reader()))
            if (x == 5) break;
        closed.Wait(TimeSpan.FromSeconds(10)).Should().BeTrue();
    }
}
