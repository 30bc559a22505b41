using System.Text;

namespace LocalOffer.Core.Safety;

/// <summary>
/// Text from an input made safe to echo to a terminal or a report: control characters (C0, C1,
/// DEL, so no ESC sequences), bidirectional overrides and lone surrogates are replaced by '?', and
/// anything longer than the cap is cut with "…" and the full length, so one bad field cannot
/// flood a screen or a rejects file (or spill a whole file of personal data into one message).
/// </summary>
public static class Printable
{
    public const int DefaultMax = 200;

    public static string Clean(string? text, int max = DefaultMax)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var clean = true;
        foreach (var c in text) if (IsUnsafe(c)) { clean = false; break; }
        if (clean && text.Length <= max) return text;
        var sb = new StringBuilder(Math.Min(text.Length, max) + 24);
        for (var i = 0; i < text.Length && sb.Length < max; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                sb.Append(c).Append(text[++i]);
                continue;
            }
            sb.Append(IsUnsafe(c) ? '?' : c);
        }
        if (text.Length > max) sb.Append($"… ({text.Length:N0} characters)");
        return sb.ToString();
    }

    private static bool IsUnsafe(char c) =>
        c < 0x20 || c is >= '\u007F' and <= '\u009F' || c is >= '\u202A' and <= '\u202E' || c is >= '\u2066' and <= '\u2069'
        || char.IsSurrogate(c);
}
