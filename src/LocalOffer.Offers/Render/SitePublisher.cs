using LocalOffer.Core;
using LocalOffer.Core.Engine;
using LocalOffer.Core.Rules;
using LocalOffer.Offers.Lint;
using LocalOffer.Offers.Policy;
using LocalOffer.Offers.Render.Languages;
using NodaTime;

namespace LocalOffer.Offers.Render;

/// <summary>
/// Publishes a council's offer in force on a date as a static website a council can upload as it
/// is: a start page, who to contact, a page per area and per age group, what the law says you get,
/// a printable single page and a Markdown copy, styled with GOV.UK Frontend in a system font (no
/// JavaScript, no external requests). Sources and notes are for officers: they go only to
/// <see cref="OfficerPage"/> (sources.html), written apart from the public site.
/// </summary>
public sealed class SitePublisher(RulesCore core, TemplateSet templates, IReadOnlyList<NationalContact>? national = null)
{
    private readonly IReadOnlyList<NationalContact> _national = national ?? NationalContacts.LoadDefault();

    /// <summary>
    /// The age groups a young person finds their support by (file, heading, statuses, ages inclusive),
    /// from the ages in rules/england/ages.yaml: 16 (eligible from), 18 (adult), 21 (core duties
    /// until), 25 (care leaver until).
    /// </summary>
    public static IReadOnlyList<(string File, string Title, Status[] Statuses, int From, int To)> AgeGroups(LocalOffer.Core.Rules.EnglandLaw law)
    {
        var (a16, a18, a21, a25) = (law.AgeEligibleFrom, law.AgeAdult, law.AgeCoreDutiesUntil, law.AgeCareLeaverUntil);
        return
        [
            ($"left-care-at-{a16}-or-{a18 - 1}.html", $"If you left care at {a16} or {a18 - 1}", [Status.Eligible, Status.Relevant], a16, a18 - 1),
            ($"aged-{a18}-to-{a21}.html", $"If you are {a18} to {a21}", [Status.FormerRelevant, Status.Qualifying], a18, a21 - 1),
            ($"aged-{a21}-to-{a25}.html", $"If you are {a21} to {a25}", [Status.FormerRelevant, Status.Qualifying], a21, a25 - 1),
        ];
    }

    /// <summary>An age group's heading in the page's language: "If you left care at 16 or 17", "If you are 18 to 21".</summary>
    private CatalogueText AgeTitle(int from, int to) =>
        new(from == core.Law.AgeEligibleFrom ? "age.group.left-care" : "age.group.aged",
            new Dictionary<string, object?> { ["from"] = from, ["to"] = from == core.Law.AgeEligibleFrom ? to : to + 1 });

    /// <summary>The file that marks a folder as a publish of a council (its id inside), so publishing again may replace it.</summary>
    public const string Marker = ".localoffer-publish";

    /// <summary>The marker of the officers' folder (sources.html).</summary>
    public const string OfficersMarker = ".localoffer-officers";

    /// <summary>
    /// Writes the site: English at the top of <paramref name="outDir"/>, and each of
    /// <paramref name="languages"/> under its own folder (ar/index.html), every page linking the same
    /// page in the other languages (plain links, no JavaScript) and sharing one assets folder.
    /// </summary>
    public IReadOnlyList<string> Publish(Council council, LocalDate asAt, string outDir, bool force = false,
        IReadOnlyList<Language>? languages = null)
    {
        CheckTarget(council, outDir, force);
        var chosen = (languages ?? []).Where(l => !l.IsEnglish).DistinctBy(l => l.Code).ToList();
        // Every page in every language is rendered before anything is written.
        var pages = Pages(council, asAt, language: chosen.Count == 0 ? null : f => Switcher(Language.English, f, chosen));
        foreach (var l in chosen)
            pages.AddRange(Pages(council, asAt, assets: "../assets/", language: f => Switcher(l, f, chosen))
                .Select(p => ($"{l.Code}/{p.File}", p.Text)));
        Directory.CreateDirectory(outDir);
        CopyAssets(Path.Combine(outDir, "assets"));
        foreach (var l in chosen) Directory.CreateDirectory(Path.Combine(outDir, l.Code));
        foreach (var (file, text) in pages) LocalOffer.Core.Safety.AtomicFile.WriteAllText(Path.Combine(outDir, file), text);
        LocalOffer.Core.Safety.AtomicFile.WriteAllText(Path.Combine(outDir, Marker), council.Id + "\n");
        return pages.Select(p => p.File).ToList();
    }

    /// <summary>A page of a site published in several languages: English at the top, each other language in its folder.</summary>
    private static PageLanguage Switcher(Language page, string file, IReadOnlyList<Language> others)
    {
        var up = page.IsEnglish ? "" : "../";
        return new PageLanguage(page, up + file,
            others.Prepend(Language.English).Select(l => (l, l.IsEnglish ? up + file : $"{up}{l.Code}/{file}")).ToList());
    }

    /// <summary>
    /// Where a site may be written: never the file system's root, a file, the council's own folder
    /// or a folder holding it (the rules); a folder with other things in it only when it is an
    /// earlier publish of the same council, or with <paramref name="force"/>.
    /// </summary>
    public static void CheckTarget(Council council, string outDir, bool force, string markerName = Marker)
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
        var marker = Path.Combine(dir, markerName);
        var previous = File.Exists(marker) ? File.ReadAllText(marker).Trim() : null;
        if (previous == council.Id) return;
        throw new LocalOffer.Core.Safety.OutputPathException(previous is null
            ? $"--out {outDir} is not empty and is not an earlier publish: give an empty or new folder, or --force"
            : $"--out {outDir} holds the published offer of '{previous}', not '{council.Id}': give another folder, or --force");
    }

    /// <summary>The area whose page is the money page: every council has one, with the law's payments on it.</summary>
    public const string MoneyArea = "finances";

    /// <summary>Every public page as (file name, content): what <see cref="Publish"/> writes, for tests and the web app.</summary>
    /// <param name="app">A link back to the service the pages are served in (the adviser app), first in the navigation.</param>
    /// <param name="language">The language of each page, by its file (English when not given).</param>
    public List<(string File, string Text)> Pages(Council council, LocalDate asAt, string assets = "assets/", string home = "index.html",
        (string Href, string Label)? app = null, Func<string, PageLanguage>? language = null)
    {
        var law = core.Law;
        var version = council.OfferOn(asAt);
        var items = version?.Items.Where(i => i.InForceOn(asAt)).ToList() ?? [];
        var payments = StatutoryMoney.On(law, asAt);
        // Money comes first (who to call and what money come first); every council has a money page.
        var areaIds = OfferVocabulary.Areas.Keys.Where(a => a == MoneyArea || items.Any(i => i.Area == a))
            .OrderBy(a => a == MoneyArea ? 0 : 1).ToList();
        var areas = areaIds.Select(a => new
        {
            id = a,
            title = new CatalogueText($"area.{a}"),
            file = OfferViews.AreaFile(a),
            count = items.Count(i => i.Area == a) + (a == MoneyArea ? payments.Length : 0),
            items = items.Where(i => i.Area == a && InForce(i, asAt)).OrderByDescending(i => i.Statutory).Select(i => OfferViews.Item(i, law)).ToArray(),
            statutory = items.Where(i => i.Area == a && i.Statutory && InForce(i, asAt)).Select(i => OfferViews.Item(i, law)).ToArray(),
            discretionary = items.Where(i => i.Area == a && !i.Statutory).Select(i => OfferViews.Item(i, law)).ToArray(),
            // Duties the council's offer explains that are not yet in force: only under "Coming soon".
            comingSoon = items.Where(i => i.Area == a && i.Statutory && !InForce(i, asAt)).Select(i => OfferViews.Item(i, law)).ToArray(),
            payments = a == MoneyArea ? payments : [],
        }).ToArray();
        var lastReviewed = version is null ? null : version.LastReviewed ?? version.Published;
        var nationalShown = council.NationalContactIds is { } ids ? _national.Where(n => ids.Contains(n.Id)).ToList() : _national;
        // The council's own branding, if it has a theme that passes lint (else the default look).
        var theme = Theme.CouncilTheme.Load(council.Folder).Theme;
        string Render(string file, string name, object model) => templates.Render(name, model, theme?.Folder, language?.Invoke(file));
        var site = new
        {
            councilName = council.Name,
            assets,
            home,
            asAt,
            extraCss = true,
            offerMissing = version is null,
            inForceFrom = version?.InForceFrom,
            published = version?.Published,
            lastReviewed,
            nextReview = version?.NextReview,
            // An offer older than its review date says so at the top of every page (issue 25).
            stale = version is not null && OfferRules.PastReview(law, version, asAt)
                ? new { year = (version.Published ?? version.InForceFrom).Year } : null,
            coProduction = version?.CoProduction,
            stayingPut = version?.StayingPutPolicy,
            firstContact = ContactViews.FirstContact(council, _national),
            contactsPage = "contacts.html",
            contacts = OfferViews.Contacts(council),
            national = OfferViews.National(nationalShown),
            areas,
            moneyPage = OfferViews.AreaFile(MoneyArea),
            ageGroups = AgeGroups(law).Select(g => new { file = g.File, title = AgeTitle(g.From, g.To) }).ToArray(),
            nav = new object?[]
            {
                app is { } back ? new { href = back.Href, label = back.Label } : null,
                new { href = "index.html", label = new CatalogueText("nav.start") },
                new { href = "contacts.html", label = new CatalogueText("nav.contacts") },
                new { href = OfferViews.AreaFile(MoneyArea), label = new CatalogueText("nav.money") },
                new { href = "by-age.html", label = new CatalogueText("nav.by-age") },
                new { href = "words.html", label = new CatalogueText("nav.words") },
                new { href = "law.html", label = new CatalogueText("nav.law") },
            }.Where(x => x is not null).ToArray(),
            footer = new CatalogueText("site.footer", new Dictionary<string, object?> { ["council"] = council.Name, ["date"] = asAt }),
            // A themed site links the council's own accessibility statement, outside the theme's templates.
            footerLinks = theme is null ? null : new object[] { new { href = theme.AccessibilityStatement, label = "Accessibility statement" } },
            theme = theme is null ? null : new
            {
                headerBackground = theme.HeaderBackground, headerText = theme.HeaderText,
                footerBackground = theme.FooterBackground, footerText = theme.FooterText,
                logo = theme.LogoDataUri, logoAlt = theme.LogoAlt, header = theme.HasHeader, footer = theme.HasFooter,
            },
        };
        var (current, comingSoon) = LawView(items, asAt);
        var pages = new List<(string, string)>
        {
            ("index.html", Render("index.html", "site/index", new { site, pageTitle = new CatalogueText("page.index") })),
            ("contacts.html", Render("contacts.html", "site/contacts", new { site, pageTitle = new CatalogueText("page.contacts") })),
            ("by-age.html", Render("by-age.html", "site/by-age", new { site, pageTitle = new CatalogueText("page.by-age") })),
            ("words.html", Render("words.html", "site/words", new { site, pageTitle = new CatalogueText("page.words") })),
            ("law.html", Render("law.html", "site/law", new { site, law = current, comingSoon, pageTitle = new CatalogueText("page.law") })),
            ("print.html", Render("print.html", "site/print", new { site, pageTitle = new CatalogueText("page.print") })),
            ("offer.md", Render("offer.md", "site/offer.md", new { site })),
        };
        foreach (var a in areas) pages.Add((a.file, Render(a.file, "site/area", new { site, area = a, pageTitle = a.title })));
        foreach (var g in AgeGroups(law))
        {
            // The age page opens with what changes at the birthday it starts at (18, 21), from the engine's runs.
            var changes = g.From > law.AgeEligibleFrom + 1 ? BirthdayChanges.At(g.From, asAt, core) : null;
            var forGroup = items.Where(i => ForAgeGroup(i, g.Statuses, g.From, g.To) && InForce(i, asAt)
                    && !(i.Statutory && i.Entitlement is { } e && changes?.Ends(e) == true))
                .OrderByDescending(i => i.Statutory).Select(i => OfferViews.Item(i, law)).ToArray();
            pages.Add((g.File, Render(g.File, "site/age-group", new
            {
                site, pageTitle = AgeTitle(g.From, g.To),
                group = new { title = AgeTitle(g.From, g.To), items = forGroup },
                changes = changes is null ? null : new
                {
                    age = changes.Age, continues = Texts(changes.Continues), starts = Texts(changes.Starts),
                    stops = Texts(changes.Stops), ask = Texts(changes.Ask), inEducation = Texts(changes.InEducation),
                },
            })));
        }
        return pages;
    }

    private static CatalogueText[] Texts(IEnumerable<BirthdayLine> lines) => lines.Select(l => l.Text).ToArray();

    /// <summary>Whether an item's duty is in force on the date (a prospective one is "Coming soon").</summary>
    private bool InForce(OfferItem i, LocalDate asAt) =>
        !i.Statutory || i.Entitlement is not { } e || !core.Law.Entitlements.Contains(e) || core.Law.Entitlements[e].InForceOn(asAt);

    /// <summary>A council folder (council.yaml) or a folder of them (rules/councils), wherever it is.</summary>
    private static bool HoldsPolicyFiles(string dir)
    {
        if (!Directory.Exists(dir)) return false;
        if (File.Exists(Path.Combine(dir, "council.yaml"))) return true;
        return Directory.EnumerateDirectories(dir).Take(1000).Any(d => File.Exists(Path.Combine(d, "council.yaml")));
    }

    /// <summary>Whether an item can apply to someone of these statuses and ages (an item with no "for" is for every care leaver).</summary>
    public static bool ForAgeGroup(OfferItem i, Status[] statuses, int from, int to) =>
        (i.For.Categories.Count == 0 || i.For.Categories.Any(statuses.Contains))
        && (i.For.MinAge ?? 0) <= to && (i.For.MaxAge ?? int.MaxValue) >= from;

    /// <summary>
    /// Every statutory entitlement with the law's own summary (once each), who it is for and its
    /// citations, the amount the law sets on the date and the offer's items that explain it; those
    /// not yet in force on the date apart, for "Coming soon".
    /// </summary>
    private (object[] Current, object[] ComingSoon) LawView(List<OfferItem> items, LocalDate asAt)
    {
        object View(EntitlementDefinition d) => new
        {
            // The law's plain words, in the page's language (translations/).
            title = new CatalogueText($"entitlement.{d.Id}.title"),
            who = d.Who,
            summary = new CatalogueText($"entitlement.{d.Id}.summary"),
            amount = StatutoryMoney.Words(d, asAt),
            howToApply = d.Money?.HowToApply is null ? null : new CatalogueText($"entitlement.{d.Id}.how_to_apply"),
            law = OfferViews.LawFor(d.Id, core.Law).Select(r => new { citation = r.Citation, url = r.Url }).ToArray(),
            explained = items.Where(i => i.Entitlement == d.Id).Select(i => new { title = i.Title, file = OfferViews.AreaFile(i.Area) }).ToArray(),
        };
        var all = core.Law.Entitlements.All;
        return (all.Where(d => d.InForceOn(asAt)).Select(View).ToArray(), all.Where(d => !d.InForceOn(asAt)).Select(View).ToArray());
    }

    /// <summary>
    /// The officers' page: where every item comes from, the notes, and the compliance findings.
    /// Never part of the public site (publish writes it to its own folder).
    /// </summary>
    public string OfficerPage(Council council, LocalDate asAt, IReadOnlyList<Finding> findings, string assets = "assets/")
    {
        var version = council.OfferOn(asAt);
        var model = new
        {
            site = new { councilName = council.Name, assets, home = "sources.html", footer = "For council officers: not for publication to young people." },
            pageTitle = "Sources and notes",
            councilSource = council.Source,
            councilNotes = council.Notes,
            file = version is null ? null : Path.GetFileName(version.File),
            versionSource = version?.Source,
            versionNotes = version?.Notes,
            contacts = council.Contacts.Select(kv => new { label = OfferVocabulary.ContactKindLabels[kv.Key], source = kv.Value.Source }).ToArray(),
            items = version?.Items.Select(i => new { id = i.Id, title = i.Title, source = i.Source, notes = i.Notes }).ToArray() ?? [],
            national = _national.Select(n => new { label = n.Name, url = n.SourceUrl, section = n.SourceSection }).ToArray(),
            findings = findings.Select(f => f.Message).ToArray(),
        };
        return templates.Render("site/sources", model);
    }

    /// <summary>
    /// GOV.UK Frontend's stylesheet and images, from web-assets (installed by scripts/setup.sh),
    /// with the system font stack (see <see cref="SystemFont"/>) and the site's few extra rules.
    /// The stylesheet points at /assets/...; it is rewritten to relative addresses so the site works
    /// from any folder of any web server, or straight from disk.
    /// </summary>
    public static void CopyAssets(string target)
    {
        var source = GovukFrontend.Directory();
        Directory.CreateDirectory(target);
        var css = SystemFont.Apply(File.ReadAllText(Path.Combine(source, "govuk-frontend.min.css"))).Replace("url(/assets/", "url(", StringComparison.Ordinal);
        LocalOffer.Core.Safety.AtomicFile.WriteAllText(Path.Combine(target, "govuk-frontend.min.css"), css);
        LocalOffer.Core.Safety.AtomicFile.WriteAllText(Path.Combine(target, "localoffer.css"), SiteCss);
        Directory.CreateDirectory(Path.Combine(target, "images"));
        foreach (var f in Directory.GetFiles(Path.Combine(source, "assets", "images")))
            LocalOffer.Core.Safety.AtomicFile.WriteAllBytes(Path.Combine(target, "images", Path.GetFileName(f)),
                File.ReadAllBytes(f));
    }

    /// <summary>
    /// Short navigation: the links sit side by side and wrap, so a phone shows two lines, not a long
    /// list. Logical properties (inline-start, not left), so a right-to-left page (Arabic, Persian,
    /// Pashto) mirrors them; the GOV.UK components the young person's pages use that GOV.UK Frontend
    /// lays out with left and right (lists, the warning text) are mirrored under dir="rtl". A
    /// translated page names the Noto font of its script (Debian's fonts-noto-core, SIL Open Font
    /// License) before the system stack, so the PDF printed from it embeds one font per script.
    /// </summary>
    public const string SiteCss = """
        .lo-nav { margin: 0; padding: 0; list-style: none; }
        .lo-nav li { display: inline-block; margin-block: 0 10px; margin-inline: 0 20px; }
        .lo-first-contact { border-inline-start: 5px solid #1d70b8; padding-inline-start: 15px; }
        .lo-scroll { overflow-x: auto; position: relative; }
        .lo-line { display: block; }
        .lo-chart { max-width: 100%; height: auto; }
        [dir=rtl] .govuk-list--bullet, [dir=rtl] .govuk-list--number { padding-left: 0; padding-right: 20px; }
        [dir=rtl] .govuk-warning-text__icon { left: auto; right: 0; }
        [dir=rtl] .govuk-warning-text__text { padding-left: 0; padding-right: 45px; }
        [dir=rtl] .govuk-summary-list__key, [dir=rtl] .govuk-summary-list__value, [dir=rtl] .govuk-table__header,
        [dir=rtl] .govuk-table__cell { text-align: right; }
        [dir=rtl] .govuk-summary-card__title-wrapper, [dir=rtl] .govuk-notification-banner__header { text-align: right; }
        html:is(:lang(ar), :lang(fa), :lang(ps)) body * { font-family: "Noto Naskh Arabic", "Noto Sans Arabic", system-ui, sans-serif; }
        html:lang(ti) body * { font-family: "Noto Sans Ethiopic", system-ui, sans-serif; }
        html:is(:lang(ar), :lang(fa), :lang(ps), :lang(ti)) body [lang|=en] { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; }
        """;
}

/// <summary>
/// GDS Transport is licensed for GOV.UK only. GOV.UK Frontend's documented setting for other
/// services is <c>$govuk-font-family</c> (settings/_typography-font.scss), which also turns off
/// <c>$govuk-include-default-font-face</c> when GDS Transport is not in the list. The package ships
/// compiled CSS, so the same result is applied to it: every "GDS Transport,arial,sans-serif" becomes
/// the system stack and the GDS Transport @font-face rules are dropped (no font files are copied).
/// </summary>
public static class SystemFont
{
    public const string Stack = "system-ui,-apple-system,\"Segoe UI\",Roboto,Helvetica,Arial,sans-serif";
    private const string Gds = "font-family:GDS Transport,arial,sans-serif";

    public static string Apply(string css)
    {
        // A new GOV.UK Frontend that writes the family differently must fail loudly, not ship GDS Transport.
        if (!css.Contains(Gds, StringComparison.Ordinal))
            throw new InvalidOperationException("GOV.UK Frontend's stylesheet no longer names 'GDS Transport,arial,sans-serif': update SystemFont");
        css = System.Text.RegularExpressions.Regex.Replace(css, "@font-face\\{font-family:GDS Transport;[^}]*\\}", "");
        return css.Replace(Gds, "font-family:" + Stack, StringComparison.Ordinal);
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
