using System.Xml;
using LocalOffer.Batch.Input;
using LocalOffer.Core.Safety;

namespace LocalOffer.Indicators.Input;

/// <summary>
/// Reads the OC3 group of the SSDA903 XML export, streaming:
/// &lt;CHILD&gt;&lt;HEADER&gt;&lt;CHILDID/&gt;&lt;DOB/&gt;...&lt;/HEADER&gt;...
/// &lt;OC3&gt;&lt;IN_TOUCH/&gt;&lt;ACTIV/&gt;&lt;ACCOM/&gt;&lt;/OC3&gt;.
/// The young person's CHILDID and DOB come from the HEADER of the same CHILD; the row's line is the
/// OC3 element's. The episodes are read by the batch reader (<see cref="Ssda903XmlReader"/>). Read
/// through the one XML input layer (<see cref="XmlInput"/>): a field given twice, holding elements
/// or too long rejects the row, naming the element and the child.
/// </summary>
public static class Oc3XmlReader
{
    private static readonly HashSet<string> HeaderFields = new(StringComparer.OrdinalIgnoreCase) { "CHILDID", "DOB" };
    private static readonly HashSet<string> Oc3Fields =
        new(StringComparer.OrdinalIgnoreCase) { "IN_TOUCH", "ACTIV", "ACCOM" };

    public static void Read(string path, List<Oc3Row> rows)
    {
        using var text = InputFile.OpenText(path);
        try
        {
            using var xml = XmlInput.Open(text);
            var info = (IXmlLineInfo)xml;
            string childId = "", dob = "";
            XmlFieldProblem? headerProblem = null;
            while (xml.Read())
            {
                if (xml.NodeType != XmlNodeType.Element) continue;
                if (xml.Name == "CHILD") { childId = ""; dob = ""; headerProblem = null; }
                else if (xml.Name == "HEADER")
                {
                    (var f, headerProblem) = XmlInput.Fields(xml, info, HeaderFields);
                    childId = f.GetValueOrDefault("CHILDID").Text?.Trim() ?? "";
                    dob = f.GetValueOrDefault("DOB").Text?.Trim() ?? "";
                }
                else if (xml.Name == "OC3")
                {
                    var line = info.LineNumber;
                    var pos = info.LinePosition;
                    var (f, problem) = XmlInput.Fields(xml, info, Oc3Fields);
                    // A HEADER field given twice leaves the young person unknown: their OC3 row is rejected too.
                    if ((problem ?? headerProblem) is { } p)
                    {
                        rows.Add(new Oc3Row(path, line, "", p.Column, "", p.Column, "", p.Column, "", p.Column, "",
                            p.Column, p.Reason(childId)));
                        continue;
                    }
                    string Code(string name) => (f.GetValueOrDefault(name).Text ?? "").Trim().ToUpperInvariant();
                    // The XML export has no columns: every field of the row is named at the OC3 element.
                    rows.Add(new Oc3Row(path, line, childId, pos, dob, pos, Code("IN_TOUCH"), pos, Code("ACTIV"), pos,
                        Code("ACCOM"), pos));
                }
            }
        }
        catch (XmlException e)
        {
            throw new UnreadableInputException(
                $"{path}: line {e.LineNumber}, position {e.LinePosition}: not well-formed XML: " +
                Printable.Clean(e.Message));
        }
        // Found by the fuzz suite (issue 24): bytes that are not UTF-8 escaped without the file's name,
        // unlike the episodes' XML reader; the same refusal as every other reader now.
        catch (Exception e) when (e is InvalidUtf8Exception or System.Text.DecoderFallbackException)
        {
            throw new UnreadableInputException($"{path}: not UTF-8 text; save the file as UTF-8 and run again");
        }
    }
}
