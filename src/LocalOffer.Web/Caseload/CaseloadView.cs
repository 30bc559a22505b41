using System.Globalization;
using LocalOffer.Batch.Caseload;
using NodaTime;

namespace LocalOffer.Web.Caseload;

/// <summary>
/// The caseload page's model: counts, a table for overdue items and one per week, a section per
/// adviser and per team (the "show one adviser" links go to them), the rejects, and the CSV and
/// calendar downloads as data links in the page (so no copy is kept on the server to fetch later).
/// </summary>
public static class CaseloadView
{
    public static object Model(object site, CaseloadResult r, CaseloadOptions o)
    {
        var events = r.Events.Take(CaseloadLimits.MaxEvents).ToList();
        var advisers = Names(events, e => e.Extras?.Adviser);
        var teams = Names(events, e => e.Extras?.Team);
        var tables = new List<object>();
        var overdue = events.Where(e => e.Overdue).ToList();
        if (overdue.Count > 0) tables.Add(Table("Overdue", "overdue", overdue));
        foreach (var week in events.Where(e => !e.Overdue).GroupBy(e => CaseloadHtmlWriter.WeekOf(e.Due)))
            tables.Add(Table($"Week beginning {D(week.Key)}", $"week-{week.Key:yyyy-MM-dd}", week.ToList()));
        return new
        {
            site,
            pageTitle = "What is coming up",
            asAt = D(o.AsAt),
            within = o.WithinDays,
            adviser = o.Adviser,
            youngPeople = r.YoungPeople,
            count = r.Events.Count,
            truncated = r.Events.Count > CaseloadLimits.MaxEvents,
            maxEvents = CaseloadLimits.MaxEvents,
            notAssessed = r.NotAssessed,
            tables,
            advisers = advisers.Select((a, i) => new { name = a, anchor = $"adviser-{i + 1}" }).ToArray(),
            teams = teams.Select((a, i) => new { name = a, anchor = $"team-{i + 1}" }).ToArray(),
            adviserTables = advisers.Select((a, i) => Table($"Adviser: {a}", $"adviser-{i + 1}",
                events.Where(e => Same(e.Extras?.Adviser, a)).ToList())).ToArray(),
            teamTables = teams.Select((a, i) => Table($"Team: {a}", $"team-{i + 1}",
                events.Where(e => Same(e.Extras?.Team, a)).ToList())).ToArray(),
            rejectCount = r.Rejects.Count,
            rejects = r.Rejects.Take(CaseloadLimits.MaxRejectsShown).Select(x => new
            {
                file = x.File, line = x.Line, column = x.Column, field = x.Field, reason = x.Reason,
            }).ToArray(),
            rejectsTruncated = r.Rejects.Count > CaseloadLimits.MaxRejectsShown,
            csv = Downloads.DataLink("text/csv;charset=utf-8", s => CaseloadCsvWriter.Write(s, events)),
            ics = Calendar(events, o, o.Adviser),
            // Issue 28: each adviser downloads their own calendar, not every adviser's events.
            adviserCalendars = advisers.Select(a => new
            {
                name = a,
                ics = Calendar(events.Where(e => Same(e.Extras?.Adviser, a)).ToList(), o, a),
            }).ToArray(),
            summary = CaseloadSummary.ByAdviser(events).Select((s, i) => new
            {
                adviser = s.Adviser, youngPeople = s.YoungPeople, overdue = s.Overdue, week = s.DueWithinWeek,
                month = s.DueWithinMonth, items = s.Items,
            }).ToArray(),
        };
    }

    private static object Table(string caption, string id, List<CaseloadEvent> rows) => new
    {
        caption, id,
        rows = rows.Select(e => new
        {
            due = D(e.Due),
            days = e.DaysLeft switch { < 0 => $"{-e.DaysLeft} days overdue", 0 => "today", 1 => "in 1 day", var n => $"in {n} days" },
            child = e.Child, overdue = e.Overdue, title = e.Title, changes = e.Changes,
            law = e.Basis.Select(b => new { citation = b.Citation, url = b.Url }).ToArray(),
            adviser = e.Extras?.Adviser, team = e.Extras?.Team,
        }).ToArray(),
    };

    private static List<string> Names(IEnumerable<CaseloadEvent> events, Func<CaseloadEvent, string?> name) =>
        events.Select(name).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToList();

    private static bool Same(string? a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static string Calendar(IReadOnlyList<CaseloadEvent> events, CaseloadOptions o, string? adviser) =>
        Downloads.DataLink("text/calendar;charset=utf-8", s => CaseloadIcsWriter.Write(s, events,
            SystemClock.Instance.GetCurrentInstant(), o.AsAt, CaseloadCalendar.Name(adviser, o.Team)));

    private static string D(LocalDate d) => d.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}
