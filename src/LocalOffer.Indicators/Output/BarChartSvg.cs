using System.Globalization;
using System.Net;
using System.Text;

namespace LocalOffer.Indicators.Output;

/// <summary>One bar: its label and percent (null: not available or suppressed, drawn as a note, not a bar).</summary>
public sealed record Bar(string Label, decimal? Percent, string ValueText);

/// <summary>
/// A horizontal bar chart (0 to 100 percent) drawn on the server as inline SVG: a title and a
/// description list every value (the text alternative), and the page shows the same figures as a
/// table beside it. Every label is HTML-encoded here; the page includes the SVG unescaped.
/// Bars are labelled with their values, so colour never carries meaning on its own (WCAG 1.4.1).
/// Issue 28: the chart is drawn at its own width (<see cref="Width"/> units = CSS pixels, shrinking
/// only below that with `max-width: 100%`), each label on its own line above its bar, so its text is
/// body size (16 px) on a phone instead of 7 px from a 640-unit chart squeezed into 360 px.
/// </summary>
public static class BarChartSvg
{
    // GOV.UK text colour; bars are GOV.UK blue (this return) and dark grey (published figures).
    private const string Ink = "#0b0c0c";
    /// <summary>The width a 390 px phone gives the chart (its 15 px margins off), in units and pixels alike.</summary>
    public const int Width = 360;
    public const int FontSize = 16;

    public static string Render(string id, string title, IReadOnlyList<Bar> bars)
    {
        // Per bar: its label (one line), then the bar with its value after it; the value needs about 80 units.
        const int barArea = Width - 90, labelLine = 20, barHeight = 20, gap = 12, top = 4;
        const int rowHeight = labelLine + barHeight + gap;
        var height = top + rowHeight * bars.Count + 22;
        var desc = string.Join("; ", bars.Select(b => $"{b.Label}: {b.ValueText}"));
        var svg = new StringBuilder();
        void A(FormattableString part) => svg.Append(part.ToString(CultureInfo.InvariantCulture));
        A($"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {height}\" ");
        A($"width=\"{Width}\" height=\"{height}\" ");
        A($"class=\"lo-chart\" font-family=\"system-ui, sans-serif\" role=\"img\" ");
        A($"aria-labelledby=\"{id}-title {id}-desc\" focusable=\"false\">");
        A($"<title id=\"{id}-title\">{E(title)}</title><desc id=\"{id}-desc\">{E(desc)}</desc>");
        for (var i = 0; i < bars.Count; i++)
        {
            var b = bars[i];
            var y = top + i * rowHeight;
            A($"<text x=\"0\" y=\"{y + 15}\" font-size=\"{FontSize}\" fill=\"{Ink}\">{E(b.Label)}</text>");
            var w = b.Percent is { } p ? (double)Math.Clamp(p, 0, 100) / 100 * barArea : 0;
            var fill = i == 0 ? "#1d70b8" : "#505a5f";
            A($"<rect x=\"1\" y=\"{y + labelLine}\" width=\"{w:F1}\" height=\"{barHeight}\" fill=\"{fill}\"/>");
            A($"<text x=\"{w + 7:F1}\" y=\"{y + labelLine + 15}\" font-size=\"{FontSize}\" fill=\"{Ink}\">");
            A($"{E(b.ValueText)}</text>");
        }
        var axisY = top + rowHeight * bars.Count;
        A($"<line x1=\"1\" y1=\"{top + labelLine}\" x2=\"1\" y2=\"{axisY}\" stroke=\"{Ink}\"/>");
        foreach (var tick in new[] { 0, 50, 100 })
        {
            var x = 1 + tick / 100.0 * barArea;
            var anchor = tick == 0 ? "start" : "middle";
            A($"<text x=\"{x:F1}\" y=\"{axisY + 16}\" font-size=\"14\" text-anchor=\"{anchor}\" ");
            A($"fill=\"{Ink}\">{tick}%</text>");
        }
        svg.Append("</svg>");
        return svg.ToString();
    }

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
