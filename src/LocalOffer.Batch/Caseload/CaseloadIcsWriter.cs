using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NodaTime;

namespace LocalOffer.Batch.Caseload;

/// <summary>
/// The caseload as an iCalendar file (RFC 5545), so an adviser can import or subscribe in Outlook.
/// Issue 28: a calendar is read by day, so
/// - everything overdue is one event on the as-at date ("3 overdue: ..."), never on a past day a week
///   view does not show;
/// - a young person has one all-day event per day listing all that happens (the 18th birthday alone
///   had up to 8), with a reminder (VALARM) a week before where that is still ahead;
/// - the calendar carries its name (X-WR-CALNAME, and NAME from RFC 7986).
/// Written by hand (a small subset): TEXT values escaped (backslash, semicolon, comma, newline; 3.3.11),
/// lines folded at 75 octets (3.1), CRLF endings. UIDs are a hash of young person and date (and of the
/// calendar's name for the overdue event), so a re-run updates rather than duplicates, and no identifier
/// appears in them.
/// </summary>
public static class CaseloadIcsWriter
{
    /// <summary>How long before an item its reminder fires.</summary>
    public const int ReminderDays = 7;

    public static void Write(Stream output, IEnumerable<CaseloadEvent> events, Instant stamp, LocalDate asAt,
        string calendarName)
    {
        var w = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\r\n" };
        Line(w, "BEGIN:VCALENDAR");
        Line(w, "VERSION:2.0");
        Line(w, "PRODID:-//LocalOffer//Caseload//EN");
        Line(w, "CALSCALE:GREGORIAN");
        Line(w, "X-WR-CALNAME:" + Escape(calendarName));
        Line(w, "NAME:" + Escape(calendarName));
        var dtstamp = stamp.InUtc().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var all = events.ToList();
        var overdue = all.Where(e => e.Overdue).OrderBy(e => e.Due).ThenBy(e => e.Child, StringComparer.Ordinal).ToList();
        if (overdue.Count > 0)
        {
            // The summary names the first few; the description lists every one.
            var summary = $"{overdue.Count} overdue: " + string.Join("; ", overdue.Take(3).Select(e => $"{e.Child} {e.Title}"))
                + (overdue.Count > 3 ? $" and {overdue.Count - 3} more" : "");
            var desc = string.Join("\n", overdue.Select(e =>
                $"{e.Child}: {e.Title}, due {Words(e.Due)} ({-e.DaysLeft} {(e.DaysLeft == -1 ? "day" : "days")} overdue)"));
            Event(w, Hash($"overdue\n{calendarName}"), dtstamp, asAt, summary, desc, alarm: false);
        }
        foreach (var day in all.Where(e => !e.Overdue).GroupBy(e => (e.Child, e.Due)).OrderBy(g => g.Key.Due)
                     .ThenBy(g => g.Key.Child, StringComparer.Ordinal))
        {
            var items = day.ToList();
            var summary = items.Count == 1 ? $"{day.Key.Child}: {items[0].Title}"
                : $"{day.Key.Child}: {items[0].Title} and {items.Count - 1} more";
            var desc = string.Join("\n\n", items.Select(e =>
                $"{e.Title}\n{e.Changes}\n{string.Join("\n", e.Basis.Select(b => $"{b.Citation} {b.Url}"))}"));
            if (items[0].Extras?.Adviser is { } a) desc += $"\n\nAdviser: {a}";
            Event(w, Hash($"{day.Key.Child}\n{Date(day.Key.Due)}"), dtstamp, day.Key.Due, summary, desc,
                alarm: day.Key.Due.PlusDays(-ReminderDays) >= asAt);
        }
        Line(w, "END:VCALENDAR");
        w.Flush();
    }

    private static void Event(TextWriter w, string uid, string dtstamp, LocalDate day, string summary, string desc,
        bool alarm)
    {
        Line(w, "BEGIN:VEVENT");
        Line(w, $"UID:{uid}@localoffer");
        Line(w, $"DTSTAMP:{dtstamp}");
        Line(w, $"DTSTART;VALUE=DATE:{Date(day)}");
        Line(w, $"DTEND;VALUE=DATE:{Date(day.PlusDays(1))}");
        Line(w, "SUMMARY:" + Escape(summary));
        Line(w, "DESCRIPTION:" + Escape(desc));
        Line(w, "TRANSP:TRANSPARENT");
        if (alarm)
        {
            Line(w, "BEGIN:VALARM");
            Line(w, "ACTION:DISPLAY");
            Line(w, "DESCRIPTION:" + Escape($"In a week: {summary}"));
            Line(w, $"TRIGGER:-P{ReminderDays}D");
            Line(w, "END:VALARM");
        }
        Line(w, "END:VEVENT");
    }

    private static string Words(LocalDate d) => d.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    private static string Date(LocalDate d) => d.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    private static string Hash(string key) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..32].ToLowerInvariant();

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
