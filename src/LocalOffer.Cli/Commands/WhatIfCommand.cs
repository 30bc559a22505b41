using System.CommandLine;
using LocalOffer.Batch;
using LocalOffer.Batch.Input;
using LocalOffer.Core.Rules;
using LocalOffer.Offers.Render;
using LocalOffer.WhatIf;

namespace LocalOffer.Cli.Commands;

/// <summary>
/// `localoffer whatif --set PARAM=VALUE[@DATE]... --header H --episodes E... | --xml X... | --histories DIR
/// --as-at D [--horizon 24m] [--cost ID=AMOUNT/yr...] [--caseload FILE] --out DIR [--force]`: the cohort under
/// the law as it stands and with the changes, on every month-end of the horizon (README "whatif"). Writes
/// whatif.csv, gainers.csv, local-offers.csv, index.html and rejects.csv into DIR.
/// </summary>
public static class WhatIfCommand
{
    public static Command Create()
    {
        var set = new Option<string[]>("--set")
        {
            Description = "A change to the law: PARAMETER=VALUE@YYYY-MM-DD, or PARAMETER=YYYY-MM-DD for a commencement " +
                "(e.g. commencement.staying_close=2027-04-01); repeat for more",
        };
        var cohort = new CohortInputOptions("Caseload CSV (CHILD, adviser, team): advisers in the list of those who gain");
        var asAt = CliOptions.AsAt(required: true);
        var horizon = new Option<int>("--horizon")
        {
            Description = $"Month-ends to count, from the as-at date's month (e.g. 24m or 2y; at most {Horizon.MaxMonths}m)",
            DefaultValueFactory = _ => 24,
            CustomParser = r =>
            {
                var text = r.Tokens.Count > 0 ? r.Tokens[0].Value : "";
                if (Horizon.ParseMonths(text) is { } n) return n;
                r.AddError($"--horizon: '{Core.Safety.Printable.Clean(text, 40)}' must be 1 to {Horizon.MaxMonths} months " +
                    "(e.g. 24m or 2y)");
                return 0;
            },
        };
        var cost = new Option<string[]>("--cost")
        {
            Description = "The council's own cost of an entitlement: ID=AMOUNT/yr (or /month, /week), e.g. staying-close=2500/yr",
        };
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder for the report files", Required = true };
        var force = new Option<bool>("--force")
            { Description = "Write into a folder that holds other files (never deletes any)" };
        var cmd = new Command("whatif", "A cohort under the law as it stands and with dated changes, month by month") { set };
        foreach (var o in cohort.All.Concat<Option>([asAt, horizon, cost, output, force])) cmd.Options.Add(o);
        cmd.SetAction(parse =>
        {
            var err = parse.InvocationConfiguration.Error;
            var (h, eps, xs, dir) = cohort.Read(parse);
            var options = new WhatIfOptions(h?.FullName, eps.Select(f => f.FullName).ToList(),
                xs.Select(f => f.FullName).ToList(), dir?.FullName, parse.GetValue(cohort.Caseload)?.FullName,
                parse.GetValue(set) ?? [], parse.GetValue(asAt), parse.GetValue(horizon), parse.GetValue(cost) ?? [],
                parse.GetValue(output)!.FullName, parse.GetValue(force));
            var core = CliHost.Core;
            WhatIfResult result;
            var clock = System.Diagnostics.Stopwatch.StartNew();
            TimeSpan written;
            try
            {
                var runner = new WhatIfRunner(core, LocalOffer.Offers.Policy.OfferCatalog.LoadDefault(core));
                runner.Prepare(options); // a change the rule files would refuse stops the run before anything is read
                WhatIfFolder.Check(options);
                result = runner.Compute(options, new PhaseProgress(err, "whatif"));
                var computed = clock.Elapsed;
                WhatIfFolder.Write(result, options, TemplateSet.LoadDefault(), core.Law.Entitlements);
                written = clock.Elapsed - computed;
            }
            catch (ParameterOverrideException e)
            {
                throw new CliUsageException(e.Message);
            }
            catch (Exception e) when (e is UnreadableInputException or Core.Safety.OutputPathException
                or DirectoryNotFoundException)
            {
                throw new CliUsageException(e.Message);
            }
            Summary(err, result, options, clock.Elapsed, written);
            return CliRunner.Ok;
        });
        return cmd;
    }

    private static void Summary(TextWriter err, WhatIfResult r, WhatIfOptions o, TimeSpan elapsed, TimeSpan written)
    {
        err.WriteLine($"young people {r.YoungPeople:N0}; month-ends {r.Horizon.MonthEnds.Count} " +
            $"({r.Horizon.MonthEnds[0]:yyyy-MM-dd} to {r.Horizon.MonthEnds[^1]:yyyy-MM-dd})");
        if (r.NotYetBorn > 0) err.WriteLine($"  {r.NotYetBorn:N0} born after the last month-end: counted nowhere");
        foreach (var c in r.Changes) err.WriteLine($"changed {c.Parameter}: {c.Before} -> {c.After}");
        var last = r.Rows.Where(x => x.MonthEnd == r.Horizon.MonthEnds[^1] && (x.Gained + x.Lost) > 0);
        foreach (var x in last)
            err.WriteLine($"  {x.Entitlement} on {x.MonthEnd:yyyy-MM-dd}: {x.Baseline:N0} -> {x.Changed:N0} " +
                $"(gain {x.Gained:N0}, lose {x.Lost:N0})");
        foreach (var c in r.LocalOffers.GroupBy(g => g.Council))
            err.WriteLine($"  local offer of {c.Key} lacks, required from {c.First().RequiredFrom:yyyy-MM-dd}: " +
                string.Join(", ", c.Select(g => g.Topic)));
        err.WriteLine($"young people who gain {r.Gainers.Select(g => g.Child).Distinct().Count():N0}; " +
            $"rows rejected {r.Rejects.Count:N0}");
        err.WriteLine($"wrote {string.Join(", ", WhatIfFolder.OutputFiles)} in {o.Out}");
        err.WriteLine($"elapsed {elapsed.TotalSeconds:F2} s (read {r.Phases["read"].TotalSeconds:F2} s, " +
            $"count under both laws {r.Phases["count"].TotalSeconds:F2} s, write {written.TotalSeconds:F2} s)");
    }
}
