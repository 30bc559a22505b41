using System.CommandLine;
using LocalOffer.Core.Safety;
using System.Diagnostics;
using LocalOffer.Offers.Lint;
using LocalOffer.Offers.Policy;
using LocalOffer.Offers.Render;

namespace LocalOffer.Cli.Commands;

/// <summary>
/// `localoffer publish --council ID [--as-at D] --out DIR [--officers DIR]`: a council's offer as a
/// static website. An offer with lint errors is refused (exit 1) and nothing is written; compliance
/// gaps are printed. The officers' page (sources.html: sources, notes, findings) goes to its own
/// folder, DIR-officers unless --officers names one, so it is never uploaded with the site.
/// </summary>
public static class PublishCommand
{
    public static Command Create()
    {
        var council = new Option<string>("--council") { Description = "Council id (a folder under rules/councils)", Required = true };
        var asAt = CliOptions.AsAt();
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder to write the site into", Required = true };
        var officers = new Option<DirectoryInfo?>("--officers") { Description = "Folder for the officers' sources.html (default: <out>-officers)" };
        var force = new Option<bool>("--force") { Description = "Write into folders that hold other files (never a council's policy folder or /)" };
        var languages = new Option<string?>("--languages")
        {
            Description = "Also publish the site in these languages, each in its own folder, e.g. ar,fa,ps,ti,sq,en-easy (translations/languages.yaml)",
        };
        var cmd = new Command("publish", "Publish a council's local offer as an accessible static website") { council, asAt, output, officers, force, languages };
        cmd.SetAction(parse =>
        {
            var clock = Stopwatch.StartNew();
            var core = CliHost.Core;
            var err = parse.InvocationConfiguration.Error;
            GovukFrontend.Directory(); // a missing asset is one line and exit 2, before anything is written
            var catalog = OfferCatalog.LoadDefault(core);
            var id = parse.GetValue(council)!;
            var c = catalog.Find(id) ?? throw new CliUsageException($"no council '{id}' (known: {string.Join(", ", catalog.Councils.Select(x => x.Id))})");
            var date = parse.GetValue(asAt);
            var dir = Path.TrimEndingDirectorySeparator(parse.GetValue(output)!.FullName);
            var officersDir = parse.GetValue(officers)?.FullName ?? dir + "-officers";
            // Both folders are checked before anything else (never /, a file, policy files, or others' files).
            SitePublisher.CheckTarget(c, dir, parse.GetValue(force));
            SitePublisher.CheckTarget(c, officersDir, parse.GetValue(force), SitePublisher.OfficersMarker);
            // An offer with lint errors (such as no way to reach the leaving care team) is never published.
            var bad = catalog.Findings.Where(f => f.File.StartsWith(c.Folder + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                && f.Severity != Severity.Compliance).ToList();
            if (bad.Count > 0)
            {
                err.WriteLine($"publish: {id} has lint errors; nothing published:");
                foreach (var f in bad) err.WriteLine($"  {f}");
                return CliRunner.Findings;
            }
            var compliance = ComplianceReport.For(c, date, core.Law);
            var templates = TemplateSet.LoadDefault(core.Law);
            var chosen = Languages(templates, parse.GetValue(languages));
            var publisher = new SitePublisher(core, templates, catalog.National);
            var files = publisher.Publish(c, date, dir, parse.GetValue(force), chosen);
            Directory.CreateDirectory(officersDir);
            SitePublisher.CopyAssets(Path.Combine(officersDir, "assets"));
            AtomicFile.WriteAllText(Path.Combine(officersDir, "sources.html"), publisher.OfficerPage(c, date, compliance));
            AtomicFile.WriteAllText(Path.Combine(officersDir, SitePublisher.OfficersMarker), c.Id + "\n");
            err.WriteLine($"publish: {c.Name}: {files.Count} pages and assets in {dir} ({clock.Elapsed.TotalMilliseconds:F0} ms)");
            foreach (var l in chosen.Where(l => !l.IsEnglish))
            {
                var (ok, draft, missing) = LocalOffer.Offers.Render.Languages.CatalogueChecks.Coverage(templates.Languages, l);
                err.WriteLine($"publish: {l.EnglishName} in {Path.Combine(dir, l.Code)}: {ok} string(s) checked by a translator, {draft} draft, {missing} missing"
                    + (ok < ok + draft + missing ? " (its pages say so at the top, with a link to the English page)" : ""));
            }
            err.WriteLine($"publish: sources and notes for officers in {Path.Combine(officersDir, "sources.html")} (do not upload)");
            err.WriteLine($"publish: {compliance.Count} compliance gap(s) on {date:yyyy-MM-dd}{(compliance.Count > 0 ? ":" : "")}");
            foreach (var f in compliance) err.WriteLine($"  {f.Message}");
            return CliRunner.Ok;
        });
        return cmd;
    }

    /// <summary>--languages ar,fa: each code a line of translations/languages.yaml, or a usage error naming them.</summary>
    public static IReadOnlyList<LocalOffer.Offers.Render.Languages.Language> Languages(TemplateSet templates, string? codes)
    {
        if (string.IsNullOrWhiteSpace(codes)) return [];
        var result = new List<LocalOffer.Offers.Render.Languages.Language>();
        foreach (var code in codes.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            result.Add(templates.Languages.Find(code)
                ?? throw new CliUsageException($"no language '{LocalOffer.Core.Safety.Printable.Clean(code, 20)}' (known: {templates.Languages.Codes})"));
        return result;
    }
}
