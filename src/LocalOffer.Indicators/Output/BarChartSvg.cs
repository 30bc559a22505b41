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
/// </summary>
public static class BarChartSvg
{
    // GOV.UK text colour; bars are GOV.UK blue (this return) and dark grey (published figures).
    private const string Ink = "#0b0c0c";

    public static string Render(string id, string title, IReadOnlyList<Bar> bars)
    {
        const int width = 640, labelWidth = 250, barArea = 300, rowHeight = 30, top = 8;
        var height = top * 2 + rowHeight * bars.Count + 18;
        var desc = string.Join("; ", bars.Select(b => $"{b.Label}: {b.ValueText}"));
        var svg = new StringBuilder();
        void A(FormattableString part) => svg.Append(part.ToString(CultureInfo.InvariantCulture));
        A($"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" width=\"100%\" ");
        A($"font-family=\"GDS Transport, arial, sans-serif\" role=\"img\" ");
        A($"aria-labelledby=\"{id}-title {id}-desc\" focusable=\"false\">");
        A($"<title id=\"{id}-title\">{E(title)}</title><desc id=\"{id}-desc\">{E(desc)}</desc>");
        for (var i = 0; i < bars.Count; i++)
        {
            var b = bars[i];
            var y = top + i * rowHeight;
            A($"<text x=\"{labelWidth - 8}\" y=\"{y + 19}\" font-size=\"13\" text-anchor=\"end\" fill=\"{Ink}\">{E(b.Label)}</text>");
            var w = b.Percent is { } p ? (double)Math.Clamp(p, 0, 100) / 100 * barArea : 0;
            var fill = i == 0 ? "#1d70b8" : "#505a5f";
            A($"<rect x=\"{labelWidth}\" y=\"{y + 4}\" width=\"{w:F1}\" height=\"{rowHeight - 8}\" fill=\"{fill}\"/>");
            A($"<text x=\"{labelWidth + w + 6:F1}\" y=\"{y + 19}\" font-size=\"13\" fill=\"{Ink}\">{E(b.ValueText)}</text>");
        }
        var axisY = top + rowHeight * bars.Count;
        A($"<line x1=\"{labelWidth}\" y1=\"{top}\" x2=\"{labelWidth}\" y2=\"{axisY}\" stroke=\"{Ink}\"/>");
        foreach (var tick in new[] { 0, 50, 100 })
        {
            var x = labelWidth + tick / 100.0 * barArea;
            A($"<text x=\"{x:F1}\" y=\"{axisY + 14}\" font-size=\"11\" text-anchor=\"middle\" fill=\"{Ink}\">{tick}%</text>");
        }
        svg.Append("</svg>");
        return svg.ToString();
    }

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
