using System.Xml;
using LocalOffer.Batch.Input;

namespace LocalOffer.Indicators.Input;

/// <summary>
/// Reads the OC3 group of the SSDA903 XML export, streaming:
/// &lt;CHILD&gt;&lt;HEADER&gt;&lt;CHILDID/&gt;&lt;DOB/&gt;...&lt;/HEADER&gt;...&lt;OC3&gt;&lt;IN_TOUCH/&gt;&lt;ACTIV/&gt;&lt;ACCOM/&gt;&lt;/OC3&gt;.
/// The young person's CHILDID and DOB come from the HEADER of the same CHILD; the row's line is the
/// OC3 element's. The episodes are read by the batch reader (<see cref="Ssda903XmlReader"/>).
/// </summary>
public static class Oc3XmlReader
{
    public static void Read(string path, List<Oc3Row> rows)
    {
        using var text = InputFile.OpenText(path);
        // No DTD, no external entities: an export is data, never instructions to fetch anything.
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreWhitespace = true };
        using var xml = XmlReader.Create(text, settings);
        var info = (IXmlLineInfo)xml;
        try
        {
            string childId = "", dob = "";
            while (xml.Read())
            {
                if (xml.NodeType != XmlNodeType.Element) continue;
                if (xml.Name == "CHILD") { childId = ""; dob = ""; }
                else if (xml.Name == "HEADER")
                {
                    var f = Fields(xml);
                    childId = f.GetValueOrDefault("CHILDID", "");
                    dob = f.GetValueOrDefault("DOB", "");
                }
                else if (xml.Name == "OC3")
                {
                    var line = info.LineNumber;
                    var pos = info.LinePosition;
                    var f = Fields(xml);
                    string Code(string name) => f.GetValueOrDefault(name, "").ToUpperInvariant();
                    // The XML export has no columns: every field of the row is named at the OC3 element.
                    rows.Add(new Oc3Row(path, line, childId, pos, dob, pos, Code("IN_TOUCH"), pos, Code("ACTIV"), pos,
                        Code("ACCOM"), pos));
                }
            }
        }
        catch (XmlException e)
        {
            throw new UnreadableInputException(
                $"{path}: line {e.LineNumber}, position {e.LinePosition}: not well-formed XML: {e.Message}");
        }
    }

    /// <summary>The simple child elements of the current element, by name (text trimmed); groups skipped.</summary>
    private static Dictionary<string, string> Fields(XmlReader xml)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (xml.IsEmptyElement) return result;
        using var sub = xml.ReadSubtree();
        sub.Read();
        var depth = sub.Depth;
        while (sub.Read())
        {
            if (sub.NodeType != XmlNodeType.Element || sub.Depth != depth + 1) continue;
            var name = sub.Name;
            if (sub.IsEmptyElement) { result[name] = ""; continue; }
            sub.Read();
            if (sub.NodeType is XmlNodeType.Text or XmlNodeType.CDATA) result[name] = sub.Value.Trim();
            else if (sub.NodeType == XmlNodeType.EndElement) result[name] = "";
        }
        return result;
    }
}
