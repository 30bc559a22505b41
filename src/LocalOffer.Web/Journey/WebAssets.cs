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
        // The code lists (legal status, placement, reason ended) found by typing the code or words, "U6" or
        // "foster" (issue 28): GOV.UK's accessible-autocomplete over the select, which still posts the value.
        // Without script the select stays as it is.
        import('/assets/accessible-autocomplete.min.js').then(() => {
          for (const select of document.querySelectorAll('select[data-autocomplete]')) {
            // The answer already chosen (a change page) shows as typed; the blank "Select..." never does.
            const chosen = select.value ? select.options[select.selectedIndex].textContent : '';
            window.accessibleAutocomplete.enhanceSelectElement({
              selectElement: select, defaultValue: chosen, showAllValues: true, autoselect: true,
            });
          }
        });
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
        @import url("/assets/accessible-autocomplete.min.css");
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
        var autocomplete = AutocompleteDirectory();
        var autocompleteJs = File.ReadAllText(Path.Combine(autocomplete, "accessible-autocomplete.min.js"));
        var autocompleteCss = File.ReadAllText(Path.Combine(autocomplete, "accessible-autocomplete.min.css"));
        app.MapGet("/assets/accessible-autocomplete.min.js", () => Results.Text(autocompleteJs, "text/javascript"))
            .ExcludeFromDescription();
        app.MapGet("/assets/accessible-autocomplete.min.css", () => Results.Text(autocompleteCss, "text/css"))
            .ExcludeFromDescription();
        app.MapGet("/assets/localoffer-web.css", () => Results.Text(Css, "text/css")).ExcludeFromDescription();
    }

    /// <summary>accessible-autocomplete's files: carried beside the program, or in a source checkout's web-assets.</summary>
    private static string AutocompleteDirectory()
    {
        var carried = Path.Combine(AppContext.BaseDirectory, "accessible-autocomplete");
        if (File.Exists(Path.Combine(carried, "accessible-autocomplete.min.js"))) return carried;
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            var dir = Path.Combine(d.FullName, "web-assets", "node_modules", "accessible-autocomplete", "dist");
            if (Directory.Exists(dir)) return dir;
        }
        throw new DirectoryNotFoundException(
            "accessible-autocomplete is missing from the program's folder: build again, or run `bash scripts/setup.sh`");
    }
}
