using System.Xml;
using LocalOffer.Batch.Cohort;
using LocalOffer.Core.Safety;

namespace LocalOffer.Batch.Input;

/// <summary>
/// Reads the SSDA903 XML export, streaming: &lt;EXPSSDA903&gt;&lt;CHILD&gt;&lt;HEADER&gt;(CHILDID, DOB)
/// then &lt;EPISODE&gt;(DECOM, LS, PL, DEC, REC). Line and position of each element go to the rejects.
/// Read through the one XML input layer (<see cref="XmlInput"/>): a field that holds elements, is
/// given twice or is too long rejects its row, naming the element and the child.
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
            using var xml = XmlInput.Open(text);
            var info = (IXmlLineInfo)xml;
            string? childId = null;
            while (xml.Read())
            {
                if (xml.NodeType != XmlNodeType.Element) continue;
                if (xml.Name == "HEADER")
                {
                    var line = info.LineNumber;
                    var pos = info.LinePosition;
                    var (fields, problem) = XmlInput.Fields(xml, info, HeaderFields);
                    childId = fields.GetValueOrDefault("CHILDID").Text;
                    if (problem is { } n) { cohort.RejectHeaderRow(path, line, n.Column, n.Reason(childId)); continue; }
                    cohort.AddChild(path, line, fields.GetValueOrDefault("CHILDID", new FieldAt("", pos)), fields.GetValueOrDefault("DOB", new FieldAt("", pos)));
                }
                else if (xml.Name == "EPISODE")
                {
                    var line = info.LineNumber;
                    var pos = info.LinePosition;
                    var (f, problem) = XmlInput.Fields(xml, info, EpisodeFields);
                    if (problem is { } n) { cohort.RejectEpisodeRow(path, line, n.Column, n.Reason(childId)); continue; }
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
}
