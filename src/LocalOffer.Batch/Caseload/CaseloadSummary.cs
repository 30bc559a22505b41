namespace LocalOffer.Batch.Caseload;

/// <summary>One adviser's line in a manager's summary (issue 28): what is overdue and what falls due soon.</summary>
public sealed record AdviserSummary(string Adviser, int YoungPeople, int Overdue, int DueWithinWeek, int DueWithinMonth,
    int Items);

/// <summary>
/// The manager's summary of a caseload, one line per adviser, shared by the spreadsheet and the web page so
/// both count the same way. "Within a week" is due in the 7 days from the as-at date (days left 0 to 6),
/// "within a month" in the 30 days (0 to 29), so each is a fixed window whatever the weekday or month.
/// Young people are those with at least one item listed (the caseload file says who is held; the events
/// say who has something to do).
/// </summary>
public static class CaseloadSummary
{
    public const int WeekDays = 7;
    public const int MonthDays = 30;
    /// <summary>The line for young people whose caseload row names no adviser.</summary>
    public const string NoAdviser = "No adviser";

    public static IReadOnlyList<AdviserSummary> ByAdviser(IEnumerable<CaseloadEvent> events) =>
        events.GroupBy(e => string.IsNullOrWhiteSpace(e.Extras?.Adviser) ? "" : e.Extras!.Adviser!.Trim(),
                StringComparer.OrdinalIgnoreCase)
            .OrderBy(g => g.Key.Length == 0).ThenBy(g => g.Key, StringComparer.OrdinalIgnoreCase)
            .Select(g => Line(g.Key.Length == 0 ? NoAdviser : g.First().Extras!.Adviser!.Trim(), g.ToList()))
            .ToList();

    /// <summary>Every adviser together: the table's last line.</summary>
    public static AdviserSummary Total(IReadOnlyCollection<CaseloadEvent> events) => Line("All advisers", events);

    private static AdviserSummary Line(string name, IReadOnlyCollection<CaseloadEvent> items) => new(
        name,
        items.Select(e => e.Child).Distinct(StringComparer.Ordinal).Count(),
        items.Count(e => e.Overdue),
        items.Count(e => e.DaysLeft is >= 0 and < WeekDays),
        items.Count(e => e.DaysLeft is >= 0 and < MonthDays),
        items.Count);
}
