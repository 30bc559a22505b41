using LocalOffer.Core;
using LocalOffer.Core.Engine;
using LocalOffer.Core.Model;
using LocalOffer.Offers.Policy;
using LocalOffer.Offers.Render;

namespace LocalOffer.Browser;

/// <summary>
/// The young person's pages made here, from the same templates and models as the web app (issue 28:
/// "the same pages compiled in"): "Your support" (templates/web/yours) and the personal offer
/// (templates/personal/offer). Each is a whole HTML page the Check page opens in a new tab to read, print
/// or save as a PDF; its stylesheets are this site's (GOV.UK Frontend and css/app.css), by full address
/// because a Blob page has no folder of its own.
/// </summary>
public sealed class RenderedPages(RulesCore core, OfferCatalog catalog, TemplateSet templates)
{
    public string YourSupport(PersonalOffer offer, string baseUri)
    {
        var you = LocalOffer.Offers.Render.YourSupport.Model(offer, core.Law, catalog.NationalFor(offer.Council),
            OfferUrl(offer.Council));
        var html = templates.Render("web/yours", new
        {
            site = new
            {
                councilName = "LocalOffer", assets = baseUri + "assets/", home = baseUri,
                extraCss = false, script = false,
                footer = "Made in your browser by LocalOffer: nothing was sent anywhere. Check anything important " +
                    "with your personal adviser.",
                footerLinks = Array.Empty<object>(), contacts = Array.Empty<object>(),
            },
            pageTitle = "Your support",
            you,
            links = new { },
        });
        return WithSiteCss(html, baseUri);
    }

    public string PersonalOffer(PersonalOffer offer, string baseUri) =>
        WithSiteCss(new PersonalOfferRenderer(core, templates, catalog.NationalFor(offer.Council))
            .Render(offer, "html", baseUri + "assets/"), baseUri);

    public PersonalOffer Offer(Assessment a, CareHistory history, Council council) =>
        PersonalOfferBuilder.Build(a, history, council, core.Law);

    /// <summary>The council's own published offer (its version's source when an address), else its website.</summary>
    public static string? OfferUrl(Council c)
    {
        var source = c.Versions.LastOrDefault()?.Source;
        return source is not null && source.StartsWith("https://", StringComparison.Ordinal) ? source : c.Website;
    }

    // The site's own small stylesheet after GOV.UK Frontend's (the templates link localoffer.css, which a
    // static site of the Browser app does not have; css/app.css holds the same few rules).
    private static string WithSiteCss(string html, string baseUri)
    {
        const string marker = "govuk-frontend.min.css\">";
        var at = html.IndexOf(marker, StringComparison.Ordinal);
        return at < 0 ? html
            : html.Insert(at + marker.Length,
                $"\n  <link rel=\"stylesheet\" href=\"{System.Net.WebUtility.HtmlEncode(baseUri)}css/app.css\">");
    }

    /// <summary>
    /// A report written for a folder (its stylesheets at assets/...), opened from a Blob: the addresses made
    /// whole, and the site's localoffer.css (which this site does not have) as css/app.css.
    /// </summary>
    public static string Standalone(string html, string baseUri)
    {
        var b = System.Net.WebUtility.HtmlEncode(baseUri);
        return html.Replace("href=\"assets/localoffer.css\"", $"href=\"{b}css/app.css\"", StringComparison.Ordinal)
            .Replace("href=\"assets/", $"href=\"{b}assets/", StringComparison.Ordinal);
    }
}
