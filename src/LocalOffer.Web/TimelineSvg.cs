using System.Globalization;
using System.Net;
using System.Text;
using LocalOffer.Core.Engine;
using LocalOffer.Core.Rules;
using LocalOffer.Core.Time;
using NodaTime;

namespace LocalOffer.Web;

/// <summary>
/// The young person's categories from 14 to 25 as an inline SVG drawn on the server: one lane per
/// category, each named in text above its bar, so colour is never the only cue (WCAG 1.4.1); the
/// date checked is a line across the lanes with its date written beside it, on the side with room,
/// so it is never clipped. The drawing is 360 units wide, a phone's width, so its words are at body
/// text size on a phone (CSS caps its width on larger screens). Every fill has at least 3:1 contrast
/// with white (WCAG 1.4.11). The page shows the same spans as a table, before the picture.
/// </summary>
public static class TimelineSvg
{
    private static readonly IReadOnlyDictionary<Status, string> Fills = new Dictionary<Status, string>
    {
        [Status.None] = "#6f777b",
        [Status.LookedAfter] = "#5694ca",
        [Status.Eligible] = "#1d70b8",
        [Status.Relevant] = "#4c2c92",
        [Status.FormerRelevant] = "#00703c",
        [Status.Qualifying] = "#a34700",
    };

    private const int Width = 360, Left = 8, LaneLabel = 18, Bar = 16, LaneGap = 8, FontSize = 16, SmallFont = 14;

    public static string Render(Assessment a, EnglandLaw law)
    {
        var birthdays = law.Birthdays;
        var from = birthdays.Birthday(a.DateOfBirth, law.AgeCountingFrom);
        var to = birthdays.Birthday(a.DateOfBirth, law.AgeCareLeaverUntil);
        double X(LocalDate d) => Left + (Width - 2 * Left) *
            Math.Clamp(DateRange.DaysBetween(from, d) / (double)DateRange.DaysBetween(from, to), 0, 1);
        var spans = a.Timeline.Where(t => t.To > from && t.From < to).ToList();
        var lanes = spans.Select(t => t.Status).Distinct().ToList();
        var laneHeight = LaneLabel + Bar + LaneGap;
        var axisTop = 8 + lanes.Count * laneHeight;
        var height = axisTop + 52;
        var svg = new StringBuilder();
        var desc = string.Join("; ", spans.Select(t =>
            $"{t.Status.Plain()} from {Show(t.From < from ? from : t.From)} until {Show(t.To)}"));
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {height}\" class=\"lo-timeline\" ")
            .Append("role=\"img\" aria-labelledby=\"timeline-title timeline-desc\" focusable=\"false\">");
        svg.Append("<title id=\"timeline-title\">Care leaver categories from age 14 to 25</title>");
        svg.Append($"<desc id=\"timeline-desc\">{WebUtility.HtmlEncode(desc)}. ")
            .Append($"The line marks {WebUtility.HtmlEncode(Show(a.AsAt))}.</desc>");
        for (var i = 0; i < lanes.Count; i++)
        {
            var top = 8 + i * laneHeight;
            svg.Append(CultureInfo.InvariantCulture,
                $"<text x=\"{Left}\" y=\"{top + LaneLabel - 4}\" font-size=\"{FontSize}\" fill=\"#0b0c0c\">" +
                $"{WebUtility.HtmlEncode(Name(lanes[i]))}</text>");
            svg.Append(CultureInfo.InvariantCulture,
                $"<rect x=\"{Left}\" y=\"{top + LaneLabel}\" width=\"{Width - 2 * Left}\" height=\"{Bar}\" " +
                $"fill=\"#ffffff\" stroke=\"#b1b4b6\"/>");
            foreach (var t in spans.Where(t => t.Status == lanes[i]))
            {
                var x1 = X(t.From);
                var x2 = X(t.To);
                svg.Append(CultureInfo.InvariantCulture,
                    $"<rect x=\"{x1:F1}\" y=\"{top + LaneLabel}\" width=\"{Math.Max(1.5, x2 - x1):F1}\" " +
                    $"height=\"{Bar}\" fill=\"{Fills[t.Status]}\"/>");
            }
        }
        foreach (var age in law.MilestoneAges)
        {
            var x = X(birthdays.Birthday(a.DateOfBirth, age));
            var anchor = age == law.MilestoneAges[0] ? "start" : age == law.MilestoneAges[^1] ? "end" : "middle";
            svg.Append(CultureInfo.InvariantCulture,
                $"<line x1=\"{x:F1}\" y1=\"{axisTop - LaneGap}\" x2=\"{x:F1}\" y2=\"{axisTop}\" stroke=\"#0b0c0c\"/>");
            svg.Append(CultureInfo.InvariantCulture,
                $"<text x=\"{x:F1}\" y=\"{axisTop + 16}\" font-size=\"{SmallFont}\" text-anchor=\"{anchor}\" " +
                $"fill=\"#0b0c0c\">{age}</text>");
        }
        if (a.AsAt >= from && a.AsAt <= to)
        {
            var x = X(a.AsAt);
            // The date goes on the side of the line with room, so it is never cut off at either end.
            var anchor = x > Width / 2.0 ? "end" : "start";
            var tx = anchor == "end" ? x - 4 : x + 4;
            svg.Append(CultureInfo.InvariantCulture,
                $"<line x1=\"{x:F1}\" y1=\"4\" x2=\"{x:F1}\" y2=\"{axisTop + 24}\" " +
                $"stroke=\"#d4351c\" stroke-width=\"3\"/>");
            svg.Append(CultureInfo.InvariantCulture,
                $"<text x=\"{tx:F1}\" y=\"{axisTop + 40}\" font-size=\"{SmallFont}\" text-anchor=\"{anchor}\" " +
                $"fill=\"#0b0c0c\">" +
                $"{WebUtility.HtmlEncode(Show(a.AsAt))}</text>");
        }
        svg.Append("</svg>");
        return svg.ToString();
    }

    private static string Name(Status s) => s switch
    {
        Status.None => "not a care leaver",
        _ => s.Plain().Split(" (")[0],
    };

    private static string Show(LocalDate d) => d.ToString("d MMM yyyy", CultureInfo.InvariantCulture);
}
