using System.Globalization;

namespace LocalOffer.Core.Safety;

/// <summary>
/// Characters that cannot be seen but make two ids differ (issue 24, low): "0001" and "0001" with a
/// zero-width space are two children that look like one on every screen and report. An id (JSON
/// <c>id</c>, SSDA903 <c>CHILD</c>) holding one is refused, naming the character, never cleaned
/// silently (cleaning would merge two records). Refused: every format character (Unicode Cf: zero-width
/// space, joiners, BOM, soft hyphen, bidirectional marks, overrides U+202A-202E and isolates U+2066-2069),
/// every space but the ordinary one (NBSP, narrow and figure spaces), line and paragraph separators.
/// Ordinary spaces and tabs around a CSV value are still trimmed as before.
/// </summary>
public static class Invisible
{
    /// <summary>The index of the first invisible character in <paramref name="text"/>, or -1.</summary>
    public static int Find(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
            if (IsInvisible(text[i])) return i;
        return -1;
    }

    public static bool IsInvisible(char c) => c > '\u007F' && CharUnicodeInfo.GetUnicodeCategory(c) switch
    {
        UnicodeCategory.Format => true,
        UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator => true,
        _ => c == '\u115F' || c == '\u1160' || c == '\u3164' || c == '\uFFA0', // Hangul fillers: blank letters
    };

    /// <summary>"holds an invisible character (U+200B) at position 3": for an error naming its field.</summary>
    public static string? Problem(ReadOnlySpan<char> text)
    {
        var at = Find(text);
        return at < 0 ? null
            : $"holds an invisible character (U+{(int)text[at]:X4}) at position {at + 1}; " +
              "type the id again without it";
    }
}
