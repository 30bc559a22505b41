using LocalOffer.Offers.Lint;
using LocalOffer.Offers.Policy;
using YamlDotNet.RepresentationModel;

namespace LocalOffer.Offers.Theme;

/// <summary>
/// A council's own branding, from rules/councils/&lt;id&gt;/theme/: theme.yaml (where the colours come
/// from, the colours, the logo and the council's accessibility statement), a logo (SVG or PNG), and
/// optional header.sbn-html and footer.sbn-html rendered in the same sandbox as every template. The
/// page's own parts (the skip link, who to contact first, the accessibility statement) are outside
/// the theme's templates, which can only add to the header and the footer.
/// </summary>
public sealed record CouncilTheme(
    string Folder, string Source, string HeaderBackground, string HeaderText,
    string FooterBackground, string FooterText, string? LogoFile, string? LogoAlt, string AccessibilityStatement,
    bool HasHeader, bool HasFooter)
{
    public const string FolderName = "theme";

    /// <summary>The biggest logo accepted, in bytes (it travels inside every page).</summary>
    public const int MaxLogoBytes = 32 * 1024;

    /// <summary>The largest PNG logo, in pixels.</summary>
    public const int MaxLogoWidth = 800, MaxLogoHeight = 300;

    /// <summary>The logo as a data: address: the published site and the web app show it with no file to copy.</summary>
    public string? LogoDataUri => LogoFile is null ? null
        : $"data:{(LogoFile.EndsWith(".svg", StringComparison.Ordinal) ? "image/svg+xml" : "image/png")};base64,"
          + Convert.ToBase64String(File.ReadAllBytes(Path.Combine(Folder, LogoFile)));

    /// <summary>
    /// The council's theme and what is wrong with it. The theme is null when there is no theme folder,
    /// or when anything in it is wrong (the pages then keep the default look: a broken theme never ships).
    /// </summary>
    public static (CouncilTheme? Theme, List<Finding> Findings) Load(string councilFolder)
    {
        var folder = Path.Combine(councilFolder, FolderName);
        var findings = new List<Finding>();
        if (!Directory.Exists(folder)) return (null, findings);
        var file = Path.Combine(folder, "theme.yaml");
        var root = PolicyLoader.Parse(file, findings);
        if (root is null) return (null, findings);
        var r = new PolicyLoader.Reader(file, findings);
        r.Keys(root, ["source", "accessibility_statement", "colours", "logo", "logo_alt"],
            ["source", "accessibility_statement", "colours"]);
        var source = r.Url(root, "source");
        var accessibility = r.Url(root, "accessibility_statement");
        var colours = new Dictionary<string, string>();
        string[] names = ["header_background", "header_text", "footer_background", "footer_text"];
        if (root.Children.TryGetValue(new YamlScalarNode("colours"), out var c) && c is YamlMappingNode cm)
        {
            r.Keys(cm, names, names);
            foreach (var n in names)
                if (r.Text(cm, n) is { } v)
                {
                    if (Contrast.Hex().IsMatch(v)) colours[n] = v.ToLowerInvariant();
                    else r.Error(cm.Children[new YamlScalarNode(n)], $"'{n}' must be a colour written #rrggbb");
                }
            Pair(r, cm, colours, "header_text", "header_background", "the header");
            Pair(r, cm, colours, "footer_text", "footer_background", "the footer");
        }
        else if (c is not null)
            r.Error(c, "'colours' must be a mapping of header_background, header_text, footer_background, footer_text");
        var logo = r.Text(root, "logo");
        var logoAlt = r.Text(root, "logo_alt");
        if (logo is not null)
        {
            foreach (var p in ThemeLogo.Problems(folder, logo)) r.Error(root.Children[new YamlScalarNode("logo")], p);
            if (logoAlt is null)
                r.Error(root, "a logo needs logo_alt: the words it shows, for people who cannot see it");
        }
        foreach (var part in new[] { "header", "footer" })
        {
            var path = Path.Combine(folder, part + ".sbn-html");
            if (!File.Exists(path)) continue;
            var text = File.ReadAllText(path);
            if (text.Length > 16 * 1024)
                findings.Add(new Finding(Severity.Error, path, 0, 0, "a theme template is limited to 16 KB"));
            foreach (var (line, problem) in ThemeMarkup.Problems(text))
                findings.Add(new Finding(Severity.Error, path, line, 0, problem));
        }
        foreach (var other in Directory.GetFiles(folder).Select(Path.GetFileName)
                     .Where(f => f is not ("theme.yaml" or "header.sbn-html" or "footer.sbn-html") && f != logo))
            findings.Add(new Finding(Severity.Error, Path.Combine(folder, other!), 0, 0,
                "a theme folder holds theme.yaml, the logo, header.sbn-html and footer.sbn-html only"));
        if (findings.Count > 0 || source is null || accessibility is null || colours.Count != names.Length)
            return (null, findings);
        var theme = new CouncilTheme(folder, source, colours["header_background"], colours["header_text"],
            colours["footer_background"], colours["footer_text"], logo, logoAlt, accessibility,
            File.Exists(Path.Combine(folder, "header.sbn-html")), File.Exists(Path.Combine(folder, "footer.sbn-html")));
        return (theme, findings);
    }

    private static void Pair(PolicyLoader.Reader r, YamlMappingNode m, Dictionary<string, string> colours,
        string text, string background, string where)
    {
        if (!colours.TryGetValue(text, out var t) || !colours.TryGetValue(background, out var b)) return;
        var ratio = Contrast.Ratio(t, b);
        if (ratio < Contrast.ForText)
            r.Error(m.Children[new YamlScalarNode(text)],
                $"{text} {t} on {background} {b} has contrast {ratio:0.00}:1; text in {where} needs at least "
                + $"{Contrast.ForText}:1 (WCAG 2.2, 1.4.3)");
    }
}
