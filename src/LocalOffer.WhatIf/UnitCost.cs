using System.Globalization;
using LocalOffer.Core.Rules;

namespace LocalOffer.WhatIf;

/// <summary>
/// A council's own cost of one young person's entitlement (`--cost staying-close=2500/yr`), counted for each
/// month-end the young person is entitled on, as a twelfth of the year (a week's cost is 52 weeks a year).
/// </summary>
public sealed record UnitCost(string Entitlement, decimal Amount, string Per, string Text)
{
    /// <summary>The most a unit cost may be, per period: anything larger is a typing mistake.</summary>
    public const decimal MaxAmount = 10_000_000m;

    /// <summary>The cost of one month-end entitled.</summary>
    public decimal PerMonth => Per switch
    {
        "yr" => Amount / 12,
        "month" => Amount,
        _ => Amount * 52 / 12,
    };

    private static readonly Dictionary<string, string> Periods = new(StringComparer.OrdinalIgnoreCase)
    {
        ["yr"] = "yr", ["year"] = "yr", ["month"] = "month", ["week"] = "week", ["wk"] = "week",
    };

    /// <summary>"staying-close=2500/yr" (also /year, /month, /week; a leading £ and thousands commas are read).</summary>
    /// <exception cref="FormatException">with a message naming the option and what is wrong.</exception>
    public static UnitCost Parse(string text, EntitlementCatalog catalog)
    {
        var clean = LocalOffer.Core.Safety.Printable.Clean(text, 80);
        var eq = text.IndexOf('=');
        var slash = text.LastIndexOf('/');
        if (eq <= 0 || slash < eq)
            throw new FormatException(
                $"--cost {clean}: must be ENTITLEMENT=AMOUNT/yr (or /month, /week), e.g. staying-close=2500/yr");
        var id = text[..eq].Trim();
        if (!catalog.Contains(id))
            throw new FormatException($"--cost {clean}: no entitlement '{LocalOffer.Core.Safety.Printable.Clean(id, 60)}' " +
                $"(one of: {string.Join(", ", catalog.Ids)})");
        if (!Periods.TryGetValue(text[(slash + 1)..].Trim(), out var per))
            throw new FormatException($"--cost {clean}: the period after / must be yr, month or week");
        var amountText = text[(eq + 1)..slash].Trim().TrimStart('£').Replace(",", "", StringComparison.Ordinal);
        if (!decimal.TryParse(amountText, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount)
            || amount > MaxAmount || decimal.Round(amount, 2) != amount)
            throw new FormatException($"--cost {clean}: '{LocalOffer.Core.Safety.Printable.Clean(amountText, 40)}' must be " +
                $"an amount in pounds (at most {MaxAmount:N0}, pence as two decimals)");
        return new UnitCost(id, amount, per, text.Trim());
    }
}
