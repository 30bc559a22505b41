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
    public IReadOnlyList<string> Publish(Council council, LocalDate asAt, string outDir)
    {
        Directory.CreateDirectory(outDir);
        CopyAssets(Path.Combine(outDir, "assets"));
        var pages = Pages(council, asAt);
        foreach (var (file, text) in pages) File.WriteAllText(Path.Combine(outDir, file), text);
        return pages.Select(p => p.File).ToList();
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
        var starts = new[] { LocalOffer.Core.Rules.RulesLocator.RulesRoot(), System.IO.Directory.GetCurrentDirectory(), AppContext.BaseDirectory };
        foreach (var start in starts)
            for (var d = new DirectoryInfo(start); d is not null; d = d.Parent)
            {
                var dir = Path.Combine(d.FullName, "web-assets", "node_modules", "govuk-frontend", "dist", "govuk");
                if (System.IO.Directory.Exists(dir)) return dir;
            }
        throw new DirectoryNotFoundException("GOV.UK Frontend is not installed: run `bash scripts/setup.sh` (it runs npm ci in web-assets/)");
    }
}
