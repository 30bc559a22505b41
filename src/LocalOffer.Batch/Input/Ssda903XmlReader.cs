using System.Xml;
using LocalOffer.Batch.Cohort;
using LocalOffer.Core.Safety;

namespace LocalOffer.Batch.Input;

/// <summary>
/// Reads the SSDA903 XML export, streaming: &lt;EXPSSDA903&gt;&lt;CHILD&gt;&lt;HEADER&gt;(CHILDID, DOB)
/// then &lt;EPISODE&gt;(DECOM, LS, PL, DEC, REC). Line and position of each element go to the rejects.
/// A field that holds elements (e.g. &lt;DOB&gt;2002&lt;X/&gt;&lt;/DOB&gt;) is not a value: its row is
/// rejected, never read with part of the field silently dropped.
/// </summary>
public static class Ssda903XmlReader
{
    private static readonly HashSet<string> HeaderFields = new(StringComparer.OrdinalIgnoreCase) { "CHILDID", "DOB" };
    private static readonly HashSet<string> EpisodeFields = new(StringComparer.OrdinalIgnoreCase) { "DECOM", "LS", "PL", "DEC", "REC" };

    public static void Read(string path, CohortBuilder cohort) => Read(InputSource.File(path), cohort);

    public static void Read(InputSource source, CohortBuilder cohort)
    {
        var path = source.Name;
        using var text = InputFile.OpenText(source);
        try
        {
            // Created inside the try: XmlReader.Create already reads (and decodes) the first block.
            using var xml = XmlReader.Create(text, new XmlReaderSettings
            {
                DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreWhitespace = true, MaxCharactersInDocument = 0,
            });
            var info = (IXmlLineInfo)xml;
            string? childId = null;
            while (xml.Read())
            {
                if (xml.NodeType != XmlNodeType.Element) continue;
                if (xml.Name == "HEADER")
                {
                    var line = info.LineNumber;
                    var pos = info.LinePosition;
                    var (fields, nested) = Fields(xml, info, HeaderFields);
                    childId = fields.GetValueOrDefault("CHILDID").Text;
                    if (nested is { } n) { cohort.RejectHeaderRow(path, line, n.Column, $"{n.Text} holds elements, not a value"); continue; }
                    cohort.AddChild(path, line, fields.GetValueOrDefault("CHILDID", new FieldAt("", pos)), fields.GetValueOrDefault("DOB", new FieldAt("", pos)));
                }
                else if (xml.Name == "EPISODE")
                {
                    var line = info.LineNumber;
                    var pos = info.LinePosition;
                    var (f, nested) = Fields(xml, info, EpisodeFields);
                    if (nested is { } n) { cohort.RejectEpisodeRow(path, line, n.Column, $"{n.Text} holds elements, not a value"); continue; }
                    FieldAt Get(string name) => f.GetValueOrDefault(name, new FieldAt("", pos));
                    cohort.AddEpisode(path, line, new FieldAt(childId ?? "", pos), Get("DECOM"), Get("DEC"), Get("LS"), Get("PL"), Get("REC"));
                }
                else if (xml.Name == "CHILD") childId = null;
            }
        }
        catch (XmlException e)
        {
            throw new UnreadableInputException($"{path}: line {e.LineNumber}, position {e.LinePosition}: not well-formed XML: {Printable.Clean(e.Message)}");
        }
        catch (Exception e) when (e is InvalidUtf8Exception or System.Text.DecoderFallbackException)
        {
            throw new UnreadableInputException($"{path}: not UTF-8 text; save the file as UTF-8 and run again");
        }
    }

    /// <summary>
    /// The simple child elements of the current element (text only), by name, with their
    /// positions. Groups that are not fields (AREVIEW, OC2, ...) are skipped; a field that holds
    /// an element is returned as Nested (its name and position). Leaves the reader on the end tag.
    /// </summary>
    private static (Dictionary<string, FieldAt> Fields, FieldAt? Nested) Fields(XmlReader xml, IXmlLineInfo info, HashSet<string> fieldNames)
    {
        var result = new Dictionary<string, FieldAt>(StringComparer.OrdinalIgnoreCase);
        FieldAt? nested = null;
        if (xml.IsEmptyElement) return (result, null);
        var depth = xml.Depth;
        xml.Read();
        while (!xml.EOF && xml.Depth > depth)
        {
            if (xml.NodeType != XmlNodeType.Element) { xml.Read(); continue; }
            var name = xml.Name;
            var pos = info.LinePosition;
            if (xml.IsEmptyElement) { result[name] = new FieldAt("", pos); xml.Read(); continue; }
            // The element's content: its text, and whether any element is inside it.
            var elementDepth = xml.Depth;
            var text = new System.Text.StringBuilder();
            var hasElement = false;
            xml.Read();
            while (!xml.EOF && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == elementDepth))
            {
                if (xml.NodeType == XmlNodeType.Element) hasElement = true;
                else if (xml.NodeType is XmlNodeType.Text or XmlNodeType.CDATA && xml.Depth == elementDepth + 1) text.Append(xml.Value);
                xml.Read();
            }
            xml.Read(); // past the end tag
            if (!hasElement) result[name] = new FieldAt(text.ToString(), pos);
            else if (fieldNames.Contains(name)) nested ??= new FieldAt(name.ToUpperInvariant(), pos);
            // else: a group such as AREVIEW, skipped.
        }
        return (result, nested);
    }
}
