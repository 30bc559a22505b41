using System.CommandLine;
using LocalOffer.Batch;
using LocalOffer.Batch.Input;
using LocalOffer.Indicators;

namespace LocalOffer.Cli.Commands;

/// <summary>
/// `localoffer indicators --header H --episodes E... [--oc3 O] | --xml X... --year-end D [--la CODE] --out DIR`:
/// care leaver indicators from OC3, the cohort checked against the care histories, benchmarked
/// against the DfE's published figures. Writes indicators.csv, cohort-check.csv, index.html,
/// indicators.xlsx and rejects.csv into DIR.
/// </summary>
public static class IndicatorsCommand
{
    public static Command Create()
    {
        var header = new Option<FileInfo?>("--header") { Description = "SSDA903 header.csv (CHILD, DOB, ...)" };
        var episodes = new Option<FileInfo[]>("--episodes")
            { Description = "SSDA903 episodes.csv files, oldest return first", AllowMultipleArgumentsPerToken = true };
        var oc3 = new Option<FileInfo?>("--oc3") { Description = "SSDA903 oc3.csv (CHILD, DOB, IN_TOUCH, ACTIV, ACCOM)" };
        var xml = new Option<FileInfo[]>("--xml")
            { Description = "SSDA903 XML export files (episodes and OC3), oldest first", AllowMultipleArgumentsPerToken = true };
        var yearEnd = CliOptions.Date("--year-end", "Last day of the collection year (YYYY-MM-DD)", () => default,
            required: true);
        var la = new Option<string?>("--la")
            { Description = "The council's three-digit code (e.g. 384 Wakefield): region and statistical neighbour benchmarks" };
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder for the report files", Required = true };
        var force = new Option<bool>("--force")
            { Description = "Write into a folder that holds other files (never deletes any)" };
        var cmd = new Command("indicators", "Care leaver indicators from OC3, checked against the care histories and benchmarked")
            { header, episodes, oc3, xml, yearEnd, la, output, force };
        cmd.SetAction(parse =>
        {
            var err = parse.InvocationConfiguration.Error;
            var eps = parse.GetValue(episodes) ?? [];
            var xs = parse.GetValue(xml) ?? [];
            var h = parse.GetValue(header);
            if (xs.Length == 0 && (h is null || eps.Length == 0))
                throw new CliUsageException("give --header and --episodes (CSV, with --oc3), or --xml");
            var options = new IndicatorOptions(h?.FullName, eps.Select(f => f.FullName).ToList(),
                parse.GetValue(oc3)?.FullName, xs.Select(f => f.FullName).ToList(), parse.GetValue(yearEnd),
                parse.GetValue(la), parse.GetValue(output)!.FullName, parse.GetValue(force));
            IndicatorRun run;
            try
            {
                run = IndicatorsRunner.LoadDefault(CliHost.Core, options.La)
                    .Run(options, new PhaseProgress(err, "indicators"));
            }
            catch (UnreadableInputException e)
            {
                throw new CliUsageException(e.Message);
            }
            catch (LocalOffer.Core.Safety.OutputPathException e)
            {
                throw new CliUsageException(e.Message);
            }
            catch (DirectoryNotFoundException e)
            {
                throw new CliUsageException(e.Message); // GOV.UK Frontend not installed: nothing was written
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // --out is a file, or a folder that cannot be written: nothing was moved into place.
                throw new CliUsageException($"--out: {e.Message}");
            }
            var s = run.Summary;
            err.WriteLine($"rows read {s.RowsRead:N0} = used {s.RowsRead - s.RowsRejected:N0} + rejected {s.RowsRejected:N0}");
            err.WriteLine($"OC3 rows read {s.Oc3RowsRead:N0} = counted {s.Oc3RowsCounted:N0} "
                + $"+ in the cohort check {s.Oc3RowsInFindings:N0} + rejected {s.Oc3RowsRejected:N0}");
            err.WriteLine($"children {s.Children:N0}; care leavers aged 17-21 on a birthday in the year {s.CareLeavers:N0}");
            err.WriteLine("cohort check: " + string.Join(", ", s.ByFinding.Select(kv => $"{kv.Key} {kv.Value:N0}")));
            err.WriteLine($"wrote {string.Join(", ", IndicatorsRunner.OutputFiles)} in {options.Out}");
            err.WriteLine($"elapsed {s.Phases.Values.Aggregate(TimeSpan.Zero, (a, b) => a + b).TotalSeconds:F2} s (" +
                string.Join(", ", s.Phases.Select(kv => $"{kv.Key} {kv.Value.TotalSeconds:F2} s")) + ")");
            return CliRunner.Ok;
        });
        return cmd;
    }
}
