using System.Globalization;
using System.Net;
using System.Text;
using NodaTime;

namespace LocalOffer.Batch.Caseload;

/// <summary>
/// The caseload as an accessible GOV.UK-styled page, no JavaScript: a table per week (caption, scope
/// on headers, overdue first), and links to show one adviser's or one team's items. Every value is
/// HTML-encoded. <paramref name="filterLink"/> makes a filter link (the web app: a query string); when
/// null the page links to a section per adviser and per team further down the same page.
/// </summary>
public static class CaseloadHtmlWriter
{
    public static string Render(IReadOnlyList<CaseloadEvent> events, LocalDate asAt, int withinDays, string assets,
        Func<string, string, string>? filterLink = null, string? filteredBy = null)
    {
        var b = new StringBuilder();
        b.Append("<!DOCTYPE html>\n<html lang=\"en\" class=\"govuk-template\">\n<head>\n<meta charset=\"utf-8\">\n")
         .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
         .Append($"<title>Caseload: coming up from {D(asAt)}</title>\n")
         .Append($"<link rel=\"stylesheet\" href=\"{E(assets)}govuk-frontend.min.css\">\n</head>\n")
         .Append("<body class=\"govuk-template__body\">\n<div class=\"govuk-width-container\">\n")
         .Append("<main class=\"govuk-main-wrapper\" id=\"main-content\">\n")
         .Append($"<h1 class=\"govuk-heading-l\">Coming up in the next {withinDays} days</h1>\n")
         .Append($"<p class=\"govuk-body\">As at {D(asAt)}: {events.Count} item(s)")
         .Append(filteredBy is null ? "" : $" for {E(filteredBy)}").Append(". Dates are worked out from the care history and the law; " +
             "a review or assessment is listed from the last date recorded.</p>\n");
        var advisers = events.Select(e => e.Extras?.Adviser).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToList();
        var teams = events.Select(e => e.Extras?.Team).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToList();
        Filters(b, "adviser", advisers, filterLink);
        Filters(b, "team", teams, filterLink);
        if (events.Count == 0) b.Append("<p class=\"govuk-body\">Nothing falls due in this period.</p>\n");
        var overdue = events.Where(e => e.Overdue).ToList();
        if (overdue.Count > 0) Table(b, "Overdue", overdue, "overdue");
        foreach (var week in events.Where(e => !e.Overdue).GroupBy(e => WeekOf(e.Due)))
            Table(b, $"Week beginning {D(week.Key)}", week.ToList(), $"week-{week.Key:yyyy-MM-dd}");
        if (filterLink is null)
        {
            for (var i = 0; i < advisers.Count; i++)
                Table(b, $"Adviser: {advisers[i]}", events.Where(e => string.Equals(e.Extras?.Adviser, advisers[i], StringComparison.OrdinalIgnoreCase)).ToList(), $"adviser-{i + 1}");
            for (var i = 0; i < teams.Count; i++)
                Table(b, $"Team: {teams[i]}", events.Where(e => string.Equals(e.Extras?.Team, teams[i], StringComparison.OrdinalIgnoreCase)).ToList(), $"team-{i + 1}");
        }
        b.Append("</main>\n</div>\n</body>\n</html>\n");
        return b.ToString();
    }

    private static void Filters(StringBuilder b, string what, List<string> names, Func<string, string, string>? link)
    {
        if (names.Count == 0) return;
        b.Append($"<h2 class=\"govuk-heading-s\">Show one {what}</h2>\n<ul class=\"govuk-list\">\n");
        for (var i = 0; i < names.Count; i++)
            b.Append($"<li><a class=\"govuk-link\" href=\"{E(link?.Invoke(what, names[i]) ?? $"#{what}-{i + 1}")}\">{E(names[i])}</a></li>\n");
        b.Append("</ul>\n");
    }

    private static void Table(StringBuilder b, string caption, List<CaseloadEvent> rows, string id)
    {
        b.Append($"<table class=\"govuk-table\" id=\"{E(id)}\">\n<caption class=\"govuk-table__caption govuk-table__caption--m\">{E(caption)}</caption>\n")
         .Append("<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">");
        foreach (var h in new[] { "Due", "Young person", "What", "What changes", "Law", "Adviser", "Team" })
            b.Append($"<th scope=\"col\" class=\"govuk-table__header\">{h}</th>");
        b.Append("</tr></thead>\n<tbody class=\"govuk-table__body\">\n");
        foreach (var e in rows)
        {
            var days = e.DaysLeft switch { < 0 => $"{-e.DaysLeft} days overdue", 0 => "today", 1 => "in 1 day", var n => $"in {n} days" };
            b.Append("<tr class=\"govuk-table__row\">")
             .Append($"<td class=\"govuk-table__cell\">{D(e.Due)}<br><span class=\"govuk-body-s\">{days}</span></td>")
             .Append($"<th scope=\"row\" class=\"govuk-table__header\">{E(e.Child)}</th>")
             .Append($"<td class=\"govuk-table__cell\">{(e.Overdue ? "<strong class=\"govuk-tag govuk-tag--red\">Overdue</strong> " : "")}{E(e.Title)}</td>")
             .Append($"<td class=\"govuk-table__cell\">{E(e.Changes)}</td><td class=\"govuk-table__cell\">");
            b.Append(string.Join("<br>", e.Basis.Select(l => $"<a class=\"govuk-link\" href=\"{E(l.Url)}\">{E(l.Citation)}</a>")));
            b.Append($"</td><td class=\"govuk-table__cell\">{E(e.Extras?.Adviser ?? "")}</td><td class=\"govuk-table__cell\">{E(e.Extras?.Team ?? "")}</td></tr>\n");
        }
        b.Append("</tbody>\n</table>\n");
    }

    /// <summary>The Monday of the week the date falls in.</summary>
    public static LocalDate WeekOf(LocalDate d) => d.PlusDays(-((int)d.DayOfWeek - 1));

    private static string D(LocalDate d) => d.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
    private static string E(string s) => WebUtility.HtmlEncode(s);
}
