using System.Text.RegularExpressions;

namespace LocalOffer.Offers.Lint;

/// <summary>
/// Whether a phone field holds a UK phone number a young person can dial (0 and ten more digits,
/// or 0800-style numbers with nine), not only words such as "ask your personal adviser".
/// </summary>
public static partial class PhoneText
{
    public static bool HasNumber(string text) =>
        Number().Matches(text).Any(m => m.Value.Count(char.IsAsciiDigit) is 10 or 11);

    [GeneratedRegex(@"(?<![\d])0\d[\d ]{7,12}\d(?![\d])", RegexOptions.CultureInvariant)]
    private static partial Regex Number();
}
