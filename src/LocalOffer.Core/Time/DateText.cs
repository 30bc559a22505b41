using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace LocalOffer.Core.Time;

/// <summary>
/// The two ways dates are written, "2026-06-15" (ISO, for files and JSON) and "15 June 2026" (for people),
/// with the characters of NodaTime's invariant patterns <c>yyyy-MM-dd</c> and <c>d MMMM yyyy</c> but without
/// going through them: an API answer writes some 80 dates and its explanation 40 more, and the pattern engine
/// (a cache look-up, a delegate a field, a StringBuilder) was about a tenth of the check's CPU under Native
/// AOT (issue 30, bench/README.md). Years 1 to 9999 of the ISO calendar (every date the program can
/// hold) are written here; anything else goes to NodaTime. <c>DateTextTests</c> holds both to the patterns.
/// </summary>
public static class DateText
{
    private static readonly LocalDatePattern IsoPattern = LocalDatePattern.CreateWithInvariantCulture("yyyy-MM-dd");
    private static readonly LocalDatePattern LongPattern = LocalDatePattern.CreateWithInvariantCulture("d MMMM yyyy");
    private static readonly string[] Months = CultureInfo.InvariantCulture.DateTimeFormat.MonthNames;

    private static bool Plain(LocalDate d) => d.Year is >= 1 and <= 9999 && d.Calendar == CalendarSystem.Iso;

    /// <summary>"2026-06-15".</summary>
    public static string Iso(LocalDate d)
    {
        if (!Plain(d)) return IsoPattern.Format(d);
        return string.Create(10, d, static (chars, d) => WriteIso(d, chars));
    }

    /// <summary>
    /// "2026-06-15" as the 10 bytes of its UTF-8 (what a JSON writer takes without transcoding), into
    /// <paramref name="utf8"/> (at least 10 long, or more for a date NodaTime writes); the bytes written.
    /// </summary>
    public static int IsoUtf8(LocalDate d, Span<byte> utf8)
    {
        if (!Plain(d)) return System.Text.Encoding.UTF8.GetBytes(IsoPattern.Format(d), utf8);
        Span<char> chars = stackalloc char[10];
        WriteIso(d, chars);
        for (var i = 0; i < 10; i++) utf8[i] = (byte)chars[i];
        return 10;
    }

    /// <summary>"15 June 2026".</summary>
    public static string Long(LocalDate d)
    {
        if (!Plain(d)) return LongPattern.Format(d);
        return string.Create(LongLength(d), d, static (chars, d) => WriteLong(d, chars));
    }

    /// <summary>
    /// "15 June 2026" into <paramref name="chars"/>, as <see cref="Long"/> writes it, without a string between: the
    /// explanation writes some 40 dates into its lines (issue 30). False, nothing written, when it does not fit.
    /// </summary>
    public static bool TryWriteLong(LocalDate d, Span<char> chars, out int written)
    {
        if (!Plain(d))
        {
            var text = LongPattern.Format(d);
            written = text.TryCopyTo(chars) ? text.Length : 0;
            return written > 0 || text.Length == 0;
        }
        written = LongLength(d);
        if (written > chars.Length) { written = 0; return false; }
        WriteLong(d, chars[..written]);
        return true;
    }

    // The length of "d MMMM yyyy" for a plain date.
    private static int LongLength(LocalDate d) => (d.Day < 10 ? 1 : 2) + 1 + Months[d.Month - 1].Length + 1 + 4;

    // "d MMMM yyyy" into chars, exactly LongLength(d) long.
    private static void WriteLong(LocalDate d, Span<char> chars)
    {
        var month = Months[d.Month - 1];
        var dayDigits = d.Day < 10 ? 1 : 2;
        if (dayDigits == 2) chars[0] = (char)('0' + d.Day / 10);
        chars[dayDigits - 1] = (char)('0' + d.Day % 10);
        chars[dayDigits] = ' ';
        month.AsSpan().CopyTo(chars[(dayDigits + 1)..]);
        chars[dayDigits + 1 + month.Length] = ' ';
        Year(d.Year, chars[^4..]);
    }

    private static void WriteIso(LocalDate d, Span<char> chars)
    {
        Year(d.Year, chars);
        chars[4] = '-';
        chars[5] = (char)('0' + d.Month / 10);
        chars[6] = (char)('0' + d.Month % 10);
        chars[7] = '-';
        chars[8] = (char)('0' + d.Day / 10);
        chars[9] = (char)('0' + d.Day % 10);
    }

    // Four digits, zero-padded: "yyyy" for years 1 to 9999.
    private static void Year(int year, Span<char> chars)
    {
        chars[0] = (char)('0' + year / 1000);
        chars[1] = (char)('0' + year / 100 % 10);
        chars[2] = (char)('0' + year / 10 % 10);
        chars[3] = (char)('0' + year % 10);
    }
}
