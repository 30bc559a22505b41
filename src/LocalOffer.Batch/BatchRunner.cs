using System.Diagnostics;
using LocalOffer.Batch.Cohort;
using LocalOffer.Batch.Input;
using LocalOffer.Batch.Output;
using LocalOffer.Core;
using LocalOffer.Core.Engine;
using LocalOffer.Core.Safety;
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
    string? RejectsPath = null)
{
    /// <summary>
    /// Inputs held in memory (uploads) read in place of the paths: the header first, then episodes, then XML.
    /// </summary>
    public IReadOnlyList<(InputSource Source, SsdaFileKind Kind)>? Sources { get; init; }
}

/// <summary>What an SSDA903 input file holds.</summary>
public enum SsdaFileKind { Header, Episodes, Xml }

/// <summary>Where a run has got to, for a progress bar or plain progress lines.</summary>
public readonly record struct BatchProgress(string Phase, long Done, long Total);

/// <summary>One child's answer in a batch run (Classification null when not classified; Warning says why).</summary>
public sealed record BatchResult(string Child, LocalDate DateOfBirth, Classification? Classification, string? Warning);

/// <summary>The accounting of a run: rows read = used + rejected, exactly.</summary>
public sealed record BatchSummary(
    long HeaderRowsRead, long EpisodeRowsRead, long RowsRejected, long EpisodeRowsMerged, long HeaderRowsMerged,
    int Children, IReadOnlyDictionary<string, int> ByStatus, IReadOnlyDictionary<string, int> ByAge,
    int ChildrenWithWarnings, TimeSpan Elapsed)
{
    public long RowsRead => HeaderRowsRead + EpisodeRowsRead;
    public long RowsUsed => RowsRead - RowsRejected;
    public TimeSpan ReadTime { get; init; }
    public TimeSpan ClassifyTime { get; init; }
}

/// <summary>
/// Runs a cohort through the rules core: read every file into one compact record per child, then
/// classify the children block by block in parallel on every core (the engine is pure), writing
/// each block's results as it is done, so memory holds the cohort and one block of answers.
/// </summary>
public sealed class BatchRunner(RulesCore core)
{
    // A block's answers are held until written: small enough to keep memory flat, big enough that the
    // barrier at its end (one core waiting for the other) is rare.
    private const int Block = 1 << 16;

    /// <summary>Between two warnings in one cell of the `warning` column.</summary>
    public const string WarningSeparator = " | ";

    /// <summary>
    /// One child's care history as `check` reads it, by CHILD (LA/CHILD in a regional extract), or
    /// null when no child has that id. Rows rejected for the child are left out, as in the run.
    /// </summary>
    public Core.Model.CareHistory? History(BatchOptions o, string child)
    {
        var (cohort, _) = Load(o);
        for (var i = 0; i < cohort.Count; i++)
            if (cohort.ChildId(i) == child) return cohort.History(i);
        return null;
    }

    public (BatchSummary Summary, IReadOnlyList<Reject> Rejects) Run(BatchOptions o,
        IProgress<BatchProgress>? progress = null, Action<BatchResult>? onResult = null)
    {
        CheckPaths(o);
        // Both files are written to temporary files and put in place together at the end: a run that
        // fails leaves no truncated results (and never a results file without its rejects).
        using var results = AtomicFile.Create(o.Out);
        using var rejects = o.RejectsPath is { } rp ? AtomicFile.Create(rp) : null;
        // No pause between blocks: every await completes at once, so this runs synchronously.
        var answer = RunAsync(o, results.Stream, rejects?.Stream, progress, onResult).GetAwaiter().GetResult();
        results.Commit();
        rejects?.Commit();
        return answer;
    }

    /// <summary>
    /// The run on streams: results (CSV or JSON as <see cref="BatchOptions.Format"/>) and rejects
    /// (CSV) written to them. <paramref name="between"/> is awaited after each block of children, so
    /// a browser page can show progress and stay responsive on its one thread.
    /// </summary>
    public async Task<(BatchSummary Summary, IReadOnlyList<Reject> Rejects)> RunAsync(BatchOptions o, Stream results,
        Stream? rejects, IProgress<BatchProgress>? progress = null, Action<BatchResult>? onResult = null,
        Func<Task>? between = null, int block = Block)
    {
        if (!DateLimits.InRange(o.AsAt)) throw new UnreadableInputException($"--as-at {DateLimits.OutOfRange(o.AsAt)}");
        var clock = Stopwatch.StartNew();
        var (cohort, builder) = Load(o, progress);
        var read = clock.Elapsed;
        var tally = new Tally(core.Law.MilestoneAges);
        if (o.Format != "json" && onResult is null)
            await ClassifyToCsv(cohort, o.AsAt, results, tally, progress, between, block);
        else
        using (var writer = o.Format == "json"
            ? (IResultWriter)new ResultJsonWriter(results, o.AsAt) : new ResultCsvWriter(results))
        {
            foreach (var children in Classify(cohort, o.AsAt, progress, block))
            {
                foreach (var r in children)
                {
                    writer.Write(r);
                    tally.Add(r);
                    onResult?.Invoke(r);
                }
                if (between is not null) await between();
            }
        }
        if (rejects is not null) RejectCsvWriter.Write(rejects, builder.Rejects);
        var summary = new BatchSummary(builder.HeaderRowsRead, builder.EpisodeRowsRead, builder.Rejects.Count,
            builder.EpisodeRowsMerged, builder.HeaderRowsMerged, cohort.Count, tally.ByStatus, tally.ByAge,
            tally.Warned, clock.Elapsed)
        {
            ReadTime = read, ClassifyTime = clock.Elapsed - read,
        };
        return (summary, builder.Rejects);
    }

    /// <summary>
    /// Before anything is read: the as-at date is in range, every input is a readable file, and the
    /// outputs are neither inputs nor each other, in folders that can be written to.
    /// </summary>
    public static void CheckPaths(BatchOptions o)
    {
        if (!DateLimits.InRange(o.AsAt)) throw new UnreadableInputException($"--as-at {DateLimits.OutOfRange(o.AsAt)}");
        var inputs = new[] { o.Header }.OfType<string>().Concat(o.Episodes).Concat(o.Xml).ToList();
        var outputs = new List<(string, string)> { ("--out", o.Out) };
        if (o.RejectsPath is { } rp) outputs.Add(("--rejects", rp));
        try
        {
            OutputPaths.Check(outputs, inputs);
            foreach (var i in inputs) InputFiles.CheckRegular(i);
        }
        catch (Exception e) when (e is OutputPathException or InputFileException)
        {
            throw new UnreadableInputException(e.Message);
        }
    }

    /// <summary>
    /// Reads every file, in the order given (later files are later returns), and checks the episodes.
    /// </summary>
    /// <summary>The size of cohort read from files after which <see cref="Load"/> collects garbage once.</summary>
    public const int CollectAfterLoadFrom = 100_000;

    public (Cohort.Cohort Cohort, CohortBuilder Builder) Load(BatchOptions o, IProgress<BatchProgress>? progress = null)
    {
        var builder = new CohortBuilder(core.Codes, core.Law);
        var files = o.Sources?.ToList() ?? [];
        if (o.Sources is null)
        {
            if (o.Header is { } header) files.Add((InputSource.File(header), SsdaFileKind.Header));
            files.AddRange(o.Episodes.Select(e => (InputSource.File(e), SsdaFileKind.Episodes)));
            files.AddRange(o.Xml.Select(x => (InputSource.File(x), SsdaFileKind.Xml)));
        }
        for (var k = 0; k < files.Count; k++)
        {
            var (source, kind) = files[k];
            progress?.Report(new BatchProgress($"reading {Path.GetFileName(source.Name)}", k, files.Count));
            switch (kind)
            {
                case SsdaFileKind.Header: Ssda903CsvReader.ReadHeader(source, builder); break;
                case SsdaFileKind.Episodes: Ssda903CsvReader.ReadEpisodes(source, builder); break;
                default: Ssda903XmlReader.Read(source, builder); break;
            }
        }
        progress?.Report(new BatchProgress("checking episodes", files.Count, files.Count));
        var cohort = builder.Build();
        // The cohort lives through the whole classify phase. One full collection now moves it to the
        // oldest generation once, instead of the classify phase's many young collections tracing and
        // copying it (issue 14, 1M children: GC pauses of that phase 110 to 55 ms, cold run 0.07 s
        // faster, peak 399 to 367 MB). Not for uploads: a server's other requests would wait on it.
        if (cohort.Count >= CollectAfterLoadFrom && files.All(f => !f.Source.InMemory)) GC.Collect();
        return (cohort, builder);
    }

    /// <summary>
    /// Classifies every child on the date, a block at a time (in parallel within it), in input order.
    /// Where there are threads, the next block is classified while the caller writes this one, so
    /// no core waits for the writer.
    /// </summary>
    public IEnumerable<BatchResult[]> Classify(Cohort.Cohort cohort, LocalDate asAt,
        IProgress<BatchProgress>? progress = null, int block = Block)
    {
        progress?.Report(new BatchProgress("classifying", 0, cohort.Count));
        var pipelined = ReadAhead.Threaded;
        Task<BatchResult[]>? ahead = null;
        for (var start = 0; start < cohort.Count; start += block)
        {
            var results = ahead?.GetAwaiter().GetResult()
                ?? ClassifyBlock(cohort, start, Math.Min(block, cohort.Count - start), asAt);
            var next = start + block;
            ahead = pipelined && next < cohort.Count
                ? Task.Run(() => ClassifyBlock(cohort, next, Math.Min(block, cohort.Count - next), asAt))
                : null;
            progress?.Report(new BatchProgress("classifying", start + results.Length, cohort.Count));
            yield return results;
        }
    }

    /// <summary>
    /// The CSV results made on every core: each slice of a block of children is classified and written
    /// as text by the core that classified it, and the text is copied out in order. Only text outlives
    /// a child's classification, so the garbage collector has almost nothing to keep (issue 14: answers
    /// kept as objects until written were most of its work), and writing is shared by the cores.
    /// The same rows, byte for byte, as <see cref="ResultCsvWriter"/> writing the answers one by one.
    /// </summary>
    private async Task ClassifyToCsv(Cohort.Cohort cohort, LocalDate asAt, Stream results, Tally tally,
        IProgress<BatchProgress>? progress, Func<Task>? between, int block)
    {
        const int slice = 1024; // small enough that a core rarely waits for the other at the end of a block
        using (new ResultCsvWriter(results)) { } // the header line
        progress?.Report(new BatchProgress("classifying", 0, cohort.Count));
        var slices = (Math.Min(block, cohort.Count) + slice - 1) / slice;
        // One text buffer, writer and tally per slice of a block, used again for every block.
        var texts = new MemoryStream[slices];
        var writers = new ResultCsvWriter[slices];
        var tallies = new Tally[slices];
        for (var k = 0; k < slices; k++)
        {
            (texts[k], tallies[k]) = (new MemoryStream(), new Tally(core.Law.MilestoneAges));
            writers[k] = new ResultCsvWriter(texts[k], header: false);
        }
        try
        {
            for (var start = 0; start < cohort.Count; start += block)
            {
                var n = Math.Min(block, cohort.Count - start);
                var first = start;
                Parallel.For(0, (n + slice - 1) / slice, k =>
                {
                    texts[k].SetLength(0);
                    var end = Math.Min(n, (k + 1) * slice);
                    for (var i = k * slice; i < end; i++)
                    {
                        var r = ClassifyOne(cohort, first + i, asAt);
                        writers[k].Write(r);
                        tallies[k].Add(r);
                    }
                    writers[k].Flush();
                });
                for (var k = 0; k < (n + slice - 1) / slice; k++)
                    results.Write(texts[k].GetBuffer(), 0, (int)texts[k].Length);
                progress?.Report(new BatchProgress("classifying", start + n, cohort.Count));
                if (between is not null) await between();
            }
        }
        finally
        {
            foreach (var w in writers) w.Dispose();
        }
        foreach (var t in tallies) tally.Add(t);
    }

    private BatchResult[] ClassifyBlock(Cohort.Cohort cohort, int first, int n, LocalDate asAt)
    {
        const int chunk = 4096;
        var results = new BatchResult[n];
        Parallel.For(0, (n + chunk - 1) / chunk, k =>
        {
            var end = Math.Min(n, (k + 1) * chunk);
            for (var i = k * chunk; i < end; i++) results[i] = ClassifyOne(cohort, first + i, asAt);
        });
        return results;
    }

    private BatchResult ClassifyOne(Cohort.Cohort cohort, int i, LocalDate asAt)
    {
        var (id, dob) = (cohort.ChildId(i), cohort.DateOfBirth(i));
        if (asAt < dob) return new BatchResult(id, dob, null, "born after the as-at date: not classified");
        var rejected = cohort.RejectedRows(i);
        var k = core.Engine.Classify(dob, cohort.Episodes(i), asAt);
        // The engine's warnings are the ones `check` gives for the same history, word for word.
        var warning = rejected > 0
            ? $"{rejected} row(s) of this child rejected (see rejects): computed from the rest, may be wrong" : null;
        if (k.Warnings.Count > 0)
            warning = string.Join(WarningSeparator, warning is null ? k.Warnings : k.Warnings.Prepend(warning));
        return new BatchResult(id, dob, k, warning);
    }

    /// <summary>
    /// Age bands of the summary, cut at the law's milestone birthdays (14, 16, 18, 21, 25 as the rules stand).
    /// </summary>
    public static IReadOnlyList<string> AgeBands(IReadOnlyList<int> milestones) =>
        [
            $"under {milestones[0]}", .. milestones.Zip(milestones.Skip(1), (a, b) => $"{a}-{b - 1}"),
            $"{milestones[^1]} and over",
        ];

    public static string AgeBand(int age, IReadOnlyList<int> milestones) =>
        AgeBand(age, milestones, AgeBands(milestones));

    /// <summary>The band of <paramref name="age"/> among <paramref name="bands"/> made once (per child).</summary>
    private static string AgeBand(int age, IReadOnlyList<int> milestones, IReadOnlyList<string> bands)
    {
        for (var i = 0; i < milestones.Count; i++) if (age < milestones[i]) return bands[i];
        return bands[^1];
    }

    /// <summary>Children by status and by age, counted as results are written.</summary>
    private sealed class Tally(IReadOnlyList<int> milestones)
    {
        public Dictionary<string, int> ByStatus { get; } =
            StatusNames.All.Select(s => s.Wire()).Append("not classified").ToDictionary(s => s, _ => 0);
        private readonly IReadOnlyList<string> _bands = AgeBands(milestones);
        public Dictionary<string, int> ByAge { get; } = AgeBands(milestones).ToDictionary(a => a, _ => 0);
        public int Warned { get; private set; }

        /// <summary>Another tally's counts added to these (the slices of a run, counted apart).</summary>
        public void Add(Tally other)
        {
            foreach (var (k, v) in other.ByStatus) ByStatus[k] += v;
            foreach (var (k, v) in other.ByAge) ByAge[k] += v;
            Warned += other.Warned;
        }

        public void Add(BatchResult r)
        {
            if (r.Warning is not null) Warned++;
            if (r.Classification is not { } c) { ByStatus["not classified"]++; return; }
            ByStatus[c.Status.Wire()]++;
            ByAge[AgeBand(c.Age, milestones, _bands)]++;
        }
    }
}
