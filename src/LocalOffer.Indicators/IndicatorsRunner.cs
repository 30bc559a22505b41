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

/// <summary>What to run: SSDA903 files (CSV header, episodes, OC3; or XML), the year end, the council, the folder.</summary>
public sealed record IndicatorOptions(
    string? Header, IReadOnlyList<string> Episodes, string? Oc3, IReadOnlyList<string> Xml,
    LocalDate YearEnd, string? La, string Out, bool Force = false);

/// <summary>The accounting of a run: every OC3 row read is counted, in a finding, or rejected.</summary>
public sealed record IndicatorSummary(
    int Children, int CareLeavers, long Oc3RowsRead, long Oc3RowsCounted, long Oc3RowsInFindings, long Oc3RowsRejected,
    long RowsRead, long RowsRejected, IReadOnlyDictionary<string, int> ByFinding, TimeSpan Elapsed)
{
    /// <summary>Time of each phase (read, check, count, each file written): for the summary line and the bench.</summary>
    public Dictionary<string, TimeSpan> Phases { get; init; } = [];
}

/// <summary>A finished run: the young people checked, the indicator rows and the summary.</summary>
public sealed record IndicatorRun(LocalDate YearEnd, IReadOnlyList<YoungPerson> People, IReadOnlyList<IndicatorRow> Rows,
    IReadOnlyList<Reject> Rejects, IndicatorSummary Summary);

/// <summary>
/// `localoffer indicators`: reads the return with the batch pipeline (readers, CohortBuilder,
/// rejects), reads OC3, checks it against the engine (<see cref="CohortCheck"/>), counts the
/// indicators, benchmarks them against the DfE tables and writes indicators.csv, cohort-check.csv,
/// index.html, indicators.xlsx and rejects.csv, all or none: into a hidden folder first, then moved.
/// </summary>
public sealed class IndicatorsRunner(RulesCore core, IndicatorDefinitions defs, DfeTables dfe, TemplateSet? templates)
{
    public static readonly string[] OutputFiles =
        ["indicators.csv", "cohort-check.csv", "index.html", "indicators.xlsx", "rejects.csv"];

    public static IndicatorsRunner LoadDefault(RulesCore core)
    {
        var defs = IndicatorDefinitions.LoadDefault();
        return new IndicatorsRunner(core, defs, DfeTables.LoadDefault(defs), TemplateSet.LoadDefault());
    }

    /// <summary>The council for --la (three-digit old_la_code), or null; an unknown code is an error.</summary>
    public Council? Council(string? la)
    {
        if (la is null) return null;
        return dfe.Councils.TryGetValue(la.Trim(), out var c) ? c
            : throw new UnreadableInputException(
                $"--la: '{la}' is not a council code in the DfE statistical neighbour model (three digits, e.g. 384 Wakefield)");
    }

    /// <summary>Reads, checks and counts, without writing anything.</summary>
    public IndicatorRun Compute(IndicatorOptions o, IProgress<BatchProgress>? progress = null)
    {
        var clock = Stopwatch.StartNew();
        var council = Council(o.La);
        var batch = new BatchRunner(core);
        var phases = new Dictionary<string, TimeSpan>();
        var (cohort, builder) = batch.Load(new BatchOptions(o.Header, o.Episodes, o.Xml, o.YearEnd, o.Out), progress);
        var oc3 = new List<Oc3Row>();
        if (o.Oc3 is { } oc3File) Oc3CsvReader.Read(oc3File, oc3);
        foreach (var x in o.Xml) Oc3XmlReader.Read(x, oc3);
        phases["read"] = clock.Elapsed;
        progress?.Report(new BatchProgress("checking the cohort", 0, cohort.Count));
        var rejects = new List<Reject>(builder.Rejects);
        var oc3Rejects = new List<Reject>();
        var check = new CohortCheck(core, defs).Run(cohort, oc3, o.YearEnd, oc3Rejects);
        phases["check"] = clock.Elapsed - phases["read"];
        rejects.AddRange(oc3Rejects.OrderBy(r => r.File, StringComparer.Ordinal).ThenBy(r => r.Line));
        var rows = IndicatorTable.Build(check.People, defs, dfe, council);
        var byFinding = Findings.All.ToDictionary(f => f, f => check.People.Count(p => p.Finding == f));
        var summary = new IndicatorSummary(cohort.Count, check.People.Count(p => p.CareLeaver),
            check.Oc3RowsRead, check.People.Count(p => p.Counted),
            check.People.Count(p => p.Oc3 is not null && p.Finding is not null), check.Oc3RowsRejected,
            builder.HeaderRowsRead + builder.EpisodeRowsRead + check.Oc3RowsRead, rejects.Count, byFinding, clock.Elapsed)
        { Phases = phases };
        phases["count"] = clock.Elapsed - phases["read"] - phases["check"];
        return new IndicatorRun(o.YearEnd, check.People, rows, rejects, summary);
    }

    /// <summary>The file that marks a folder as an earlier indicators report, so a run may write into it again.</summary>
    public const string Marker = ".localoffer-indicators";

    /// <summary>Computes and writes every output file into <see cref="IndicatorOptions.Out"/>, all or none.</summary>
    public IndicatorRun Run(IndicatorOptions o, IProgress<BatchProgress>? progress = null)
    {
        var outDir = Path.GetFullPath(o.Out);
        ReportFolder.Check(o.Out, Marker, OutputFiles, o.Force, "indicators report",
            new[] { o.Header, o.Oc3 }.Concat(o.Episodes).Concat(o.Xml));
        var clock = Stopwatch.StartNew();
        var run = Compute(o, progress);
        var phases = run.Summary.Phases;
        void Done(string phase) => phases[phase] = clock.Elapsed - phases.Values.Aggregate(TimeSpan.Zero, (a, b) => a + b);
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
        var xlsx = Task.Run(() => IndicatorXlsx.Write(files["indicators.xlsx"].Stream, run.Rows, run.People, title));
        try
        {
            IndicatorCsv.WriteIndicators(files["indicators.csv"].Stream, run.Rows, defs);
            IndicatorCsv.WriteCohortCheck(files["cohort-check.csv"].Stream, run.People);
            RejectCsvWriter.Write(files["rejects.csv"].Stream, run.Rejects);
            Done("csv");
            if (templates is null) throw new InvalidOperationException("no templates");
            files["index.html"].Stream.Write(Encoding.UTF8.GetBytes(
                IndicatorReport.Render(templates, run, defs, dfe, council)));
            Done("html");
            xlsx.GetAwaiter().GetResult();
            Done("xlsx"); // the time still waited for the workbook once the rest was written
            foreach (var f in OutputFiles) files[f].Commit();
            // Our stylesheet and images are written over, file by file; nothing in assets/ is deleted.
            SitePublisher.CopyAssets(Path.Combine(outDir, "assets"));
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
