using System.Diagnostics;
using LocalOffer.Batch.Cohort;
using LocalOffer.Batch.Input;
using LocalOffer.Core;

namespace LocalOffer.Bench;

/// <summary>
/// `--read N`: where the read of a batch goes, each layer on one thread over the header then the episodes
/// file (issue 30). Each layer does what the one before did and one thing more, so the differences are the
/// layer's own cost: (1) bytes to fields (the CSV input layer's rows), (2) the wanted fields' bytes copied
/// into a batch, (3) the batch made text, (4) the rows checked (dates, codes, child keys), (5) the rows
/// taken by the cohort (per-child structures, reject bookkeeping), (6) the cohort built (episodes ordered,
/// overlaps rejected). Medians of the runs; then the real, threaded load for comparison.
/// </summary>
public static class ReadBreakdown
{
    public static int Run(int n, int runs)
    {
        var dir = Path.Combine(Path.GetTempPath(), "localoffer-bench", n.ToString());
        var files = new[] { Path.Combine(dir, "header.csv"), Path.Combine(dir, "episodes.csv") };
        var core = RulesCore.LoadDefault();
        var names = new[] { "fields", "copied", "text", "checked", "taken", "built" };
        var times = names.Select(_ => new List<double>()).ToArray();
        var cpu = names.Select(_ => new List<double>()).ToArray();
        for (var r = 0; r < runs; r++)
        {
            Time(times[0], cpu[0], () => { foreach (var f in files) Fields(f); });
            Time(times[1], cpu[1], () => { Copied(files[0], Ssda903CsvReader.HeaderWanted, false);
                Copied(files[1], Ssda903CsvReader.EpisodeWanted, false); });
            Time(times[2], cpu[2], () => { Copied(files[0], Ssda903CsvReader.HeaderWanted, true);
                Copied(files[1], Ssda903CsvReader.EpisodeWanted, true); });
            Time(times[3], cpu[3], () => Ssda903CsvReader.CheckedRowsOnly(
                [InputSource.File(files[0]), InputSource.File(files[1])], core.Codes));
            CohortBuilder? b = null;
            Time(times[4], cpu[4], () => b = Taken(files, core));
            Time(times[5], cpu[5], () => { Taken(files, core).Build(); });
            b = null;
        }
        string M(List<double> xs) => $"{xs.Order().ElementAt(xs.Count / 2):F2}";
        Console.WriteLine("layer (cumulative, one thread) | wall s | CPU s | own (wall difference)");
        for (var i = 0; i < names.Length; i++)
        {
            var own = i == 0 ? times[0].Order().ElementAt(runs / 2)
                : times[i].Order().ElementAt(runs / 2) - times[i - 1].Order().ElementAt(runs / 2);
            Console.WriteLine($"{names[i]} | {M(times[i])} | {M(cpu[i])} | {own:F2}");
        }
        return 0;
    }

    private static void Time(List<double> wall, List<double> cpu, Action a)
    {
        GC.Collect();
        var c0 = Process.GetCurrentProcess().TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        a();
        wall.Add(sw.Elapsed.TotalSeconds);
        cpu.Add((Process.GetCurrentProcess().TotalProcessorTime - c0).TotalSeconds);
    }

    private static long Fields(string path)
    {
        using var input = CsvInput.Open(InputSource.File(path));
        input.Header();
        long rows = 0;
        while (input.Next()) rows += input.FieldCount;
        return rows;
    }

    private static long Copied(string path, string[] wanted, bool decode)
    {
        using var input = CsvInput.Open(InputSource.File(path));
        var c = Ssda903CsvReader.Columns(input, wanted, []);
        var pool = new RawRows<int>.Pool(wanted.Length);
        var raw = pool.Rent();
        long rows = 0;
        while (input.Next())
        {
            raw.Add(input.Csv, input.Line, c);
            if (!raw.IsFull) continue;
            if (decode) raw.Decode();
            rows += raw.Count;
            pool.Return(raw);
            raw = pool.Rent();
        }
        return rows;
    }

    private static CohortBuilder Taken(string[] files, RulesCore core)
    {
        var cohort = new CohortBuilder(core.Codes, core.Law);
        var h = InputSource.File(files[0]);
        var children = new RawRows<ChildInput>.Pool(Ssda903CsvReader.HeaderWanted.Length);
        foreach (var t in Ssda903CsvReader.HeaderRows(h, cohort.Checker, children, threaded: false))
        {
            foreach (var row in t.Result.Checked) cohort.AddChild(h.Name, in row);
            children.Return(t.Result);
        }
        var e = InputSource.File(files[1]);
        var episodes = new RawRows<EpisodeInput>.Pool(Ssda903CsvReader.EpisodeWanted.Length);
        foreach (var t in Ssda903CsvReader.EpisodeRows(e, cohort.Checker, episodes, threaded: false))
        {
            foreach (var row in t.Result.Checked) cohort.AddEpisode(e.Name, in row);
            episodes.Return(t.Result);
        }
        return cohort;
    }
}
