using LocalOffer.Core;
using LocalOffer.Core.Engine;
using LocalOffer.Core.Output;
using LocalOffer.Offers.Policy;
using LocalOffer.Offers.Render;
using Microsoft.AspNetCore.Antiforgery;

namespace LocalOffer.Web;

/// <summary>
/// Each council's offer as pages of the adviser app, server-rendered with GOV.UK Frontend (the
/// adviser's journey itself is in Journey/).
/// </summary>
public static class PageEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/councils", (HttpContext http, OfferCatalog catalog, TemplateSet templates, IAntiforgery af) =>
            Html(templates.Render("web/councils", new
            {
                site = LocalOffer.Web.Journey.JourneyPages.Site(http, af),
                pageTitle = "Council offers",
                councils = catalog.Councils.Select(c => new { id = c.Id, name = c.Name }).ToArray(),
            }))).ExcludeFromDescription();

        app.MapGet("/councils/{id}/{file?}", (HttpContext http, string id, string? file, string? asAt, OfferCatalog catalog, RulesCore core, TemplateSet templates) =>
        {
            if (catalog.Find(id) is not { } c) return Results.NotFound();
            // The offer's pages link to each other relatively, so its address ends with a slash.
            if (file is null && !(http.Request.Path.Value ?? "").EndsWith('/')) return Results.Redirect($"/councils/{Uri.EscapeDataString(id)}/");
            var (date, bad) = ApiEndpoints.ParseDate(asAt, "asAt");
            if (bad is not null) return bad;
            var pages = new SitePublisher(core, templates, catalog.National).Pages(c, date, assets: "/assets/", home: $"/councils/{Uri.EscapeDataString(id)}/",
                app: ("/", "Back to the adviser service"));
            var page = pages.FirstOrDefault(p => p.File == (string.IsNullOrEmpty(file) ? "index.html" : file));
            if (page.File is null) return Results.NotFound();
            return page.File.EndsWith(".md") ? Results.Text(page.Text, "text/markdown; charset=utf-8") : Html(page.Text);
        }).ExcludeFromDescription();
    }

    private static IResult Html(string html, int status = 200) => Results.Content(html, "text/html; charset=utf-8", statusCode: status);
}
