using System.CommandLine;
using System.Diagnostics;
using LocalOffer.Offers.Policy;
using LocalOffer.Offers.Render;

namespace LocalOffer.Cli.Commands;

/// <summary>`localoffer publish --council ID [--as-at D] --out DIR`: a council's offer as a static website.</summary>
public static class PublishCommand
{
    public static Command Create()
    {
        var council = new Option<string>("--council") { Description = "Council id (a folder under rules/councils)", Required = true };
        var asAt = CliOptions.AsAt();
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder to write the site into", Required = true };
        var force = new Option<bool>("--force") { Description = "Write into a folder that holds other files (never the council's own folder or /)" };
        var cmd = new Command("publish", "Publish a council's local offer as an accessible static website") { council, asAt, output, force };
        cmd.SetAction(parse =>
        {
            var clock = Stopwatch.StartNew();
            var core = CliHost.Core;
            GovukFrontend.Directory(); // a missing asset is one line and exit 2, before anything is written
            var catalog = OfferCatalog.LoadDefault(core);
            var id = parse.GetValue(council)!;
            var c = catalog.Find(id) ?? throw new CliUsageException($"no council '{id}' (known: {string.Join(", ", catalog.Councils.Select(x => x.Id))})");
            var bad = catalog.Findings.Where(f => f.File.StartsWith(c.Folder) && f.Severity != LocalOffer.Offers.Lint.Severity.Compliance).ToList();
            if (bad.Count > 0) throw new CliUsageException($"{id} does not pass lint:{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", bad));
            var dir = parse.GetValue(output)!.FullName;
            var files = new SitePublisher(core, TemplateSet.LoadDefault()).Publish(c, parse.GetValue(asAt), dir, parse.GetValue(force));
            parse.InvocationConfiguration.Error.WriteLine($"publish: {c.Name}: {files.Count} pages and assets in {dir} ({clock.Elapsed.TotalMilliseconds:F0} ms)");
            return CliRunner.Ok;
        });
        return cmd;
    }
}
