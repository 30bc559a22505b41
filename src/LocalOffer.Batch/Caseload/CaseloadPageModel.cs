using LocalOffer.Batch.Input;
using LocalOffer.Batch.Output;
using NodaTime;

namespace LocalOffer.Batch.Caseload;

/// <summary>
/// What the caseload page shows, for the web app (templates/web/caseload) and the command's HTML
/// (templates/caseload/index), both through templates/caseload/_body (issue 28). A manager reads it top
/// down: the counts, the downloads, the rows not used (folded, near the top), a summary line per adviser,
/// then each item once: in its adviser's section when the caseload file names advisers, otherwise in the
/// overdue table and a table per week. The CSV and calendars are data links in the page, so no copy is
/// kept anywhere to fetch later.
/// </summary>
public static class CaseloadPageModel
{
    public static object Build(CaseloadResult r, CaseloadOptions o, int maxEvents, int maxRejectsShown, Instant now)
    {
        var events = r.Events.Take(maxEvents).ToList();
        var summary = CaseloadSummary.ByAdviser(events);
        var byAdviser = events.Any(e => !string.IsNullOrWhiteSpace(e.Extras?.Adviser));
        var sections = byAdviser ? AdviserSections(events, summary, o, now) : WeekSections(events);
        return new
        {
            asAt = D(o.AsAt),
            within = o.WithinDays,
            filter = o.Adviser ?? o.Team,
            youngPeople = r.YoungPeople,
            count = r.Events.Count,
            truncated = r.Events.Count > maxEvents,
            maxEvents,
            notAssessed = r.NotAssessed,
            byAdviser,
            sections,
            summary = byAdviser ? summary.Select((s, i) => Line(s, $"adviser-{i + 1}")).ToArray() : [],
            total = Line(CaseloadSummary.Total(events), null),
            rejectCount = r.Rejects.Count,
            rejects = r.Rejects.Take(maxRejectsShown).Select(x => new
            {
                file = x.File, line = x.Line, field = x.Field,
                reason = LocalOffer.Core.Output.DatesInWords.Replace(x.Reason),
            }).ToArray(),
            rejectsTruncated = r.Rejects.Count > maxRejectsShown,
            maxRejectsShown,
            csv = DataLink.Of("text/csv;charset=utf-8", s => CaseloadCsvWriter.Write(s, events)),
            ics = Calendar(events, o, o.Adviser, now),
        };
    }

    private static object Line(AdviserSummary s, string? anchor) => new
    {
        adviser = s.Adviser, anchor, youngPeople = s.YoungPeople, overdue = s.Overdue,
        week = s.DueWithinWeek, month = s.DueWithinMonth, items = s.Items,
    };

    // One section per adviser in the summary's order (the young people with no adviser last), each
    // holding that adviser's items once, overdue first then by date, with their own calendar.
    private static object[] AdviserSections(List<CaseloadEvent> events, IReadOnlyList<AdviserSummary> summary,
        CaseloadOptions o, Instant now)
    {
        var groups = events.GroupBy(e => AdviserOf(e), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.OrdinalIgnoreCase);
        return summary.Select((s, i) =>
        {
            var key = s.Adviser == CaseloadSummary.NoAdviser && !groups.ContainsKey(s.Adviser) ? "" : s.Adviser;
            var rows = groups.TryGetValue(key, out var list) ? list : groups[""];
            var teams = rows.Select(e => e.Extras?.Team?.Trim()).Where(t => !string.IsNullOrEmpty(t))
                .Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToArray();
            return (object)new
            {
                id = $"adviser-{i + 1}",
                heading = s.Adviser,
                teams = string.Join(", ", teams),
                line = Line(s, null),
                ics = key.Length == 0 ? null : Calendar(rows, o, s.Adviser, now),
                tables = new[] { Table($"{s.Adviser}: what falls due", $"adviser-{i + 1}-items", Ordered(rows)) },
            };
        }).ToArray();
    }

    // No advisers named: the overdue items, then a table per week (Monday to Sunday).
    private static object[] WeekSections(List<CaseloadEvent> events)
    {
        var tables = new List<object>();
        var overdue = events.Where(e => e.Overdue).ToList();
        if (overdue.Count > 0) tables.Add(Table("Overdue", "overdue", overdue));
        foreach (var week in events.Where(e => !e.Overdue).GroupBy(e => WeekOf(e.Due)))
            tables.Add(Table($"Week beginning {D(week.Key)}", $"week-{week.Key:yyyy-MM-dd}", week.ToList()));
        return tables.Count == 0 ? [] : [new { id = "items", heading = (string?)null, tables }];
    }

    private static string AdviserOf(CaseloadEvent e) =>
        string.IsNullOrWhiteSpace(e.Extras?.Adviser) ? "" : e.Extras!.Adviser!.Trim();

    private static List<CaseloadEvent> Ordered(List<CaseloadEvent> rows) =>
        rows.OrderBy(e => !e.Overdue).ThenBy(e => e.Due).ThenBy(e => e.Child, StringComparer.Ordinal).ToList();

    private static object Table(string caption, string id, List<CaseloadEvent> rows) => new
    {
        caption, id,
        rows = rows.Select(e => new
        {
            due = D(e.Due),
            days = e.DaysLeft switch
            {
                < 0 => $"{-e.DaysLeft} days overdue", 0 => "today", 1 => "in 1 day", var n => $"in {n} days",
            },
            child = e.Child, overdue = e.Overdue, title = e.Title, changes = e.Changes,
            law = e.Basis.Select(b => new { citation = b.Citation, url = b.Url }).ToArray(),
            team = e.Extras?.Team,
        }).ToArray(),
    };

    /// <summary>The Monday of the week the date falls in.</summary>
    public static LocalDate WeekOf(LocalDate d) => d.PlusDays(-((int)d.DayOfWeek - 1));

    private static string Calendar(IReadOnlyList<CaseloadEvent> events, CaseloadOptions o, string? adviser,
        Instant now) =>
        DataLink.Of("text/calendar;charset=utf-8", s => CaseloadIcsWriter.Write(s, events, now, o.AsAt,
            CaseloadCalendar.Name(adviser, o.Team)));

    private static string D(LocalDate d) => LocalOffer.Core.Output.DatesInWords.Format(d);
}
