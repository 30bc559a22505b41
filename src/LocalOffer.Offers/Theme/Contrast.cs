using System.Globalization;
using System.Text.RegularExpressions;

namespace LocalOffer.Offers.Theme;

/// <summary>WCAG 2.2 contrast of two "#rrggbb" colours (1.4.3: at least 4.5:1 for text).</summary>
public static partial class Contrast
{
    public const double ForText = 4.5;

    [GeneratedRegex("^#[0-9a-fA-F]{6}$")]
    public static partial Regex Hex();

    public static double Ratio(string a, string b)
    {
        var (la, lb) = (Luminance(a), Luminance(b));
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    /// <summary>Relative luminance (WCAG 2.2, "relative luminance").</summary>
    private static double Luminance(string hex)
    {
        double Channel(int i)
        {
            var c = int.Parse(hex.AsSpan(1 + 2 * i, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
            return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * Channel(0) + 0.7152 * Channel(1) + 0.0722 * Channel(2);
    }
}
