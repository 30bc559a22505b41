using LocalOffer.Core.Safety;
using System.Text;
using System.Diagnostics;
using LocalOffer.Batch;
using LocalOffer.Batch.Input;
using LocalOffer.Batch.Output;
using LocalOffer.Core;
using LocalOffer.Indicators.Benchmarks;
using LocalOffer.Indicators.Definitions;
using LocalOffer.Indicators.Input;
using LocalOffer.Indicators.Output;
using LocalOffer.Offers.Render;
using NodaTime;

namespace LocalOffer.Indicators;

/// <summary>
/// What to run: SSDA903 files (CSV header, episodes, OC3; or XML), the year end, the council, the folder.
/// </summary>
public sealed record IndicatorOptions(
    string? Header, IReadOnlyList<string> Episodes, string? Oc3, IReadOnlyList<string> Xml,
    LocalDate YearEnd, string? La, string Out, bool Force = false);

/// <summary>The accounting of a run: every OC3 row read is counted, in a finding, or rejected.</summary>
public sealed record IndicatorSummary(
    int Children, int CareLeavers, long Oc3RowsRead, long Oc3RowsCounted, long Oc3RowsInFindings, long Oc3RowsRejected,
    long RowsRead, long RowsRejected, IReadOnlyDictionary<string, int> ByFinding, TimeSpan Elapsed)
{
    /// <summary>
    /// Time of each phase (read, check, count, each file written): for the summary line and the bench.
    /// </summary>
    public Dictionary<string, TimeSpan> Phases { get; init; } = [];
}

/// <summary>A finished run: the young people checked, the indicator rows and the summary.</summary>
public sealed record IndicatorRun(
    LocalDate YearEnd, IReadOnlyList<YoungPerson> People, IReadOnlyList<IndicatorRow> Rows,
    IReadOnlyList<Reject> Rejects, IndicatorSummary Summary);

/// <summary>
/// `localoffer indicators`: reads the return with the batch pipeline (readers, CohortBuilder,
/// rejects), reads OC3, checks it against the engine (<see cref="CohortCheck"/>), counts the
/// indicators, benchmarks them against the DfE tables and writes indicators.csv, cohort-check.csv,
/// index.html, indicators.xlsx and rejects.csv, all or none: into a hidden folder first, then moved.
/// </summary>
public sealed class IndicatorsRunner
{
    public static readonly string[] OutputFiles =
        ["indicators.csv", "cohort-check.csv", "index.html", "indicators.xlsx", "rejects.csv"];

    private readonly RulesCore core;
    private readonly IndicatorDefinitions defs;
    private readonly IReadOnlyDictionary<string, Council> _councils;
    private readonly Task<DfeTables> _dfe;
    private readonly Task<TemplateSet?> _templates;

    public IndicatorsRunner(RulesCore core, IndicatorDefinitions defs, DfeTables dfe, TemplateSet? templates)
        : this(core, defs, dfe.Councils, Task.FromResult(dfe), Task.FromResult(templates), loadedFor: null)
    {
    }

    private IndicatorsRunner(RulesCore core, IndicatorDefinitions defs, IReadOnlyDictionary<string, Council> councils,
        Task<DfeTables> dfe, Task<TemplateSet?> templates, string? loadedFor)
    {
        _loadedFor = loadedFor;
        this.core = core;
        this.defs = defs;
        _councils = councils;
        _dfe = dfe;
        _templates = templates;
    }

    /// <summary>
    /// The definitions and the statistical neighbour model (enough to check --la) now; the DfE tables and
    /// the templates on the thread pool while the return is read and checked, each waited for where it is
    /// first used (issue 30: they were about a fifth of a cold run at 100k, read before the return was
    /// opened). A problem loading them is still the one reported when the run fails for another reason too
    /// (<see cref="Loaded"/>). Only what the report reads is read: the DfE figures of <paramref name="la"/>'s
    /// report (<see cref="DfeTables.Load"/>), and the templates without the translations (the report is in
    /// English and asks for no catalogue text). A runner loaded this way runs for that council alone.
    /// </summary>
    public static IndicatorsRunner LoadDefault(RulesCore core, string? la = null) =>
        Load(core, la, IndicatorDefinitions.LoadDefault(), DfeTables.DefaultDirectory(),
            TemplateSet.DefaultDirectory());

    /// <summary><see cref="LoadDefault"/> from the folders given (tests: a table missing).</summary>
    internal static IndicatorsRunner Load(RulesCore core, string? la, IndicatorDefinitions defs, string dfeDirectory,
        string templatesDirectory)
    {
        var councils = DfeTables.LoadCouncils(dfeDirectory);
        var dfe = Task.Run(() => DfeTables.Load(dfeDirectory, defs, councils, la ?? ""));
        var templates = Task.Run<TemplateSet?>(() => new TemplateSet(templatesDirectory));
        return new IndicatorsRunner(core, defs, councils, dfe, templates, loadedFor: la ?? "");
    }

    /// <summary>The council a runner from <see cref="LoadDefault"/> was loaded for ("" none), else null.</summary>
    private readonly string? _loadedFor;

    /// <summary>A runner loaded for one council's report is asked for that council's, or none.</summary>
    private void CheckCouncil(string? la)
    {
        if (_loadedFor is not null && (la ?? "").Trim() != _loadedFor.Trim())
            throw new InvalidOperationException("this runner's DfE figures were read for another council's report");
    }

    private DfeTables Dfe => _dfe.GetAwaiter().GetResult();

    /// <summary>
    /// When a run fails, a problem loading the DfE tables or the templates is reported first, as when they
    /// were loaded before the run began: the program's own files come before the input's problems.
    /// </summary>
    private T Loaded<T>(Func<T> run)
    {
        try
        {
            return run();
        }
        catch (Exception)
        {
            try { Task.WaitAll(_dfe, _templates); } catch (AggregateException) { }
            if (_dfe.IsFaulted) _dfe.GetAwaiter().GetResult();
            if (_templates.IsFaulted) _templates.GetAwaiter().GetResult();
            throw;
        }
    }

    /// <summary>The council for --la (three-digit old_la_code), or null; an unknown code is an error.</summary>
    public Council? Council(string? la)
    {
        if (la is null) return null;
        return _councils.TryGetValue(la.Trim(), out var c) ? c
            : throw new UnreadableInputException(
                $"--la: '{la}' is not a council code in the DfE statistical neighbour model "
                + "(three digits, e.g. 384 Wakefield)");
    }

    /// <summary>Reads, checks and counts, without writing anything.</summary>
    public IndicatorRun Compute(IndicatorOptions o, IProgress<BatchProgress>? progress = null) =>
        Loaded(() => ComputeRun(o, progress));

    private IndicatorRun ComputeRun(IndicatorOptions o, IProgress<BatchProgress>? progress)
    {
        var clock = Stopwatch.StartNew();
        CheckCouncil(o.La);
        var council = Council(o.La);
        var batch = new BatchRunner(core);
        var phases = new Dictionary<string, TimeSpan>();
        // The OC3 file is read on another core alongside the episodes (issue 30); its problems still come
        // after the return's, as when it was read after them.
        var oc3Read = o.Oc3 is { } oc3File ? Task.Run(() => Oc3CsvReader.ReadAll(oc3File)) : null;
        Batch.Cohort.Cohort cohort;
        Batch.Cohort.CohortBuilder builder;
        try
        {
            (cohort, builder) = batch.Load(new BatchOptions(o.Header, o.Episodes, o.Xml, o.YearEnd, o.Out), progress);
        }
        catch (Exception)
        {
            oc3Read?.ContinueWith(t => t.Exception, TaskScheduler.Default); // observed: the return's problem is the one
            throw;
        }
        var oc3 = oc3Read?.GetAwaiter().GetResult() ?? [];
        foreach (var x in o.Xml) Oc3XmlReader.Read(x, oc3);
        phases["read"] = clock.Elapsed;
        progress?.Report(new BatchProgress("checking the cohort", 0, cohort.Count));
        var rejects = new List<Reject>(builder.Rejects);
        var oc3Rejects = new List<Reject>();
        var check = new CohortCheck(core, defs).Run(cohort, oc3, o.YearEnd, oc3Rejects);
        phases["check"] = clock.Elapsed - phases["read"];
        rejects.AddRange(oc3Rejects.OrderBy(r => r.File, StringComparer.Ordinal).ThenBy(r => r.Line));
        var rows = IndicatorTable.Build(check.People, defs, Dfe, council);
        var byFinding = Findings.All.ToDictionary(f => f, f => check.People.Count(p => p.Finding == f));
        var summary = new IndicatorSummary(cohort.Count, check.People.Count(p => p.CareLeaver),
            check.Oc3RowsRead, check.People.Count(p => p.Counted),
            check.People.Count(p => p.Oc3 is not null && p.Finding is not null), check.Oc3RowsRejected,
            builder.HeaderRowsRead + builder.EpisodeRowsRead + check.Oc3RowsRead, rejects.Count, byFinding,
            clock.Elapsed)
        { Phases = phases };
        phases["count"] = clock.Elapsed - phases["read"] - phases["check"];
        return new IndicatorRun(o.YearEnd, check.People, rows, rejects, summary);
    }

    /// <summary>
    /// The file that marks a folder as an earlier indicators report, so a run may write into it again.
    /// </summary>
    public const string Marker = ".localoffer-indicators";

    /// <summary>Computes and writes every output file into <see cref="IndicatorOptions.Out"/>, all or none.</summary>
    public IndicatorRun Run(IndicatorOptions o, IProgress<BatchProgress>? progress = null) =>
        Loaded(() => RunAndWrite(o, progress));

    private IndicatorRun RunAndWrite(IndicatorOptions o, IProgress<BatchProgress>? progress)
    {
        var outDir = Path.GetFullPath(o.Out);
        ReportFolder.Check(o.Out, Marker, OutputFiles, o.Force, "indicators report",
            new[] { o.Header, o.Oc3 }.Concat(o.Episodes).Concat(o.Xml));
        var clock = Stopwatch.StartNew();
        var run = ComputeRun(o, progress);
        var phases = run.Summary.Phases;
        void Done(string phase) =>
            phases[phase] = clock.Elapsed - phases.Values.Aggregate(TimeSpan.Zero, (a, b) => a + b);
        var council = Council(o.La);
        progress?.Report(new BatchProgress("writing", 0, OutputFiles.Length));
        Directory.CreateDirectory(outDir);
        // Every file through the one atomic writer: each written to its own temporary name, then all
        // put in place together, so a failure leaves the folder as it was.
        var files = OutputFiles.ToDictionary(f => f, f => AtomicFile.Create(Path.Combine(outDir, f)));
        var title = $"Care leaver indicators, year ending {o.YearEnd:yyyy-MM-dd}"
            + (council is null ? "" : $", {council.Name}");
        // The workbook, the longest to write, is written on another core alongside the CSV files and the
        // page (issue 30): each goes to its own stream from the finished run, which nothing changes now.
        // Each file goes to disk as soon as it is written (the flush its commit makes, made early: sixteen
        // flushes to disk were 40 ms at the end of a run), the CSV files and the page while the workbook is
        // still being written; nothing is put in place before every file is written.
        var xlsx = Task.Run(() =>
        {
            IndicatorXlsx.Write(files["indicators.xlsx"].Stream, run.Rows, run.People, title);
            files["indicators.xlsx"].Stream.Flush(flushToDisk: true);
        });
        try
        {
            IndicatorCsv.WriteIndicators(files["indicators.csv"].Stream, run.Rows, defs);
            IndicatorCsv.WriteCohortCheck(files["cohort-check.csv"].Stream, run.People);
            RejectCsvWriter.Write(files["rejects.csv"].Stream, run.Rejects);
            Done("csv");
            var templates = _templates.GetAwaiter().GetResult()
                ?? throw new InvalidOperationException("no templates");
            files["index.html"].Stream.Write(Encoding.UTF8.GetBytes(
                IndicatorReport.Render(templates, run, defs, Dfe, council)));
            foreach (var f in OutputFiles.Where(f => f != "indicators.xlsx")) files[f].Stream.Flush(flushToDisk: true);
            Done("html");
            xlsx.GetAwaiter().GetResult();
            Done("xlsx"); // the time still waited for the workbook once the rest was written
            // Our stylesheet and images are written over, file by file (nothing in assets/ is deleted), on
            // another core while the report's files are put in place: each is flushed to disk on its own.
            var assets = Task.Run(() => SitePublisher.CopyAssets(Path.Combine(outDir, "assets")));
            try
            {
                foreach (var f in OutputFiles) files[f].Commit();
            }
            finally
            {
                try { assets.Wait(); } catch (AggregateException) { }
            }
            assets.GetAwaiter().GetResult();
            AtomicFile.WriteAllText(Path.Combine(outDir, Marker), "indicators\n");
            Done("assets");
        }
        finally
        {
            // A failure above leaves the workbook's task writing into its stream: wait for it before letting go.
            try { xlsx.Wait(); } catch (AggregateException) { }
            foreach (var f in files.Values) f.Dispose();
        }
        return run;
    }
}
