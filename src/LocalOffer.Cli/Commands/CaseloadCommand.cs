using System.CommandLine;
using LocalOffer.Batch.Caseload;
using LocalOffer.Batch.Input;
using LocalOffer.Batch.Output;
using NodaTime;

namespace LocalOffer.Cli.Commands;

/// <summary>
/// `localoffer caseload --header H --episodes E... | --xml X... | --histories DIR [--caseload FILE.csv]
/// --as-at D [--within 60d] [--adviser NAME] [--team NAME] --out FILE.csv|.xlsx|.ics|.html`: what falls due
/// for each young person (README "caseload"). The format is the --out extension. Rejects go to
/// &lt;out&gt;.rejects.csv. Every file is written to a temporary name and renamed, and never over an input.
/// </summary>
public static class CaseloadCommand
{
    public static Command Create()
    {
        var cohort = new CohortInputOptions("Caseload CSV: CHILD, adviser, team, last_review, last_contact");
        var caseload = cohort.Caseload;
        var asAt = CliOptions.AsAt(required: true);
        var within = new Option<int>("--within")
        {
            Description = $"Days ahead to list (e.g. 60d; at most {CaseloadRunner.MaxWithinDays})",
            DefaultValueFactory = _ => 60,
            CustomParser = r =>
            {
                var text = r.Tokens.Count > 0 ? r.Tokens[0].Value : "";
                var digits = text.EndsWith('d') ? text[..^1] : text;
                if (int.TryParse(digits, System.Globalization.NumberStyles.None, null, out var n) && n is >= 1 and <= CaseloadRunner.MaxWithinDays)
                    return n;
                r.AddError($"--within: '{text}' must be a number of days from 1 to {CaseloadRunner.MaxWithinDays} (e.g. 60d)");
                return 0;
            },
        };
        var adviser = new Option<string?>("--adviser") { Description = "Only this adviser's young people (as in the caseload CSV)" };
        var team = new Option<string?>("--team") { Description = "Only this team's young people (as in the caseload CSV)" };
        var output = new Option<FileInfo>("--out") { Description = "Output: .csv, .xlsx, .ics or .html", Required = true };
        var cmd = new Command("caseload",
            "What falls due for each young person: birthdays, reviews, status and entitlement changes");
        foreach (var o in cohort.All.Concat<Option>([asAt, within, adviser, team, output])) cmd.Options.Add(o);
        cmd.SetAction(parse =>
        {
            var err = parse.InvocationConfiguration.Error;
            var (h, eps, xs, dir) = cohort.Read(parse);
            if ((parse.GetValue(adviser) ?? parse.GetValue(team)) is not null && parse.GetValue(caseload) is null)
                throw new CliUsageException("--adviser and --team need --caseload (the CSV that says who holds whom)");
            var outPath = parse.GetValue(output)!.FullName;
            var ext = Path.GetExtension(outPath).ToLowerInvariant();
            if (ext is not (".csv" or ".xlsx" or ".ics" or ".html"))
                throw new CliUsageException($"--out {outPath}: the name must end .csv, .xlsx, .ics or .html (the format)");
            var rejectsPath = outPath + ".rejects.csv";
            var inputs = new[] { h?.FullName, parse.GetValue(caseload)?.FullName }.Concat(eps.Select(e => e.FullName))
                .Concat(xs.Select(x => x.FullName)).OfType<string>().ToHashSet();
            if (inputs.Contains(outPath) || inputs.Contains(rejectsPath)
                || (dir is not null && Path.GetDirectoryName(outPath) == dir.FullName.TrimEnd(Path.DirectorySeparatorChar) && ext == ".json"))
                throw new CliUsageException($"--out {outPath} is one of the input files: refusing to overwrite it");
            try
            {
                LocalOffer.Core.Safety.OutputPaths.Check([("--out", outPath), ("rejects", rejectsPath)], inputs);
            }
            catch (LocalOffer.Core.Safety.OutputPathException e)
            {
                throw new CliUsageException(e.Message);
            }
            var options = new CaseloadOptions(h?.FullName, eps.Select(f => f.FullName).ToList(), xs.Select(f => f.FullName).ToList(),
                dir?.FullName, parse.GetValue(caseload)?.FullName, parse.GetValue(asAt), parse.GetValue(within),
                parse.GetValue(adviser), parse.GetValue(team));
            CaseloadResult result;
            try
            {
                result = new CaseloadRunner(CliHost.Core).Run(options);
            }
            catch (UnreadableInputException e)
            {
                throw new CliUsageException(e.Message);
            }
            // Both written whole through the one atomic writer (unique temporary names: a fixed <out>.tmp
            // could be a planted link, and made two runs on one output fail), then put in place together.
            var writing = System.Diagnostics.Stopwatch.StartNew();
            using (var results = LocalOffer.Core.Safety.AtomicFile.Create(outPath))
            using (var rejects = LocalOffer.Core.Safety.AtomicFile.Create(rejectsPath))
            {
                Write(results.Stream, ext, result, options);
                RejectCsvWriter.Write(rejects.Stream, result.Rejects);
                results.Commit();
                rejects.Commit();
            }
            if (ext == ".html")
                LocalOffer.Offers.Render.SitePublisher.CopyAssets(Path.Combine(Path.GetDirectoryName(outPath)!, "assets"));
            result.Phases["write"] = writing.Elapsed;
            err.WriteLine($"young people {result.YoungPeople:N0}; items {result.Events.Count:N0} " +
                $"({result.Events.Count(e => e.Overdue):N0} overdue) from {options.AsAt:yyyy-MM-dd} to {options.AsAt.PlusDays(options.WithinDays):yyyy-MM-dd}");
            if (result.NotAssessed > 0) err.WriteLine($"  {result.NotAssessed:N0} born after the as-at date: not assessed");
            err.WriteLine($"rows rejected {result.Rejects.Count:N0}; results {outPath}; rejects {rejectsPath}");
            err.WriteLine($"elapsed {result.Elapsed.TotalSeconds:F2} s (" +
                string.Join(", ", result.Phases.Select(kv => $"{kv.Key} {kv.Value.TotalSeconds:F2} s")) + ")");
            return CliRunner.Ok;
        });
        return cmd;
    }

    /// <summary>Rows not used listed in the HTML page; all are in &lt;out&gt;.rejects.csv.</summary>
    private const int HtmlRejectsShown = 1_000;

    private static void Write(Stream s, string ext, CaseloadResult r, CaseloadOptions o)
    {
        switch (ext)
        {
            case ".csv": CaseloadCsvWriter.Write(s, r.Events); break;
            case ".xlsx": CaseloadXlsxWriter.Write(s, r.Events); break;
            case ".ics":
                CaseloadIcsWriter.Write(s, r.Events, SystemClock.Instance.GetCurrentInstant(), o.AsAt,
                    CaseloadCalendar.Name(o.Adviser, o.Team));
                break;
            default:
                // The same page as the web app's (templates/caseload/_body), every item: the command has no
                // page limit. Its stylesheet goes in assets/ beside it (below).
                var model = new
                {
                    caseload = CaseloadPageModel.Build(r, o, int.MaxValue, HtmlRejectsShown,
                        SystemClock.Instance.GetCurrentInstant()),
                };
                s.Write(System.Text.Encoding.UTF8.GetBytes(
                    LocalOffer.Offers.Render.TemplateSet.LoadDefault().Render("caseload/index", model)));
                break;
        }
    }
}
