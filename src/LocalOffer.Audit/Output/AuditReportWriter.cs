using System.Diagnostics;
using System.Text;
using LocalOffer.Batch.Input;
using LocalOffer.Batch.Output;
using LocalOffer.Core.Safety;
using LocalOffer.Offers.Render;

namespace LocalOffer.Audit.Output;

/// <summary>
/// Writes the audit's folder: audit.csv, index.html (with GOV.UK Frontend's assets/), audit.xlsx and
/// rejects.csv, all or none: each through the one atomic writer to its own temporary name, and all put
/// in place only when every one is complete. An input is never overwritten; a folder holding other
/// things is refused unless it is an earlier audit (its marker) or --force is given.
/// </summary>
public static class AuditReportWriter
{
    public static readonly string[] OutputFiles = ["audit.csv", "index.html", "audit.xlsx", "rejects.csv"];

    /// <summary>The file that marks a folder as an earlier audit, so a run may write into it again.</summary>
    public const string Marker = ".localoffer-audit";

    /// <summary>Before anything is read: no output is an input, and the folder may be written to.</summary>
    public static void CheckTarget(AuditOptions o) =>
        ReportFolder.Check(o.Out, Marker, OutputFiles, o.Force, "audit",
            new[] { o.List, o.Header }.Concat(o.Episodes).Concat(o.Xml));

    public static void Write(AuditRun run, string outDir, TemplateSet templates)
    {
        var phases = run.Summary.Phases;
        void Timed(string phase, Action write)
        {
            var clock = Stopwatch.StartNew();
            write();
            lock (phases) phases[phase] = clock.Elapsed;
        }
        Directory.CreateDirectory(outDir);
        var tables = new AuditTables(run);
        var files = OutputFiles.ToDictionary(f => f, f => AtomicFile.Create(Path.Combine(outDir, f)));
        try
        {
            var title = $"Care leaver list audit as at {run.AsAt:yyyy-MM-dd}"
                + (run.Council is null ? "" : $", {run.Council.Name}");
            // Three files from the same finished run, each on its own thread: a report of 100,000 young
            // people is otherwise mostly waiting for the spreadsheet (bench/README.md, issue 31).
            var wall = Stopwatch.StartNew();
            try
            {
                Parallel.Invoke(
                    () => Timed("csv", () =>
                    {
                        AuditCsv.Write(files["audit.csv"].Stream, run);
                        RejectCsvWriter.Write(files["rejects.csv"].Stream, run.Rejects);
                    }),
                    () => Timed("xlsx", () => AuditXlsx.Write(files["audit.xlsx"].Stream, run, tables, title)),
                    () => Timed("html", () => files["index.html"].Stream.Write(
                        Encoding.UTF8.GetBytes(AuditReport.Render(templates, run, tables)))));
            }
            catch (AggregateException e) when (e.InnerExceptions.Count > 0)
            {
                // The first failure as itself (a disk full is an IOException), not wrapped.
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
            }
            lock (phases) phases["write"] = wall.Elapsed;
            // Our stylesheet and images first (written over, file by file; nothing in assets/ is deleted):
            // when GOV.UK Frontend is missing, no report file has been put in place.
            SitePublisher.CopyAssets(Path.Combine(outDir, "assets"));
            foreach (var f in OutputFiles) files[f].Commit();
            AtomicFile.WriteAllText(Path.Combine(outDir, Marker), "audit\n");
        }
        finally
        {
            foreach (var f in files.Values) f.Dispose();
        }
    }
}
