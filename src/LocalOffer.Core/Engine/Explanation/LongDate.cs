using System.Text;
using LocalOffer.Core.Time;
using NodaTime;

namespace LocalOffer.Core.Engine;

/// <summary>
/// A date as the explanation writes it, "15 June 2029", or "still open" for none: formatted straight into the line
/// being built (an interpolated string's buffer or a StringBuilder), not made a string of its own first. The
/// explanation's 40-odd dates a check were a string each (issue 30). ToString gives the same words, for the
/// places that join strings with +.
/// </summary>
internal readonly struct LongDate(LocalDate? date) : ISpanFormattable
{
    private const string None = "still open";

    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format,
        IFormatProvider? provider)
    {
        if (date is { } d) return DateText.TryWriteLong(d, destination, out charsWritten);
        charsWritten = None.TryCopyTo(destination) ? None.Length : 0;
        return charsWritten > 0;
    }

    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

    public override string ToString() => date is { } d ? DateText.Long(d) : None;
}

internal static class LongDateAppend
{
    /// <summary>The date's words, "15 June 2029", added to <paramref name="b"/> with no string between.</summary>
    public static StringBuilder AppendLong(this StringBuilder b, LocalDate d)
    {
        Span<char> chars = stackalloc char[32];
        return DateText.TryWriteLong(d, chars, out var n) ? b.Append(chars[..n]) : b.Append(DateText.Long(d));
    }
}
