using System.CommandLine;
using LocalOffer.Audit.Synth;
using LocalOffer.Batch.Synth;
using NodaTime;

namespace LocalOffer.Cli.Commands;

/// <summary>
/// `localoffer synth --children N --seed S --out DIR [--year-end D]`: synthetic SSDA903 files, and the care
/// leaver list the audit reads in both its forms (list9.csv, ssd_care_leavers.csv) as at the year end,
/// with deliberate recording errors (<see cref="SyntheticLists"/>).
/// </summary>
public static class SynthCommand
{
    public static Command Create()
    {
        var children = new Option<int>("--children") { Description = "How many children", Required = true };
        var seed = new Option<int>("--seed") { Description = "Random seed: the same seed writes the same files", DefaultValueFactory = _ => 1 };
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder for header.csv and episodes.csv", Required = true };
        var end = CliOptions.Date("--year-end", "Last day of the collection year (default 2026-03-31)", () => new LocalDate(2026, 3, 31));
        var cmd = new Command("synth", "Write realistic synthetic SSDA903 files (no real child)") { children, seed, output, end };
        cmd.SetAction(parse =>
        {
            var n = parse.GetValue(children);
            if (n < 1 || n > SyntheticReturn.MaxChildren) throw new CliUsageException($"--children must be 1 to {SyntheticReturn.MaxChildren:N0}");
            var dir = parse.GetValue(output)!.FullName;
            if (File.Exists(dir)) throw new CliUsageException($"--out {dir} is a file, not a folder");
            var existing = SyntheticReturn.Files.Concat(SyntheticLists.Files)
                .Where(f => File.Exists(Path.Combine(dir, f))).ToList();
            if (existing.Count > 0)
                throw new CliUsageException($"--out {dir} already holds {string.Join(" and ", existing)}: refusing to overwrite; give an empty or new folder");
            CliOptions.CheckInRange("--year-end", parse.GetValue(end));
            if (SyntheticReturn.YearEndProblem(parse.GetValue(end)) is { } problem)
                throw new CliUsageException("--year-end " + problem);
            var counts = SyntheticReturn.Write(dir, n, parse.GetValue(seed), parse.GetValue(end));
            var err = parse.InvocationConfiguration.Error;
            err.WriteLine($"synth: {counts.Children:N0} children, {counts.Episodes:N0} episodes in {dir}");
            var lists = SyntheticLists.Write(dir, CliHost.Core, parse.GetValue(end));
            err.WriteLine($"synth: {string.Join(" and ", SyntheticLists.Files)}: {lists.OnList:N0} young people as at "
                + $"{parse.GetValue(end):yyyy-MM-dd}, with recording errors made on purpose: "
                + string.Join(", ", lists.Findings.Where(kv => kv.Value > 0).Select(kv => $"{kv.Key} {kv.Value:N0}")));
            return CliRunner.Ok;
        });
        return cmd;
    }
}
