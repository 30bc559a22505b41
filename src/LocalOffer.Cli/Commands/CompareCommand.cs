using System.CommandLine;
using LocalOffer.Offers.Compare;
using LocalOffer.Offers.Policy;
using LocalOffer.Offers.Render;

namespace LocalOffer.Cli.Commands;

/// <summary>
/// `localoffer compare [--councils a,b,...] [--as-at D] --out DIR`: every council's offer in force
/// on the date side by side, as compare.html (with one pre-sorted page per column and direction,
/// so the table sorts by links without JavaScript) and compare.csv.
/// </summary>
public static class CompareCommand
{
    public static Command Create()
    {
        var councils = new Option<string?>("--councils") { Description = "Council ids, comma-separated (default: every council)" };
        var asAt = CliOptions.AsAt();
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder to write compare.html and compare.csv into", Required = true };
        var cmd = new Command("compare", "Compare councils' local offers side by side (HTML table and CSV)") { councils, asAt, output };
        cmd.SetAction(parse =>
        {
            var core = CliHost.Core;
            var catalog = OfferCatalog.LoadDefault(core);
            var chosen = Choose(catalog, parse.GetValue(councils));
            var comparison = OfferComparison.Build(chosen, parse.GetValue(asAt), core.Law);
            var dir = parse.GetValue(output)!.FullName;
            // Never into /, a file or a folder of policy files; each file written whole.
            SitePublisher.CheckTarget(chosen.First(), dir, force: true);
            var pages = new ComparisonRenderer(TemplateSet.LoadDefault()).StaticPages(comparison);
            Directory.CreateDirectory(dir);
            SitePublisher.CopyAssets(Path.Combine(dir, "assets"));
            foreach (var (file, text) in pages) LocalOffer.Core.Safety.AtomicFile.WriteAllText(Path.Combine(dir, file), text);
            parse.InvocationConfiguration.Error.WriteLine($"compare: {chosen.Count} councils, {pages.Count} files in {dir}");
            return CliRunner.Ok;
        });
        return cmd;
    }

    private static List<Council> Choose(OfferCatalog catalog, string? list)
    {
        if (string.IsNullOrWhiteSpace(list)) return catalog.Councils.ToList();
        var result = new List<Council>();
        var known = string.Join(", ", catalog.Councils.Select(x => x.Id));
        foreach (var id in list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct())
            result.Add(catalog.Find(id) ?? throw new CliUsageException(
                $"--councils: no council '{LocalOffer.Core.Safety.Printable.Clean(id, 60)}' (known: {known})"));
        // ',,,' names no council: a usage error, not "an unexpected problem" later (issue 24, low).
        if (result.Count == 0)
            throw new CliUsageException(
                $"--councils: no council named; give ids separated by commas (known: {known})");
        return result;
    }
}
