using System.Xml;
using LocalOffer.Batch.Cohort;

namespace LocalOffer.Batch.Input;

/// <summary>
/// Reads the SSDA903 XML export, streaming: &lt;EXPSSDA903&gt;&lt;CHILD&gt;&lt;HEADER&gt;(CHILDID, DOB)
/// then &lt;EPISODE&gt;(DECOM, LS, PL, DEC, REC). Line and position of each element go to the rejects.
/// </summary>
public static class Ssda903XmlReader
{
    public static void Read(string path, CohortBuilder cohort)
    {
        using var text = InputFile.OpenText(path);
        using var xml = XmlReader.Create(text, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreWhitespace = true });
        var info = (IXmlLineInfo)xml;
        try
        {
            string? childId = null;
            while (xml.Read())
            {
                if (xml.NodeType != XmlNodeType.Element) continue;
                if (xml.Name == "HEADER")
                {
                    var line = info.LineNumber;
                    var fields = Fields(xml, info, "HEADER");
                    childId = fields.GetValueOrDefault("CHILDID").Text;
                    cohort.AddChild(path, line, fields.GetValueOrDefault("CHILDID", new FieldAt("", info.LinePosition)), fields.GetValueOrDefault("DOB", new FieldAt("", info.LinePosition)));
                }
                else if (xml.Name == "EPISODE")
                {
                    var line = info.LineNumber;
                    var pos = info.LinePosition;
                    var f = Fields(xml, info, "EPISODE");
                    FieldAt Get(string n) => f.GetValueOrDefault(n, new FieldAt("", pos));
                    cohort.AddEpisode(path, line, new FieldAt(childId ?? "", pos), Get("DECOM"), Get("DEC"), Get("LS"), Get("PL"), Get("REC"));
                }
                else if (xml.Name == "CHILD") childId = null;
            }
        }
        catch (XmlException e)
        {
            throw new UnreadableInputException($"{path}: line {e.LineNumber}, position {e.LinePosition}: not well-formed XML: {e.Message}");
        }
    }

    /// <summary>
    /// The simple child elements of the current element (text only), by name, with their
    /// positions. Nested groups (AREVIEW, OC2, ...) are skipped. Leaves the reader on the end tag.
    /// </summary>
    private static Dictionary<string, FieldAt> Fields(XmlReader xml, IXmlLineInfo info, string parent)
    {
        var result = new Dictionary<string, FieldAt>(StringComparer.OrdinalIgnoreCase);
        if (xml.IsEmptyElement) return result;
        var depth = xml.Depth;
        xml.Read();
        while (!xml.EOF && xml.Depth > depth)
        {
            if (xml.NodeType != XmlNodeType.Element) { xml.Read(); continue; }
            var name = xml.Name;
            var pos = info.LinePosition;
            if (xml.IsEmptyElement) { result[name] = new FieldAt("", pos); xml.Read(); continue; }
            xml.Read();
            if (xml.NodeType is XmlNodeType.Text or XmlNodeType.CDATA)
            {
                result[name] = new FieldAt(xml.Value, pos);
                xml.Read(); // the end tag
                xml.Read();
            }
            else if (xml.NodeType == XmlNodeType.EndElement) { result[name] = new FieldAt("", pos); xml.Read(); }
            else
            {
                // A nested group: skip to its end.
                var groupDepth = depth + 1;
                while (!xml.EOF && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == groupDepth)) xml.Read();
                xml.Read();
            }
        }
        return result;
    }
}
