using System.Globalization;
using System.Net;
using System.Text;
using NodaTime;

namespace LocalOffer.WhatIf;

/// <summary>
/// One entitlement's young people on each month-end under both laws, as inline SVG bars drawn on the server: a
/// pair of bars a month (the law as it stands, dark grey; as changed, GOV.UK blue), a legend in words, a title and
/// a description giving the first and last figures (the text alternative). The report shows every figure in a
/// table beside it, so neither the colours nor the chart carry anything alone (WCAG 1.1.1, 1.4.1).
/// </summary>
public static class WhatIfChartSvg
{
    private const string Ink = "#0b0c0c", Baseline = "#505a5f", Changed = "#1d70b8";

    public static string Render(string id, string title, IReadOnlyList<LocalDate> ends, IReadOnlyList<long> baseline,
        IReadOnlyList<long> changed)
    {
        const int width = 640, left = 48, right = 8, top = 34, plot = 160, bottom = 36;
        var n = ends.Count;
        var max = Math.Max(1, Math.Max(baseline.Max(), changed.Max()));
        var step = (width - left - right) / (double)n;
        var bar = Math.Max(1, step * 0.4);
        var desc = $"{Month(ends[0])}: {baseline[0]:N0} as the law stands, {changed[0]:N0} as changed; " +
            $"{Month(ends[^1])}: {baseline[^1]:N0} as the law stands, {changed[^1]:N0} as changed.";
        var svg = new StringBuilder();
        void A(FormattableString part) => svg.Append(part.ToString(CultureInfo.InvariantCulture));
        A($"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {top + plot + bottom}\" width=\"100%\" ");
        A($"font-family=\"arial, sans-serif\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" focusable=\"false\">");
        A($"<title id=\"{id}-title\">{E(title)}</title><desc id=\"{id}-desc\">{E(desc)}</desc>");
        A($"<rect x=\"{left}\" y=\"6\" width=\"12\" height=\"12\" fill=\"{Baseline}\"/>");
        A($"<text x=\"{left + 18}\" y=\"16\" font-size=\"12\" fill=\"{Ink}\">The law as it stands</text>");
        A($"<rect x=\"{left + 170}\" y=\"6\" width=\"12\" height=\"12\" fill=\"{Changed}\"/>");
        A($"<text x=\"{left + 188}\" y=\"16\" font-size=\"12\" fill=\"{Ink}\">With the changes</text>");
        var axis = top + plot;
        for (var m = 0; m < n; m++)
        {
            var x = left + m * step + (step - 2 * bar) / 2;
            var hb = baseline[m] * (double)plot / max;
            var hc = changed[m] * (double)plot / max;
            A($"<rect x=\"{x:F1}\" y=\"{axis - hb:F1}\" width=\"{bar:F1}\" height=\"{hb:F1}\" fill=\"{Baseline}\"/>");
            A($"<rect x=\"{x + bar:F1}\" y=\"{axis - hc:F1}\" width=\"{bar:F1}\" height=\"{hc:F1}\" fill=\"{Changed}\"/>");
        }
        A($"<line x1=\"{left}\" y1=\"{axis}\" x2=\"{width - right}\" y2=\"{axis}\" stroke=\"{Ink}\"/>");
        A($"<line x1=\"{left}\" y1=\"{top}\" x2=\"{left}\" y2=\"{axis}\" stroke=\"{Ink}\"/>");
        A($"<text x=\"{left - 6}\" y=\"{top + 4}\" font-size=\"11\" text-anchor=\"end\" fill=\"{Ink}\">{max:N0}</text>");
        A($"<text x=\"{left - 6}\" y=\"{axis + 4}\" font-size=\"11\" text-anchor=\"end\" fill=\"{Ink}\">0</text>");
        // A label every few months, so they never overlap (about eight across).
        var every = Math.Max(1, (int)Math.Ceiling(n / 8.0));
        for (var m = 0; m < n; m += every)
        {
            A($"<text x=\"{left + (m + 0.5) * step:F1}\" y=\"{axis + 16}\" font-size=\"11\" text-anchor=\"middle\" ");
            A($"fill=\"{Ink}\">{E(Month(ends[m]))}</text>");
        }
        svg.Append("</svg>");
        return svg.ToString();
    }

    private static string Month(LocalDate d) => d.ToString("MMM yyyy", CultureInfo.InvariantCulture);

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
