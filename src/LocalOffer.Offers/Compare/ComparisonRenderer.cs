using LocalOffer.Offers.Render;

namespace LocalOffer.Offers.Compare;

/// <summary>
/// The comparison as an accessible HTML table, sortable without JavaScript: each column heading is
/// a link to the same table sorted by that column (a pre-rendered file, or ?sort= in the web app),
/// and the sorted column carries aria-sort. Also as CSV.
/// </summary>
public sealed class ComparisonRenderer(TemplateSet templates)
{
    /// <summary>The file a static site holds for a sort ("compare.html" for the default, by council).</summary>
    public static string StaticFile(string key, bool descending) =>
        key == "council" && !descending ? "compare.html" : $"compare-by-{key}{(descending ? "-desc" : "")}.html";

    public string Html(OfferComparison c, string? sortKey, bool descending, Func<string, bool, string> link, string assets = "assets/", string home = "compare.html")
    {
        var key = OfferComparison.Columns.Any(x => x.Key == sortKey) ? sortKey! : "council";
        var rows = c.SortedBy(key, descending);
        var model = new
        {
            site = new { councilName = "Local offers compared", assets, home, extraCss = true, footer = "Local offers for care leavers compared, from the councils' published offers. Made with LocalOffer." },
            pageTitle = "Local offers compared",
            asAt = c.AsAt,
            recommended = c.Recommended,
            columns = OfferComparison.Columns.Select(col =>
            {
                var sorted = col.Key == key;
                var nextDescending = sorted && !descending;
                return new
                {
                    heading = col.Heading,
                    href = link(col.Key, nextDescending),
                    ariaSort = sorted ? (descending ? "descending" : "ascending") : null,
                    hint = sorted ? (descending ? "sorted Z to A or high to low; select to reverse" : "sorted A to Z or low to high; select to reverse") : "select to sort",
                };
            }).ToArray(),
            rows = rows.Select(r => new
            {
                council = r.Cells["council"],
                cells = OfferComparison.Columns.Skip(1).Select(col => r.Cells[col.Key]).ToArray(),
            }).ToArray(),
        };
        return templates.Render("compare/table", model);
    }

    public static string Csv(OfferComparison c) =>
        SafeCsv.Write(new[] { OfferComparison.Columns.Select(x => (string?)x.Heading) }
            .Concat(c.SortedBy("council").Select(r => OfferComparison.Columns.Select(x => (string?)(x.Numeric ? r.Numbers[x.Key]?.ToString(System.Globalization.CultureInfo.InvariantCulture) : r.Cells[x.Key])))));

    /// <summary>Every static page: the default and one per column and direction, so every heading link works offline.</summary>
    public List<(string File, string Text)> StaticPages(OfferComparison c)
    {
        var pages = new List<(string, string)>();
        foreach (var col in OfferComparison.Columns)
            foreach (var desc in new[] { false, true })
                pages.Add((StaticFile(col.Key, desc), Html(c, col.Key, desc, StaticFile)));
        pages.Add(("compare.csv", Csv(c)));
        return pages;
    }
}
