using LocalOffer.Core;
using LocalOffer.Offers.Lint;
using LocalOffer.Offers.Policy;
using LocalOffer.Offers.Render;
using NodaTime;

namespace LocalOffer.Offers.Theme;

/// <summary>
/// `lint` for a council's theme folder: what <see cref="CouncilTheme.Load"/> finds (colours and
/// their contrast, the logo's type, bytes and pixels, the markup of the header and footer
/// templates), then the themed pages rendered in the sandbox: each must still begin with the skip
/// link and say who to contact first, and its footer must link the accessibility statement. A theme
/// template that breaks a limit is named by file, line and column.
/// </summary>
public static class ThemeLint
{
    public static IEnumerable<Finding> Check(Council council, RulesCore core, TemplateSet? templates = null)
    {
        var (theme, findings) = CouncilTheme.Load(council.Folder);
        foreach (var f in findings) yield return f;
        if (theme is null) yield break;
        var on = council.Versions.Count > 0 ? council.Versions.Max(v => v.InForceFrom) : new LocalDate(2026, 1, 1);
        List<(string File, string Text)> pages;
        Finding? failed = null;
        try
        {
            pages = new SitePublisher(core, templates ?? TemplateSet.LoadDefault()).Pages(council, on);
        }
        catch (TemplateException e)
        {
            pages = [];
            failed = new Finding(Severity.Error, ThemeFile(theme, e.File), e.Line, e.Column, e.Reason);
        }
        if (failed is not null) { yield return failed; yield break; }
        foreach (var (file, text) in pages.Where(p => p.File.EndsWith(".html", StringComparison.Ordinal)))
            foreach (var missing in Missing(text, theme))
                yield return new Finding(Severity.Error, theme.Folder, 0, 0, $"{file} with the theme {missing}");
    }

    /// <summary>What a themed page lacks of the parts a theme may not remove.</summary>
    public static IEnumerable<string> Missing(string html, CouncilTheme theme)
    {
        var body = html.IndexOf("<body", StringComparison.Ordinal);
        var firstLink = html.IndexOf("<a ", body < 0 ? 0 : body, StringComparison.Ordinal);
        if (firstLink < 0 || !html.AsSpan(firstLink).StartsWith("<a href=\"#main-content\" class=\"govuk-skip-link\">"))
            yield return "does not begin with the skip link";
        if (!html.Contains("who to contact first", StringComparison.OrdinalIgnoreCase))
            yield return "does not say who to contact first";
        var footer = html.IndexOf("<footer", StringComparison.Ordinal);
        if (footer < 0 || !html.AsSpan(footer).Contains(">Accessibility statement</a>", StringComparison.Ordinal))
            yield return "has no link to the accessibility statement in its footer";
    }

    /// <summary>A theme template's error is filed in the council's folder, so publish refuses it.</summary>
    private static string ThemeFile(CouncilTheme theme, string shown) =>
        shown.Replace('\\', '/').Contains("/" + CouncilTheme.FolderName + "/", StringComparison.Ordinal)
            ? Path.Combine(theme.Folder, Path.GetFileName(shown)) : shown;
}
