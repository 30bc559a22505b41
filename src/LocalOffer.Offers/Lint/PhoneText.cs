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
        Number().Matches(text).Select(m => m.Value.Trim()).Where(IsNumber).ToList();

    /// <summary>
    /// A UK number as written, after what may come before it: 0, then digits and spaces, ending in a digit
    /// (pages keep such numbers left to right in right-to-left text with the same shape: CouncilWords).
    /// </summary>
    internal const string Shape = @"0\d[\d ]{7,12}\d(?![\d])";

    /// <summary>Whether a match of <see cref="Shape"/> is a number: ten digits, or eleven.</summary>
    internal static bool IsNumber(string written) => written.Count(char.IsAsciiDigit) is 10 or 11;

    [GeneratedRegex(@"(?<![\d])" + Shape, RegexOptions.CultureInvariant)]
    private static partial Regex Number();
}
