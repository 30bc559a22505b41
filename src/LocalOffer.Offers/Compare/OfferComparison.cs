using System.Globalization;
using LocalOffer.Core.Rules;
using LocalOffer.Offers.Policy;
using NodaTime;

namespace LocalOffer.Offers.Compare;

/// <summary>
/// One column of the comparison: a key for links and CSV, a heading, how to sort it, and whether the
/// page shows it without being asked (issue 28: 17 columns did not fit; money first, the rest on request).
/// </summary>
public sealed record CompareColumn(string Key, string Heading, bool Numeric, bool Shown = false);

/// <summary>
/// One council's row: the text of each cell by column key (dates in words, money in pounds), the value
/// each sorts and downloads by (dates as 2026-04-01), a number for numeric columns, and whether the row
/// is an illustrative template rather than a council.
/// </summary>
public sealed record CompareRow(string CouncilId, IReadOnlyDictionary<string, string> Cells, IReadOnlyDictionary<string, decimal?> Numbers,
    IReadOnlyDictionary<string, string> Values, bool IsTemplate = false, string? OfferUrl = null);

/// <summary>
/// Every council's offer in force on a date side by side, by topic (setting up home, council tax,
/// leisure, travel, ...), against the DfE recommended minimum setting up home allowance, with
/// contacts and review dates. Cells say what the offer says, or that it does not say.
/// </summary>
public sealed class OfferComparison
{
    public const string NotInOffer = "Not in the offer";

    /// <summary>The topics compared, in the order of the issue that asked for the view.</summary>
    public static readonly IReadOnlyList<string> Topics =
    [
        "setting-up-home", "council-tax", "leisure", "travel", "driving-lessons", "id-documents", "birthday", "festival",
        "higher-education", "apprenticeship", "staying-put",
    ];

    /// <summary>The topics with money in them, shown first (issue 28: amounts first).</summary>
    private static readonly HashSet<string> MoneyTopics =
        ["higher-education", "apprenticeship", "birthday", "driving-lessons", "council-tax"];

    /// <summary>The spreadsheet's columns, in the order it has always had (people's sheets depend on it).</summary>
    public static readonly IReadOnlyList<string> CsvOrder =
    [
        "council", "in-force-from", "last-reviewed", "next-review", "contact", "setting-up-home-gbp", .. Topics,
    ];

    public static readonly IReadOnlyList<CompareColumn> Columns =
    [
        new("council", "Council", false, Shown: true),
        new("setting-up-home-gbp", "Setting up home (£)", true, Shown: true),
        .. Topics.Where(MoneyTopics.Contains).Select(t => new CompareColumn(t, OfferVocabulary.Topics[t], false, Shown: true)),
        new("contact", "Leaving care team", false, Shown: true),
        new("last-reviewed", "Last reviewed", false, Shown: true),
        .. Topics.Where(t => !MoneyTopics.Contains(t) && t != "setting-up-home")
            .Select(t => new CompareColumn(t, OfferVocabulary.Topics[t], false)),
        new("setting-up-home", OfferVocabulary.Topics["setting-up-home"], false),
        new("in-force-from", "Offer in force from", false),
        new("next-review", "Next review", false),
    ];

    public LocalDate AsAt { get; }
    public decimal? Recommended { get; }
    public IReadOnlyList<CompareRow> Rows { get; }

    private OfferComparison(LocalDate asAt, decimal? recommended, IReadOnlyList<CompareRow> rows)
    {
        AsAt = asAt;
        Recommended = recommended;
        Rows = rows;
    }

    public static OfferComparison Build(IEnumerable<Council> councils, LocalDate asAt, EnglandLaw law)
    {
        var recommended = law.SettingUpHomeRecommended.On(asAt);
        var rows = councils.Select(c => Row(c, asAt, recommended)).ToList();
        return new OfferComparison(asAt, recommended, rows);
    }

    private static string Iso(LocalDate? d) => d is { } x ? x.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "Not given";
    private static string D(LocalDate? d) => d is { } x ? LocalOffer.Core.Output.DatesInWords.Format(x) : "Not given";

    private static CompareRow Row(Council c, LocalDate asAt, decimal? recommended)
    {
        var v = c.OfferOn(asAt);
        var items = v?.Items.Where(i => i.InForceOn(asAt)).ToList() ?? [];
        var cells = new Dictionary<string, string>
        {
            ["council"] = c.Name,
            ["in-force-from"] = v is null ? "No offer published" : D(v.InForceFrom),
            ["last-reviewed"] = v is null ? "" : D(v.LastReviewed ?? v.Published),
            ["next-review"] = v is null ? "" : v.NextReview is { } nr ? D(nr) + (nr < asAt ? " (overdue)" : "") : "Not given",
            ["contact"] = c.Contacts.GetValueOrDefault("leaving_care_team") is { } t
                ? string.Join(", ", new[] { t.Phone, t.Email ?? t.ContactForm }.Where(x => x is not null)) is { Length: > 0 } s
                    ? s : t.Website ?? t.Address ?? "Given"
                : "Not given",
        };
        // Dates sort and download as 2026-04-01; the page says 1 April 2026.
        var values = new Dictionary<string, string>
        {
            ["in-force-from"] = v is null ? "" : Iso(v.InForceFrom),
            ["last-reviewed"] = v is null ? "" : Iso(v.LastReviewed ?? v.Published),
            ["next-review"] = v is null ? "" : v.NextReview is { } next ? Iso(next) + (next < asAt ? " (overdue)" : "") : "Not given",
        };
        var numbers = new Dictionary<string, decimal?>();
        var suha = items.Where(i => i.Topic == "setting-up-home").Select(i => i.Amount?.Gbp).FirstOrDefault(g => g is not null);
        numbers["setting-up-home-gbp"] = suha;
        cells["setting-up-home-gbp"] = suha is { } g
            ? LocalOffer.Core.Output.Gbp.Format(g)
                + (recommended is { } r && g < r ? $" (below the DfE's {LocalOffer.Core.Output.Gbp.Format(r)})" : "")
            : items.Any(i => i.Topic == "setting-up-home") ? "No amount given" : NotInOffer;
        foreach (var topic in Topics)
        {
            var matching = items.Where(i => i.Topic == topic).ToList();
            cells[topic] = matching.Count == 0 ? NotInOffer : string.Join("; ", matching.Select(Describe));
        }
        foreach (var (key, text) in cells) values.TryAdd(key, text);
        // The council's own published offer (the version's source when it is an address), else its website.
        var url = v?.Source is { } src && (src.StartsWith("https://", StringComparison.Ordinal)
            || src.StartsWith("http://", StringComparison.Ordinal)) ? src : c.Website;
        return new CompareRow(c.Id, cells, numbers, values, c.IsTemplate, url);
    }

    /// <summary>An item in a few words: its amount and age limit, council tax share, or its title.</summary>
    private static string Describe(OfferItem i)
    {
        if (i.CouncilTax is { } ct)
            return string.Join(", ", new[]
            {
                ct.SharePercent is { } p ? $"{p}% if you pay alone" : "Support (share not given)",
                ct.UntilAge is { } u ? $"until {u}" : null,
                ct.WhoPays is not null ? "who pays stated" : null,
            }.Where(x => x is not null));
        if (i.Amount?.ToString() is { } amount)
            return amount + (i.Amount.UntilAge is { } age ? $" (until {age})" : "") + (i.Amount.Conditions is { } cond ? $" - {cond}" : "");
        return i.Title + (i.Amount is { Ask: true } ? " (amount: ask)" : "");
    }

    /// <summary>The rows sorted by a column: numbers (missing last), else text with "not in the offer" last; ties by council.</summary>
    public IReadOnlyList<CompareRow> SortedBy(string? key, bool descending = false)
    {
        var col = Columns.FirstOrDefault(c => c.Key == key) ?? Columns[0];
        IOrderedEnumerable<CompareRow> sorted = col.Numeric
            ? (descending ? Rows.OrderBy(r => r.Numbers[col.Key] is null).ThenByDescending(r => r.Numbers[col.Key])
                          : Rows.OrderBy(r => r.Numbers[col.Key] is null).ThenBy(r => r.Numbers[col.Key]))
            : (descending ? Rows.OrderBy(r => r.Cells[col.Key] == NotInOffer).ThenByDescending(r => r.Values[col.Key], StringComparer.OrdinalIgnoreCase)
                          : Rows.OrderBy(r => r.Cells[col.Key] == NotInOffer).ThenBy(r => r.Values[col.Key], StringComparer.OrdinalIgnoreCase));
        return sorted.ThenBy(r => r.Cells["council"], StringComparer.Ordinal).ToList();
    }
}
