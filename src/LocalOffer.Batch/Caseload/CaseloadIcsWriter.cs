using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NodaTime;

namespace LocalOffer.Batch.Caseload;

/// <summary>
/// The caseload as an iCalendar file (RFC 5545): one all-day event per item, so an adviser can
/// import or subscribe in Outlook. Written by hand (a small subset): TEXT values escaped
/// (backslash, semicolon, comma, newline; 3.3.11), lines folded at 75 octets (3.1), CRLF endings.
/// UIDs are a hash of young person, event and date, so a re-run updates rather than duplicates,
/// and no identifier appears in them.
/// </summary>
public static class CaseloadIcsWriter
{
    public static void Write(Stream output, IEnumerable<CaseloadEvent> events, Instant stamp)
    {
        var w = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\r\n" };
        Line(w, "BEGIN:VCALENDAR");
        Line(w, "VERSION:2.0");
        Line(w, "PRODID:-//LocalOffer//Caseload//EN");
        Line(w, "CALSCALE:GREGORIAN");
        var dtstamp = stamp.InUtc().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        foreach (var e in events)
        {
            Line(w, "BEGIN:VEVENT");
            Line(w, $"UID:{Uid(e)}@localoffer");
            Line(w, $"DTSTAMP:{dtstamp}");
            Line(w, $"DTSTART;VALUE=DATE:{Date(e.Due)}");
            Line(w, $"DTEND;VALUE=DATE:{Date(e.Due.PlusDays(1))}");
            Line(w, "SUMMARY:" + Escape($"{e.Child}: {e.Title}"));
            var desc = $"{e.Changes}\n{string.Join("\n", e.Basis.Select(b => $"{b.Citation} {b.Url}"))}";
            if (e.Extras?.Adviser is { } a) desc += $"\nAdviser: {a}";
            Line(w, "DESCRIPTION:" + Escape(desc));
            Line(w, "TRANSP:TRANSPARENT");
            Line(w, "END:VEVENT");
        }
        Line(w, "END:VCALENDAR");
        w.Flush();
    }

    private static string Date(LocalDate d) => d.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    private static string Uid(CaseloadEvent e) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{e.Child}\n{e.Kind.Wire()}\n{e.Title}\n{Date(e.Due)}")))[..32].ToLowerInvariant();

    /// <summary>RFC 5545 3.3.11 TEXT: \\ \; \, and \n; other control characters dropped.</summary>
    public static string Escape(string s)
    {
        var b = new StringBuilder(s.Length + 8);
        foreach (var c in s)
            switch (c)
            {
                case '\\': b.Append(@"\\"); break;
                case ';': b.Append(@"\;"); break;
                case ',': b.Append(@"\,"); break;
                case '\n': b.Append(@"\n"); break;
                case < ' ' or '\x7f': break;
                default: b.Append(c); break;
            }
        return b.ToString();
    }

    /// <summary>Writes a content line folded at 75 octets (RFC 5545 3.1), never splitting a UTF-8 character.</summary>
    public static void Line(TextWriter w, string line)
    {
        var octets = 0;
        var first = true;
        for (var i = 0; i < line.Length; i++)
        {
            var n = char.IsHighSurrogate(line[i]) && i + 1 < line.Length ? 2 : 1;
            var size = Encoding.UTF8.GetByteCount(line.AsSpan(i, n));
            if (octets + size > (first ? 75 : 74))
            {
                w.Write("\r\n ");
                octets = 0;
                first = false;
            }
            w.Write(line.AsSpan(i, n));
            octets += size;
            i += n - 1;
        }
        w.Write("\r\n");
    }
}
