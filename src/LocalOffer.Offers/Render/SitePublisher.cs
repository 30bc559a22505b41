using LocalOffer.Core;
using LocalOffer.Core.Engine;
using LocalOffer.Offers.Lint;
using LocalOffer.Offers.Policy;
using NodaTime;

namespace LocalOffer.Offers.Render;

/// <summary>
/// Publishes a council's offer in force on a date as a static website a council can upload as it
/// is: a start page, a page per area, what the law says you get, a printable single page and a
/// Markdown copy, styled with GOV.UK Frontend (copied in, no JavaScript, no external requests).
/// </summary>
public sealed class SitePublisher(RulesCore core, TemplateSet templates)
{
    /// <summary>The file that marks a folder as a publish of a council (its id inside), so publishing again may replace it.</summary>
    public const string Marker = ".localoffer-publish";

    public IReadOnlyList<string> Publish(Council council, LocalDate asAt, string outDir, bool force = false)
    {
        CheckTarget(council, outDir, force);
        var pages = Pages(council, asAt); // rendered before anything is written
        Directory.CreateDirectory(outDir);
        CopyAssets(Path.Combine(outDir, "assets"));
        foreach (var (file, text) in pages) LocalOffer.Core.Safety.AtomicFile.WriteAllText(Path.Combine(outDir, file), text);
        LocalOffer.Core.Safety.AtomicFile.WriteAllText(Path.Combine(outDir, Marker), council.Id + "\n");
        return pages.Select(p => p.File).ToList();
    }

    /// <summary>
    /// Where a site may be written: never the file system's root, a file, the council's own folder
    /// or a folder holding it (the rules); a folder with other things in it only when it is an
    /// earlier publish of the same council, or with <paramref name="force"/>.
    /// </summary>
    public static void CheckTarget(Council council, string outDir, bool force)
    {
        var dir = Path.TrimEndingDirectorySeparator(LocalOffer.Core.Safety.OutputPaths.Real(outDir));
        if (dir.Length == 0 || Path.GetPathRoot(dir) == dir + Path.DirectorySeparatorChar || Path.GetPathRoot(dir) == dir)
            throw new LocalOffer.Core.Safety.OutputPathException($"--out {outDir}: refusing to publish into the root of the file system");
        if (File.Exists(dir)) throw new LocalOffer.Core.Safety.OutputPathException($"--out {outDir} is a file, not a folder");
        var source = Path.TrimEndingDirectorySeparator(Path.GetFullPath(council.Folder));
        if (source == dir || source.StartsWith(dir + Path.DirectorySeparatorChar, StringComparison.Ordinal) || HoldsPolicyFiles(dir))
            throw new LocalOffer.Core.Safety.OutputPathException($"--out {outDir} holds councils' policy files: choose another folder");
        var parent = Path.GetDirectoryName(dir);
        if (!Directory.Exists(dir))
        {
            if (parent is not null && File.Exists(parent)) throw new LocalOffer.Core.Safety.OutputPathException($"--out {outDir}: {parent} is a file");
            return;
        }
        if (!Directory.EnumerateFileSystemEntries(dir).Any() || force) return;
        var marker = Path.Combine(dir, Marker);
        var previous = File.Exists(marker) ? File.ReadAllText(marker).Trim() : null;
        if (previous == council.Id) return;
        throw new LocalOffer.Core.Safety.OutputPathException(previous is null
            ? $"--out {outDir} is not empty and is not an earlier publish: give an empty or new folder, or --force"
            : $"--out {outDir} holds the published offer of '{previous}', not '{council.Id}': give another folder, or --force");
    }

    /// <summary>Every page as (file name, content): what <see cref="Publish"/> writes, for tests and the web app.</summary>
    public List<(string File, string Text)> Pages(Council council, LocalDate asAt, string assets = "assets/", string home = "index.html")
    {
        var version = council.OfferOn(asAt);
        var items = version?.Items.Where(i => i.InForceOn(asAt)).ToList() ?? [];
        var areas = OfferVocabulary.Areas.Keys.Where(a => items.Any(i => i.Area == a)).Select(a => new
        {
            id = a,
            title = OfferVocabulary.Areas[a],
            file = OfferViews.AreaFile(a),
            count = items.Count(i => i.Area == a) == 1 ? "1 item" : $"{items.Count(i => i.Area == a)} items",
            items = items.Where(i => i.Area == a).OrderByDescending(i => i.Statutory).Select(i => OfferViews.Item(i, core.Law)).ToArray(),
            statutory = items.Where(i => i.Area == a && i.Statutory).Select(i => OfferViews.Item(i, core.Law)).ToArray(),
            discretionary = items.Where(i => i.Area == a && !i.Statutory).Select(i => OfferViews.Item(i, core.Law)).ToArray(),
        }).ToArray();
        var site = new
        {
            councilName = council.Name,
            assets,
            home,
            asAt,
            offerMissing = version is null,
            inForceFrom = version?.InForceFrom,
            published = version?.Published,
            nextReview = version?.NextReview,
            coProduction = version?.CoProduction,
            stayingPut = version?.StayingPutPolicy,
            contacts = OfferViews.Contacts(council),
            areas,
            nav = new object[] { new { href = "index.html", label = "Start" } }
                .Concat(areas.Select(a => (object)new { href = a.file, label = a.title }))
                .Append(new { href = "law.html", label = "What the law says you get" }).ToArray(),
            footer = $"{council.Name} local offer for care leavers, as in force on {asAt:d MMMM yyyy}. Source: {council.Source}. Published with LocalOffer.",
        };
        var law = ComplianceReport.RequiredEntitlements(core.Law).Select(id => new
        {
            title = core.Law.Entitlements[id].Title,
            who = core.Law.Entitlements[id].Who,
            law = OfferViews.LawFor(id, core.Law).Select(r => new { citation = r.Citation, url = r.Url }).ToArray(),
            explained = items.Where(i => i.Entitlement == id).Select(i => new { title = i.Title, file = OfferViews.AreaFile(i.Area) }).ToArray(),
        }).ToArray();
        var pages = new List<(string, string)>
        {
            ("index.html", templates.Render("site/index", new { site, pageTitle = "Local offer for care leavers" })),
            ("law.html", templates.Render("site/law", new { site, law, pageTitle = "What the law says you get" })),
            ("print.html", templates.Render("site/print", new { site, pageTitle = "The whole offer" })),
            ("offer.md", templates.Render("site/offer.md", new { site })),
        };
        foreach (var a in areas) pages.Add((a.file, templates.Render("site/area", new { site, area = a, pageTitle = a.title })));
        return pages;
    }

    /// <summary>A council folder (council.yaml) or a folder of them (rules/councils), wherever it is.</summary>
    private static bool HoldsPolicyFiles(string dir)
    {
        if (!Directory.Exists(dir)) return false;
        if (File.Exists(Path.Combine(dir, "council.yaml"))) return true;
        return Directory.EnumerateDirectories(dir).Take(1000).Any(d => File.Exists(Path.Combine(d, "council.yaml")));
    }

    /// <summary>
    /// GOV.UK Frontend's stylesheet, fonts and images, from web-assets (installed by scripts/setup.sh).
    /// The stylesheet points at /assets/...; it is rewritten to relative addresses so the site works
    /// from any folder of any web server, or straight from disk.
    /// </summary>
    public static void CopyAssets(string target)
    {
        var source = GovukFrontend.Directory();
        Directory.CreateDirectory(target);
        var css = File.ReadAllText(Path.Combine(source, "govuk-frontend.min.css")).Replace("url(/assets/", "url(", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(target, "govuk-frontend.min.css"), css);
        foreach (var sub in new[] { "fonts", "images" })
        {
            Directory.CreateDirectory(Path.Combine(target, sub));
            foreach (var f in Directory.GetFiles(Path.Combine(source, "assets", sub)))
                File.Copy(f, Path.Combine(target, sub, Path.GetFileName(f)), overwrite: true);
        }
    }
}

/// <summary>Where GOV.UK Frontend is: web-assets/node_modules/govuk-frontend/dist/govuk beside rules/.</summary>
public static class GovukFrontend
{
    public static string Directory()
    {
        // The copy the build puts beside the program (so an installed tool carries its assets).
        var carried = Path.Combine(AppContext.BaseDirectory, "govuk-frontend");
        if (File.Exists(Path.Combine(carried, "govuk-frontend.min.css"))) return carried;
        var starts = new[] { LocalOffer.Core.Rules.RulesLocator.RulesRoot(), System.IO.Directory.GetCurrentDirectory(), AppContext.BaseDirectory };
        foreach (var start in starts)
            for (var d = new DirectoryInfo(start); d is not null; d = d.Parent)
            {
                var dir = Path.Combine(d.FullName, "web-assets", "node_modules", "govuk-frontend", "dist", "govuk");
                if (System.IO.Directory.Exists(dir)) return dir;
            }
        throw new DirectoryNotFoundException("GOV.UK Frontend is missing from the program's folder (govuk-frontend/): build again, or run `bash scripts/setup.sh`");
    }
}
