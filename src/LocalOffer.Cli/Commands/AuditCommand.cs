using System.CommandLine;
using LocalOffer.Audit;
using LocalOffer.Audit.Input;
using LocalOffer.Audit.Output;
using LocalOffer.Batch;
using LocalOffer.Batch.Input;
using LocalOffer.Core.Safety;
using LocalOffer.Offers.Render;

namespace LocalOffer.Cli.Commands;

/// <summary>
/// `localoffer audit --annex-a list9.csv | --ssd care_leavers.csv  --header H --episodes E... | --xml X... |
/// --histories DIR  --as-at D [--la CODE] --out DIR`: the council's care leaver list checked against the
/// care histories and the law (issue 31). Writes audit.csv, index.html, audit.xlsx and rejects.csv into DIR.
/// </summary>
public static class AuditCommand
{
    public static Command Create()
    {
        var annexA = new Option<FileInfo?>("--annex-a") { Description = "Annex A list 9 (care leavers) as CSV" };
        var ssd = new Option<FileInfo?>("--ssd")
            { Description = "The Standard Safeguarding Dataset's ssd_care_leavers as CSV" };
        // The care histories as caseload and whatif take them (the audit has no caseload CSV).
        var cohort = new CohortInputOptions("(not taken by audit)");
        var asAt = CliOptions.AsAt(required: true);
        var la = new Option<string?>("--la")
        {
            Description = "The council's three-digit code (e.g. 384 Wakefield): region and statistical neighbour "
                + "benchmarks",
        };
        var output = new Option<DirectoryInfo>("--out")
            { Description = "Folder for the report files", Required = true };
        var force = new Option<bool>("--force")
            { Description = "Write into a folder that holds other files (never deletes any)" };
        var cmd = new Command("audit",
            "Check the council's care leaver list (Annex A list 9 or the SSD) against the care histories and the law")
            { annexA, ssd, cohort.Header, cohort.Episodes, cohort.Xml, cohort.Histories, asAt, la, output, force };
        cmd.SetAction(parse =>
        {
            var err = parse.InvocationConfiguration.Error;
            var (a, s) = (parse.GetValue(annexA), parse.GetValue(ssd));
            if (a is null == s is null)
                throw new CliUsageException("give one list: --annex-a (Annex A list 9) or --ssd (ssd_care_leavers)");
            var (h, eps, xs, dir) = cohort.Read(parse);
            var options = new AuditOptions(a is not null ? ListFormat.AnnexA : ListFormat.Ssd, (a ?? s)!.FullName,
                h?.FullName, eps.Select(f => f.FullName).ToList(), xs.Select(f => f.FullName).ToList(), dir?.FullName,
                parse.GetValue(asAt), parse.GetValue(la), parse.GetValue(output)!.FullName, parse.GetValue(force));
            AuditRun run;
            var clock = System.Diagnostics.Stopwatch.StartNew();
            try
            {
                AuditReportWriter.CheckTarget(options);
                run = AuditRunner.LoadDefault(CliHost.Core).Compute(options, new PhaseProgress(err, "audit"));
                AuditReportWriter.Write(run, options.Out, TemplateSet.LoadDefault());
            }
            catch (Exception e)
                when (e is UnreadableInputException or OutputPathException or DirectoryNotFoundException)
            {
                throw new CliUsageException(e.Message); // nothing was put in place
            }
            var sum = run.Summary;
            err.WriteLine($"list rows read {sum.ListRowsRead:N0} = audited {sum.ListRowsAudited:N0} "
                + $"+ rejected {sum.ListRowsRejected:N0}; care history rows rejected {sum.HistoryRowsRejected:N0}");
            err.WriteLine($"young people in the care histories {sum.Children:N0}; "
                + $"with a finding {sum.PeopleWithFindings:N0}");
            err.WriteLine("findings: " + string.Join(", ", sum.ByFinding.Select(kv => $"{kv.Key} {kv.Value:N0}")));
            err.WriteLine($"wrote {string.Join(", ", AuditReportWriter.OutputFiles)} in {options.Out}");
            err.WriteLine($"elapsed {clock.Elapsed.TotalSeconds:F2} s ("
                + string.Join(", ", sum.Phases.Select(kv => $"{kv.Key} {kv.Value.TotalSeconds:F2} s"))
                + "; csv, xlsx and html are written at once, within write)");
            return CliRunner.Ok;
        });
        return cmd;
    }
}
