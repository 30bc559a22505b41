using LocalOffer.Offers.Render;

namespace LocalOffer.Web.Journey;

/// <summary>
/// The adviser app's own styles and its one script. The script is progressive enhancement under
/// the strict CSP (script-src 'self', no inline script): it marks the page as supported and starts
/// GOV.UK Frontend, which hides follow-up questions until they apply. Without it every question shows.
/// </summary>
public static class WebAssets
{
    public const string InitJs = """
        import { initAll } from '/assets/govuk-frontend.min.js';
        document.body.classList.add('govuk-frontend-supported');
        initAll();
        // Follow-up questions: shown only while the "Yes" that asks them is chosen. Done here rather than
        // by GOV.UK Frontend's radios, whose aria-expanded on a radio input axe reports (aria-allowed-attr).
        for (const input of document.querySelectorAll('input[data-reveals]')) {
          const target = document.getElementById(input.dataset.reveals);
          const sync = () => target.classList.toggle('govuk-radios__conditional--hidden', !input.checked);
          for (const other of document.querySelectorAll('input[name="' + input.name + '"]')) {
            other.addEventListener('change', sync);
          }
          sync();
        }
        """;

    /// <summary>
    /// Panels whose colour fits the outcome (white on each is at least 4.5:1), one line per fact in a
    /// summary list, the timeline at a phone's width (its words at body size there), and a print
    /// view without the service's navigation and links.
    /// </summary>
    public const string Css = """
        .lo-panel { color: #ffffff; }
        .lo-panel--leaver { background: #1d70b8; }
        .lo-panel--care { background: #4c2c92; }
        .lo-panel--none { background: #505a5f; }
        .lo-line { display: block; }
        .lo-timeline { display: block; width: 100%; max-width: 480px; height: auto; }
        .lo-timeline text { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; }
        .lo-actions li { display: inline-block; margin-inline-end: 20px; }
        .lo-first-contact { border-inline-start: 5px solid #1d70b8; padding-inline-start: 15px; }
        @media print {
          .lo-nav, .lo-no-print, .lo-actions, .govuk-back-link, .govuk-skip-link, .govuk-footer { display: none !important; }
          .govuk-panel { border: 3px solid #0b0c0c; color: #0b0c0c; background: none; }
          a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 80%; }
        }
        """;

    public static void Map(WebApplication app)
    {
        var js = File.ReadAllText(Path.Combine(GovukFrontend.Directory(), "govuk-frontend.min.js"));
        app.MapGet("/assets/govuk-frontend.min.js", () => Results.Text(js, "text/javascript")).ExcludeFromDescription();
        app.MapGet("/assets/init.js", () => Results.Text(InitJs, "text/javascript")).ExcludeFromDescription();
        app.MapGet("/assets/localoffer-web.css", () => Results.Text(Css, "text/css")).ExcludeFromDescription();
    }
}
