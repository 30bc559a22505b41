using System.Globalization;
using LocalOffer.Core.Rules;
using LocalOffer.Offers.Policy;
using NodaTime;

namespace LocalOffer.Offers.Compare;

/// <summary>One column of the comparison: a key for links and CSV, a heading, and how to sort it.</summary>
public sealed record CompareColumn(string Key, string Heading, bool Numeric);

/// <summary>One council's row: the text of each cell by column key, and a number for numeric columns.</summary>
public sealed record CompareRow(string CouncilId, IReadOnlyDictionary<string, string> Cells, IReadOnlyDictionary<string, decimal?> Numbers);

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

    public static readonly IReadOnlyList<CompareColumn> Columns =
    [
        new("council", "Council", false),
        new("in-force-from", "Offer in force from", false),
        new("last-reviewed", "Last reviewed", false),
        new("next-review", "Next review", false),
        new("contact", "Leaving care team", false),
        new("setting-up-home-gbp", "Setting up home (£)", true),
        .. Topics.Select(t => new CompareColumn(t, OfferVocabulary.Topics[t], false)),
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

    private static string D(LocalDate? d) => d is { } x ? x.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "Not given";

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
        var numbers = new Dictionary<string, decimal?>();
        var suha = items.Where(i => i.Topic == "setting-up-home").Select(i => i.Amount?.Gbp).FirstOrDefault(g => g is not null);
        numbers["setting-up-home-gbp"] = suha;
        cells["setting-up-home-gbp"] = suha is { } g
            ? $"{g:#,0.##}" + (recommended is { } r && g < r ? $" (below the DfE £{r:#,0})" : "")
            : items.Any(i => i.Topic == "setting-up-home") ? "No amount given" : NotInOffer;
        foreach (var topic in Topics)
        {
            var matching = items.Where(i => i.Topic == topic).ToList();
            cells[topic] = matching.Count == 0 ? NotInOffer : string.Join("; ", matching.Select(Describe));
        }
        return new CompareRow(c.Id, cells, numbers);
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
            : (descending ? Rows.OrderBy(r => r.Cells[col.Key] == NotInOffer).ThenByDescending(r => r.Cells[col.Key], StringComparer.OrdinalIgnoreCase)
                          : Rows.OrderBy(r => r.Cells[col.Key] == NotInOffer).ThenBy(r => r.Cells[col.Key], StringComparer.OrdinalIgnoreCase));
        return sorted.ThenBy(r => r.Cells["council"], StringComparer.Ordinal).ToList();
    }
}
