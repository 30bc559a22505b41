using System.Globalization;
using System.Text;
using LocalOffer.Core.Output;
using NodaTime;
using NodaTime.Text;

namespace LocalOffer.Offers.Render.Languages;

/// <summary>
/// Dates, amounts and counts in a language's own convention. The program runs with invariant
/// globalization (the same output on every machine and in the Browser app), so a language's month
/// names and long date pattern are strings of its catalogue (<c>date.month.1</c> to <c>.12</c>,
/// <c>date.pattern</c>, from the Unicode CLDR's Gregorian names, checked like any other string), given
/// to NodaTime as the culture's month names; its digits (<c>digits</c> in languages.yaml) replace
/// the ASCII digits afterwards: Arabic-Indic (٠-٩) for Arabic, Persian (۰-۹) for Persian and Pashto.
/// The calendar is always the Gregorian one: dates a young person is given in England are.
/// Phone numbers are never passed through here: they are dialled as written.
/// </summary>
public sealed class LocalFormats
{
    /// <summary>The digit sets languages.yaml may name, with their decimal and thousands separators.</summary>
    public static readonly IReadOnlyDictionary<string, (string Digits, string Decimal, string Group)> DigitSets =
        new Dictionary<string, (string, string, string)>
        {
            ["latn"] = ("0123456789", ".", ","),
            ["arab"] = ("٠١٢٣٤٥٦٧٨٩", "٫", "٬"),
            ["arabext"] = ("۰۱۲۳۴۵۶۷۸۹", "٫", "٬"),
        };

    private readonly LocalDatePattern _date;
    private readonly (string Digits, string Decimal, string Group) _digits;

    private readonly Action? _dateWritten;

    /// <param name="dateWritten">Told each time a date is written (its month names are catalogue strings, perhaps drafts).</param>
    public LocalFormats(Language language, Func<string, string?> text, Action? dateWritten = null)
    {
        _dateWritten = dateWritten;
        Language = language;
        _digits = DigitSets.GetValueOrDefault(language.Digits, DigitSets["latn"]);
        // A writable clone is never cached by NodaTime, so it cannot be mistaken for the invariant culture.
        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        var months = Enumerable.Range(1, 12).Select(m => text($"date.month.{m}") ?? English[m - 1]).Append("").ToArray();
        culture.DateTimeFormat.MonthNames = months;
        culture.DateTimeFormat.MonthGenitiveNames = months;
        var pattern = text("date.pattern") ?? "d MMMM yyyy";
        _date = Pattern(pattern, culture) ?? LocalDatePattern.Create("d MMMM yyyy", culture);
    }

    private static readonly string[] English =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    public Language Language { get; }

    /// <summary>A NodaTime long-date pattern, or null when it is not one (a catalogue check reports it).</summary>
    public static LocalDatePattern? Pattern(string pattern, CultureInfo? culture = null)
    {
        try
        {
            var p = LocalDatePattern.Create(pattern, culture ?? CultureInfo.InvariantCulture);
            return pattern.Contains("MMMM", StringComparison.Ordinal) && pattern.Contains('d') && pattern.Contains('y') ? p : null;
        }
        catch (InvalidPatternException)
        {
            return null;
        }
    }

    /// <summary>"15 June 2033" in English; "١٥ يونيو ٢٠٣٣" in Arabic.</summary>
    public string Date(LocalDate d)
    {
        _dateWritten?.Invoke();
        return Digits(_date.Format(d));
    }

    /// <summary>An amount in pounds (<see cref="Gbp"/>), in the language's digits and separators.</summary>
    public string Money(decimal gbp) => Number(Gbp.Format(gbp));

    /// <summary>
    /// A birthday's number: "21st" in English (and Easy Read); the number in the language's digits
    /// elsewhere, which its sentence words around ("when you turn 21"), so no language needs
    /// ordinal endings of its own.
    /// </summary>
    public string Ordinal(int n) =>
        Language.Tag.StartsWith("en", StringComparison.Ordinal) ? OfferViews.Ordinal(n) : Count(n);

    /// <summary>A whole number in the language's digits.</summary>
    public string Count(long n) => Digits(n.ToString(CultureInfo.InvariantCulture));

    /// <summary>Text with ASCII digits (and the separators of a number between them) in the language's own.</summary>
    public string Number(string text)
    {
        if (Language.Digits == "latn") return text;
        var b = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var betweenDigits = i > 0 && i + 1 < text.Length && char.IsAsciiDigit(text[i - 1]) && char.IsAsciiDigit(text[i + 1]);
            if (c == '.' && betweenDigits) b.Append(_digits.Decimal);
            else if (c == ',' && betweenDigits) b.Append(_digits.Group);
            else b.Append(char.IsAsciiDigit(c) ? _digits.Digits[c - '0'] : c);
        }
        return b.ToString();
    }

    private string Digits(string text) =>
        Language.Digits == "latn" ? text : string.Concat(text.Select(c => char.IsAsciiDigit(c) ? _digits.Digits[c - '0'] : c));
}
