using System.Globalization;
using System.Net;
using System.Text;
using LocalOffer.Core.Engine;
using LocalOffer.Core.Rules;
using LocalOffer.Core.Time;
using NodaTime;

namespace LocalOffer.Web;

/// <summary>
/// The young person's categories from 14 to 25 as an inline SVG drawn on the server, with the
/// as-at date marked. It carries a title and description for screen readers, and the page also
/// shows the same spans as a table (the text alternative).
/// </summary>
public static class TimelineSvg
{
    private static readonly IReadOnlyDictionary<Status, (string Fill, string Name)> Colours = new Dictionary<Status, (string, string)>
    {
        [Status.None] = ("#f3f2f1", "none"),
        [Status.LookedAfter] = ("#5694ca", "looked after"),
        [Status.Eligible] = ("#1d70b8", "eligible"),
        [Status.Relevant] = ("#4c2c92", "relevant"),
        [Status.FormerRelevant] = ("#00703c", "former relevant"),
        [Status.Qualifying] = ("#f47738", "qualifying"),
    };

    public static string Render(Assessment a, EnglandLaw law)
    {
        var birthdays = law.Birthdays;
        var from = birthdays.Birthday(a.DateOfBirth, law.AgeCountingFrom);
        var to = birthdays.Birthday(a.DateOfBirth, law.AgeCareLeaverUntil);
        const int width = 640, left = 10, barTop = 20, barHeight = 36;
        double X(LocalDate d) => left + (width - 2 * left) * Math.Clamp(DateRange.DaysBetween(from, d) / (double)DateRange.DaysBetween(from, to), 0, 1);
        var svg = new StringBuilder();
        var desc = string.Join("; ", a.Timeline.Where(t => t.To > from).Select(t => $"{t.Status.Plain()} from {Show(t.From < from ? from : t.From)} until {Show(t.To)}"));
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} 124\" width=\"100%\" font-family=\"GDS Transport, arial, sans-serif\" role=\"img\" aria-labelledby=\"timeline-title timeline-desc\" focusable=\"false\">");
        svg.Append("<title id=\"timeline-title\">Care leaver categories from age 14 to 25</title>");
        svg.Append($"<desc id=\"timeline-desc\">{WebUtility.HtmlEncode(desc)}. The line marks {WebUtility.HtmlEncode(Show(a.AsAt))}.</desc>");
        foreach (var t in a.Timeline.Where(t => t.To > from && t.From < to))
        {
            var x1 = X(t.From);
            var x2 = X(t.To);
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x1:F1}\" y=\"{barTop}\" width=\"{Math.Max(0, x2 - x1):F1}\" height=\"{barHeight}\" fill=\"{Colours[t.Status].Fill}\" stroke=\"#0b0c0c\" stroke-width=\"0.5\"/>");
        }
        foreach (var age in law.MilestoneAges)
        {
            var x = X(birthdays.Birthday(a.DateOfBirth, age));
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{x:F1}\" y1=\"{barTop + barHeight}\" x2=\"{x:F1}\" y2=\"{barTop + barHeight + 6}\" stroke=\"#0b0c0c\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x:F1}\" y=\"{barTop + barHeight + 20}\" font-size=\"12\" text-anchor=\"middle\" fill=\"#0b0c0c\">{age}</text>");
        }
        if (a.AsAt >= from && a.AsAt <= to)
        {
            var x = X(a.AsAt);
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{x:F1}\" y1=\"8\" x2=\"{x:F1}\" y2=\"{barTop + barHeight + 4}\" stroke=\"#d4351c\" stroke-width=\"3\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x:F1}\" y=\"7\" font-size=\"11\" text-anchor=\"middle\" fill=\"#0b0c0c\">{WebUtility.HtmlEncode(Show(a.AsAt))}</text>");
        }
        // A key, so the colours are never the only way to tell the categories apart (WCAG 1.4.1).
        var legendX = (double)left;
        foreach (var status in a.Timeline.Where(t => t.To > from && t.From < to).Select(t => t.Status).Distinct())
        {
            var (fill, name) = Colours[status];
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{legendX:F1}\" y=\"104\" width=\"12\" height=\"12\" fill=\"{fill}\" stroke=\"#0b0c0c\" stroke-width=\"0.5\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{legendX + 16:F1}\" y=\"114\" font-size=\"11\" fill=\"#0b0c0c\">{WebUtility.HtmlEncode(name)}</text>");
            legendX += 30 + name.Length * 6.2;
        }
        svg.Append("</svg>");
        return svg.ToString();
    }

    private static string Show(LocalDate d) => d.ToString("d MMM yyyy", CultureInfo.InvariantCulture);
}
