using System.Globalization;
using System.Text.RegularExpressions;

namespace LocalOffer.Offers.Lint;

/// <summary>
/// The pound figures a text names ("£25 on your 19th birthday and £50 on your 21st" names 25 and
/// 50), so lint can catch an amount that disagrees with its own conditions: a page showing "£25"
/// above conditions that say £50 misleads the young person who reads both (issue 25).
/// </summary>
public static partial class MoneyText
{
    public static IReadOnlyList<decimal> Figures(string text) =>
        Pound().Matches(text).Select(m => decimal.Parse(m.Groups[1].Value.Replace(",", ""), CultureInfo.InvariantCulture))
            .ToList();

    /// <summary>
    /// The figures in <paramref name="conditions"/> that disagree with the amount: any other figure,
    /// or for an "up to" amount any larger one. One item, one amount: several amounts are several items.
    /// </summary>
    public static IReadOnlyList<decimal> Disagreeing(decimal gbp, bool upTo, string conditions) =>
        Figures(conditions).Where(f => upTo ? f > gbp : f != gbp).Distinct().ToList();

    [GeneratedRegex(@"£\s?(\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?|\d+(?:\.\d{1,2})?)", RegexOptions.CultureInvariant)]
    private static partial Regex Pound();
}
