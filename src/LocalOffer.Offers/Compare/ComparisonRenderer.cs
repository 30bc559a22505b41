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

    /// <param name="councilLink">Where a council's name links (the web app: its offer's pages); null links
    /// to the council's own published offer.</param>
    /// <param name="allColumns">Every column (the web app's "Show every column"); else the columns shown by
    /// default, money first.</param>
    public string Html(OfferComparison c, string? sortKey, bool descending, Func<string, bool, string> link, string assets = "assets/",
        string home = "compare.html", Func<string, string>? councilLink = null, bool allColumns = false,
        string? columnsLink = null)
    {
        var key = OfferComparison.Columns.Any(x => x.Key == sortKey) ? sortKey! : "council";
        var shown = OfferComparison.Columns.Where(x => allColumns || x.Shown || x.Key == key).ToList();
        var sorted = c.SortedBy(key, descending);
        object Row(CompareRow r) => new
        {
            council = r.Cells["council"],
            link = councilLink?.Invoke(r.CouncilId) ?? r.OfferUrl,
            cells = shown.Skip(1).Select(col => r.Cells[col.Key]).ToArray(),
        };
        var model = new
        {
            site = new { councilName = "Local offers compared", assets, home, extraCss = true, footer = "Local offers for care leavers compared, from the councils' published offers. Made with LocalOffer." },
            pageTitle = "Local offers compared",
            asAt = c.AsAt,
            recommended = c.Recommended,
            columns = shown.Select(col =>
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
            rows = sorted.Where(r => !r.IsTemplate).Select(Row).ToArray(),
            // The DfE's illustrative offer is a starting point, not a council: shown apart, below.
            templates = sorted.Where(r => r.IsTemplate).Select(Row).ToArray(),
            hidden = OfferComparison.Columns.Count - shown.Count,
            columnsLink,
        };
        return templates.Render("compare/table", model);
    }

    public static string Csv(OfferComparison c) =>
        SafeCsv.Write(new[] { CsvColumns.Select(x => (string?)x.Heading) }
            .Concat(c.SortedBy("council").Select(r => CsvColumns.Select(x => (string?)(x.Numeric ? r.Numbers[x.Key]?.ToString(System.Globalization.CultureInfo.InvariantCulture) : r.Values[x.Key])))));

    private static IEnumerable<CompareColumn> CsvColumns =>
        OfferComparison.CsvOrder.Select(k => OfferComparison.Columns.First(x => x.Key == k));

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
