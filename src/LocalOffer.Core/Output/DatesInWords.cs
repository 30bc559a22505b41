using System.Globalization;
using System.Text.RegularExpressions;
using NodaTime;
using NodaTime.Text;

namespace LocalOffer.Core.Output;

/// <summary>
/// One date style for people (issue 28): "13 March 2034". The engine's reasons, explanations and rejects
/// write dates as 2034-03-13 (the form data and the command's text use); pages for people pass those
/// sentences through <see cref="Replace"/>. A string that only looks like a date (2034-02-30) is left alone.
/// </summary>
public static partial class DatesInWords
{
    public static string Format(LocalDate d) => d.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    public static string Replace(string text) =>
        text.Contains('-', StringComparison.Ordinal)
            ? Iso().Replace(text, m => LocalDatePattern.Iso.Parse(m.Value) is { Success: true } p ? Format(p.Value) : m.Value)
            : text;

    [GeneratedRegex(@"(?<![\d-])\d{4}-\d{2}-\d{2}(?![\d-])")]
    private static partial Regex Iso();
}
