using LocalOffer.Core;
using LocalOffer.Offers.Compare;
using LocalOffer.Offers.Policy;
using LocalOffer.Offers.Render;

namespace LocalOffer.Web;

/// <summary>
/// /compare: every council's offer side by side (the same table as `localoffer compare`), sorted
/// by ?sort=column&amp;desc=1 links, so it works without JavaScript; /compare.csv for spreadsheets.
/// </summary>
public static class CompareEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/compare", (string? sort, string? desc, string? asAt, string? columns, OfferCatalog catalog, RulesCore core,
            TemplateSet templates) =>
        {
            var (date, bad) = ApiEndpoints.ParseDate(asAt, "asAt");
            if (bad is not null) return bad;
            if (sort is not null && OfferComparison.Columns.All(c => c.Key != sort))
                return Results.Problem(statusCode: 400, title: $"sort: unknown column '{LocalOffer.Core.Safety.Printable.Clean(sort, 60)}'");
            var comparison = OfferComparison.Build(catalog.Councils, date, core.Law);
            var all = columns == "all";
            var date0 = asAt is null ? "" : "&asAt=" + Uri.EscapeDataString(asAt);
            var html = new ComparisonRenderer(templates).Html(comparison, sort, desc == "1",
                (key, descending) => $"/compare?sort={Uri.EscapeDataString(key)}{(descending ? "&desc=1" : "")}{date0}{(all ? "&columns=all" : "")}",
                assets: "/assets/", home: "/compare",
                councilLink: id => $"/councils/{Uri.EscapeDataString(id)}/",
                allColumns: all,
                columnsLink: all ? null : $"/compare?columns=all{date0}");
            return Results.Content(html, "text/html; charset=utf-8");
        }).ExcludeFromDescription();

        app.MapGet("/compare.csv", (string? asAt, OfferCatalog catalog, RulesCore core) =>
        {
            var (date, bad) = ApiEndpoints.ParseDate(asAt, "asAt");
            if (bad is not null) return bad;
            return Results.Text(ComparisonRenderer.Csv(OfferComparison.Build(catalog.Councils, date, core.Law)), "text/csv; charset=utf-8");
        }).ExcludeFromDescription();
    }
}
