using System.Diagnostics;
using LocalOffer.Batch.Cohort;
using LocalOffer.Batch.Input;
using LocalOffer.Batch.Output;
using LocalOffer.Core;
using LocalOffer.Core.Engine;
using NodaTime;

namespace LocalOffer.Batch;

/// <summary>What to run: SSDA903 files (CSV header + episodes, or XML), the date, and where to write.</summary>
public sealed record BatchOptions(
    string? Header,
    IReadOnlyList<string> Episodes,
    IReadOnlyList<string> Xml,
    LocalDate AsAt,
    string Out,
    string Format = "csv",
    string? RejectsPath = null);

/// <summary>Where a run has got to, for a progress bar or plain progress lines.</summary>
public readonly record struct BatchProgress(string Phase, long Done, long Total);

/// <summary>One child's answer in a batch run.</summary>
public sealed record BatchResult(CohortChild Child, Classification? Classification, string? Warning);

/// <summary>The accounting of a run: rows read = used + rejected, exactly.</summary>
public sealed record BatchSummary(
    long HeaderRowsRead, long EpisodeRowsRead, long RowsRejected, long EpisodeRowsMerged, long HeaderRowsMerged,
    int Children, IReadOnlyDictionary<string, int> ByStatus, IReadOnlyDictionary<string, int> ByAge,
    int ChildrenWithWarnings, TimeSpan Elapsed)
{
    public long RowsRead => HeaderRowsRead + EpisodeRowsRead;
    public long RowsUsed => RowsRead - RowsRejected;
}

/// <summary>
/// Runs a cohort through the rules core: read every file into one record per child, classify
/// the children in parallel on every core (the engine is pure), write results and rejects.
/// </summary>
public sealed class BatchRunner(RulesCore core)
{
    public (BatchSummary Summary, IReadOnlyList<BatchResult> Results, IReadOnlyList<Reject> Rejects) Run(BatchOptions o, IProgress<BatchProgress>? progress = null)
    {
        var clock = Stopwatch.StartNew();
        var (cohort, builder) = Load(o, progress);
        var results = Classify(cohort, o.AsAt, progress);
        progress?.Report(new BatchProgress("writing results", 0, results.Length));
        using (var output = File.Create(o.Out))
        {
            if (o.Format == "json") ResultJsonWriter.Write(output, results, o.AsAt);
            else ResultCsvWriter.Write(output, results);
        }
        if (o.RejectsPath is { } rp)
            using (var rejects = File.Create(rp)) RejectCsvWriter.Write(rejects, builder.Rejects);
        var summary = Summarise(builder, results, clock.Elapsed);
        return (summary, results, builder.Rejects);
    }

    /// <summary>Reads every file, in the order given (later files are later returns).</summary>
    public (Cohort.Cohort Cohort, CohortBuilder Builder) Load(BatchOptions o, IProgress<BatchProgress>? progress = null)
    {
        var builder = new CohortBuilder(core.Codes);
        var total = (o.Header is null ? 0 : 1) + o.Episodes.Count + o.Xml.Count;
        var done = 0;
        if (o.Header is { } header)
        {
            progress?.Report(new BatchProgress($"reading {Path.GetFileName(header)}", done, total));
            Ssda903CsvReader.ReadHeader(header, builder);
            done++;
        }
        foreach (var e in o.Episodes)
        {
            progress?.Report(new BatchProgress($"reading {Path.GetFileName(e)}", done, total));
            Ssda903CsvReader.ReadEpisodes(e, builder);
            done++;
        }
        foreach (var x in o.Xml)
        {
            progress?.Report(new BatchProgress($"reading {Path.GetFileName(x)}", done, total));
            Ssda903XmlReader.Read(x, builder);
            done++;
        }
        progress?.Report(new BatchProgress("checking episodes", done, total));
        return (builder.Build(), builder);
    }

    /// <summary>Classifies every child on the date, in parallel, keeping input order.</summary>
    public BatchResult[] Classify(Cohort.Cohort cohort, LocalDate asAt, IProgress<BatchProgress>? progress = null)
    {
        var children = cohort.Children;
        var results = new BatchResult[children.Length];
        long done = 0;
        const int chunk = 4096;
        var chunks = (children.Length + chunk - 1) / chunk;
        progress?.Report(new BatchProgress("classifying", 0, children.Length));
        Parallel.For(0, chunks, k =>
        {
            var end = Math.Min(children.Length, (k + 1) * chunk);
            for (var i = k * chunk; i < end; i++)
                results[i] = ClassifyOne(children[i], asAt);
            var now = Interlocked.Add(ref done, end - k * chunk);
            progress?.Report(new BatchProgress("classifying", now, children.Length));
        });
        return results;
    }

    private BatchResult ClassifyOne(CohortChild child, LocalDate asAt)
    {
        if (asAt < child.History.DateOfBirth)
            return new BatchResult(child, null, "born after the as-at date: not classified");
        var c = core.Engine.Classify(child.History, asAt);
        var warning = child.RejectedRows > 0
            ? $"{child.RejectedRows} row(s) of this child rejected (see rejects): computed from the rest, may be wrong"
            : null;
        return new BatchResult(child, c, warning);
    }

    public static string AgeBand(int age) => age switch
    {
        < 14 => "under 14",
        < 16 => "14-15",
        < 18 => "16-17",
        < 21 => "18-20",
        < 25 => "21-24",
        _ => "25 and over",
    };

    private static BatchSummary Summarise(CohortBuilder b, BatchResult[] results, TimeSpan elapsed)
    {
        var byStatus = StatusNames.All.ToDictionary(s => s.Wire(), _ => 0);
        byStatus["not classified"] = 0;
        var byAge = new[] { "under 14", "14-15", "16-17", "18-20", "21-24", "25 and over" }.ToDictionary(a => a, _ => 0);
        var warned = 0;
        foreach (var r in results)
        {
            if (r.Warning is not null) warned++;
            if (r.Classification is not { } c) { byStatus["not classified"]++; continue; }
            byStatus[c.Status.Wire()]++;
            byAge[AgeBand(c.Age)]++;
        }
        return new BatchSummary(b.HeaderRowsRead, b.EpisodeRowsRead, b.Rejects.Count, b.EpisodeRowsMerged, b.HeaderRowsMerged,
            results.Length, byStatus, byAge, warned, elapsed);
    }
}
