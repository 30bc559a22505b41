using System.Text.RegularExpressions;

namespace LocalOffer.Offers.Lint;

/// <summary>
/// Whether a phone field holds a UK phone number a young person can dial (0 and ten more digits,
/// or 0800-style numbers with nine), not only words such as "ask your personal adviser".
/// </summary>
public static partial class PhoneText
{
    public static bool HasNumber(string text) => Numbers(text).Count > 0;

    /// <summary>
    /// Each number in a phone field, as written ("0113 378 3364 (East), 0113 378 1666 (South)" holds
    /// two): a page links each one on its own (tel:), never all the digits run together.
    /// </summary>
    public static IReadOnlyList<string> Numbers(string text) =>
        Number().Matches(text).Select(m => m.Value.Trim()).Where(v => v.Count(char.IsAsciiDigit) is 10 or 11).ToList();

    [GeneratedRegex(@"(?<![\d])0\d[\d ]{7,12}\d(?![\d])", RegexOptions.CultureInvariant)]
    private static partial Regex Number();
}
