using System.Xml;

namespace LocalOffer.Offers.Render;

/// <summary>
/// An SVG drawing allowed into a page or used as a council's logo: well-formed XML of shapes and
/// text only. No script, no foreignObject or embedded HTML, no event handler attributes, no style
/// or link that leaves the drawing (a reference may only point inside it, "#id"), no DTD.
/// </summary>
public static class SafeSvg
{
    private static readonly HashSet<string> Elements = new(StringComparer.Ordinal)
    {
        "svg", "g", "title", "desc", "text", "tspan", "rect", "line", "path", "circle", "ellipse",
        "polyline", "polygon", "defs", "clipPath", "use", "linearGradient", "radialGradient", "stop",
    };

    /// <summary>The drawing as markup a template may write; throws when it is not allowed.</summary>
    public static SafeHtml Check(string svg)
    {
        var problems = Problems(svg);
        if (problems.Count > 0) throw new InvalidDataException("SVG not allowed: " + string.Join("; ", problems));
        return new SafeHtml(svg);
    }

    /// <summary>What is wrong with the drawing, each with its line (empty when it is allowed).</summary>
    public static IReadOnlyList<string> Problems(string svg)
    {
        var problems = new List<string>();
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = 1 << 20,
        };
        try
        {
            using var reader = XmlReader.Create(new StringReader(svg), settings);
            var info = (IXmlLineInfo)reader;
            var root = true;
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.ProcessingInstruction)
                    problems.Add($"line {info.LineNumber}: processing instruction <?{reader.Name}?>");
                if (reader.NodeType != XmlNodeType.Element) continue;
                if (root && reader.LocalName != "svg")
                    problems.Add($"line {info.LineNumber}: the drawing must start with <svg>");
                root = false;
                if (!Elements.Contains(reader.LocalName) || reader.NamespaceURI != "http://www.w3.org/2000/svg")
                    problems.Add($"line {info.LineNumber}: element <{reader.Name}> is not allowed");
                for (var more = reader.MoveToFirstAttribute(); more; more = reader.MoveToNextAttribute())
                {
                    var name = reader.LocalName.ToLowerInvariant();
                    var value = reader.Value.Trim();
                    if (name.StartsWith("on", StringComparison.Ordinal))
                        problems.Add($"line {info.LineNumber}: event attribute {reader.Name} is not allowed");
                    else if (name is "href" && !value.StartsWith('#'))
                        problems.Add($"line {info.LineNumber}: {reader.Name} must point inside the drawing (#id)");
                    else if (name is "style" || (value.Contains("url(", StringComparison.OrdinalIgnoreCase)
                        && !value.StartsWith("url(#", StringComparison.Ordinal)))
                        problems.Add($"line {info.LineNumber}: {reader.Name} may not hold style or an outside url()");
                }
                reader.MoveToElement();
            }
        }
        catch (XmlException e)
        {
            problems.Add($"line {e.LineNumber}: not well-formed XML ({e.Message})");
        }
        return problems;
    }
}
