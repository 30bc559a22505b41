using System.CommandLine;
using LocalOffer.Core.Engine;
using LocalOffer.Offers.Lint;
using LocalOffer.Offers.Policy;
using Languages = LocalOffer.Offers.Render.Languages.LanguageSet;

namespace LocalOffer.Cli.Commands;

/// <summary>
/// `localoffer lint [paths] [--as-at D] [--strict]`: checks council policy files, then reports
/// compliance with the DfE guidance for the offer in force on the date. Exit 0 clean, 1 errors
/// (or, with --strict, compliance findings), 2 a file that cannot be read at all.
/// </summary>
public static class LintCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "Council folders or their files (default: every council under rules/councils)", Arity = ArgumentArity.ZeroOrMore };
        var asAt = CliOptions.AsAt();
        var strict = new Option<bool>("--strict") { Description = "Compliance findings fail lint too (exit 1)" };
        var notes = new Option<bool>("--notes") { Description = "Also print the editorial notes (never published) of each file" };
        var cmd = new Command("lint", "Check council policy files and report compliance with the DfE guidance") { paths, asAt, strict, notes };
        cmd.SetAction(parse =>
        {
            var core = CliHost.Core;
            var output = parse.InvocationConfiguration.Output;
            var folders = Folders(parse.GetValue(paths) ?? []);
            var loader = new PolicyLoader(core.Law.Entitlements.Ids.ToHashSet());
            var worst = CliRunner.Ok;
            foreach (var folder in folders)
            {
                var (council, findings) = loader.LoadFolder(folder);
                if (council is not null) findings.AddRange(Linter.Check(council, core.Law));
                var compliance = council is not null && findings.All(f => f.Severity != Severity.Unreadable)
                    ? ComplianceReport.For(council, parse.GetValue(asAt), core.Law) : [];
                // Findings of a provision whose date is still ahead are told and counted apart: they never fail lint.
                var upcoming = compliance.Count(f => f.Severity == Severity.Upcoming);
                var errors = findings.Count(f => f.Severity == Severity.Error);
                output.WriteLine($"{Path.GetFileName(folder)}: {errors} error(s), " +
                    $"{compliance.Count - upcoming} compliance finding(s)" + (upcoming > 0 ? $", {upcoming} required from a later date" : ""));
                var all = findings.Concat(compliance).ToList();
                foreach (var f in all.Take(MaxFindings)) output.WriteLine($"  {LocalOffer.Core.Safety.Printable.Clean(Relative(f), 400)}");
                if (all.Count > MaxFindings) output.WriteLine($"  ... and {all.Count - MaxFindings:N0} more findings");
                // How much of its offer the council gives in each language of the pages (the rest shows in English).
                if ((council?.OfferOn(parse.GetValue(asAt)) ?? council?.Versions.LastOrDefault()) is { } version)
                    foreach (var line in TextCoverage.For(version, Languages.Configured()))
                        output.WriteLine($"  {line}");
                if (parse.GetValue(notes) && council is not null)
                    foreach (var n in Notes(council).Take(MaxFindings)) output.WriteLine($"  note: {LocalOffer.Core.Safety.Printable.Clean(n, 400)}");
                if (findings.Any(f => f.Severity == Severity.Unreadable)) worst = CliRunner.BadInput;
                else if (worst == CliRunner.Ok && (errors > 0 || parse.GetValue(strict) && compliance.Count > upcoming))
                    worst = CliRunner.Findings;
            }
            // The catalogues of the pages' own words (translations/): how much of each language a person has checked.
            var set = Languages.LoadDefault(core.Law);
            output.WriteLine("translations:");
            foreach (var l in set.Languages.Where(l => !l.IsEnglish))
                output.WriteLine($"  {LocalOffer.Offers.Render.Languages.CatalogueChecks.CoverageLine(set, l)}");
            return worst;
        });
        return cmd;
    }

    /// <summary>At most this many findings are printed per council; the rest are counted.</summary>
    public const int MaxFindings = 100;

    /// <summary>The editorial notes of a council and its versions and items, for officers.</summary>
    private static IEnumerable<string> Notes(Council c)
    {
        if (c.Notes is { } cn) yield return $"council.yaml: {cn}";
        foreach (var v in c.Versions)
        {
            if (v.Notes is { } vn) yield return $"{Path.GetFileName(v.File)}: {vn}";
            foreach (var i in v.Items.Where(i => i.Notes is not null)) yield return $"{Path.GetFileName(v.File)}:{i.Line} ({i.Id}): {i.Notes}";
        }
    }

    private static string Relative(Finding f) => (f with { File = Path.GetRelativePath(Directory.GetCurrentDirectory(), f.File) }).ToString();

    /// <summary>The council folders named (a file stands for its folder); none named = every council.</summary>
    private static List<string> Folders(string[] paths)
    {
        if (paths.Length == 0)
        {
            var root = LocalOffer.Core.Rules.RulesLocator.CouncilsDirectory();
            return Directory.Exists(root) ? Directory.GetDirectories(root).Order(StringComparer.Ordinal).ToList() : [];
        }
        var result = new List<string>();
        foreach (var p in paths)
        {
            var full = Path.GetFullPath(p);
            if (File.Exists(full)) full = Path.GetDirectoryName(full)!;
            else if (!Directory.Exists(full)) throw new CliUsageException($"{p}: no such file or folder");
            if (!result.Contains(full)) result.Add(full);
        }
        return result;
    }
}
