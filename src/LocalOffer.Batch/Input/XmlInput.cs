using System.Text;
using System.Xml;
using LocalOffer.Batch.Cohort;

namespace LocalOffer.Batch.Input;

/// <summary>
/// The one way the SSDA903 XML export is read (episodes and OC3 alike), so its rules hold in every
/// reader: no DTD and no external entities (an export is data, never instructions to fetch
/// anything); a field that holds elements is not a value; a field given twice in one group
/// (two DOBs, two DECs) is refused rather than the last one silently winning, as JSON refuses a
/// repeated key (issue 24, item 8); a field longer than <see cref="MaxFieldChars"/> is refused, and
/// read in chunks so a 50 MB CHILDID never sits in memory whole. Each of these makes its group's
/// row a reject (line, position, the element named), and reading goes on.
/// </summary>
public static class XmlInput
{
    /// <summary>Longest field value: ids, dates and codes are short; a field far longer is not one.</summary>
    public const int MaxFieldChars = 1024;

    public static XmlReader Open(TextReader text) => XmlReader.Create(text, new XmlReaderSettings
    {
        DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreWhitespace = true, MaxCharactersInDocument = 0,
    });

    /// <summary>
    /// The simple child elements of the current element (text only), by name, with their
    /// positions. Groups that are not fields (AREVIEW, OC2, ...) are skipped. Problem is the first
    /// field named in <paramref name="fieldNames"/> that holds an element, is given twice or is too
    /// long (its position, and the reason). Leaves the reader on the end tag.
    /// </summary>
    public static (Dictionary<string, FieldAt> Fields, XmlFieldProblem? Problem) Fields(XmlReader xml, IXmlLineInfo info,
        IReadOnlySet<string> fieldNames)
    {
        var result = new Dictionary<string, FieldAt>(StringComparer.OrdinalIgnoreCase);
        XmlFieldProblem? problem = null;
        if (xml.IsEmptyElement) return (result, null);
        var depth = xml.Depth;
        xml.Read();
        var chunk = new char[4096];
        while (!xml.EOF && xml.Depth > depth)
        {
            if (xml.NodeType != XmlNodeType.Element) { xml.Read(); continue; }
            var name = xml.Name;
            var pos = info.LinePosition;
            var isField = fieldNames.Contains(name);
            var repeated = isField && result.ContainsKey(name);
            if (xml.IsEmptyElement)
            {
                if (repeated) problem ??= new XmlFieldProblem(name.ToUpperInvariant(), pos, "given twice");
                else result[name] = new FieldAt("", pos);
                xml.Read();
                continue;
            }
            // The element's content: its text (at most the cap kept), and whether any element is inside it.
            var elementDepth = xml.Depth;
            var text = new StringBuilder();
            var hasElement = false;
            var tooLong = false;
            xml.Read();
            while (!xml.EOF && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == elementDepth))
            {
                if (xml.NodeType == XmlNodeType.Element) hasElement = true;
                else if (xml.NodeType is XmlNodeType.Text or XmlNodeType.CDATA && xml.Depth == elementDepth + 1)
                {
                    int n;
                    while ((n = xml.ReadValueChunk(chunk, 0, chunk.Length)) > 0)
                        if (text.Length + n <= MaxFieldChars) text.Append(chunk, 0, n);
                        else tooLong = true;
                }
                xml.Read();
            }
            xml.Read(); // past the end tag
            if (!isField)
            {
                if (!hasElement) result.TryAdd(name, new FieldAt(text.ToString(), pos));
                continue; // a group such as AREVIEW, or a field no reader uses
            }
            var why = hasElement ? "holds elements, not a value" : repeated ? "given twice"
                : tooLong ? $"longer than {MaxFieldChars:N0} characters" : null;
            if (why is not null) problem ??= new XmlFieldProblem(name.ToUpperInvariant(), pos, why);
            else result[name] = new FieldAt(text.ToString(), pos);
        }
        return (result, problem);
    }
}

/// <summary>A field that makes its group's row a reject: the element, its position and why.</summary>
public sealed record XmlFieldProblem(string Element, int Column, string Why)
{
    /// <summary>The reason for the rejects, naming the element and, when known, the child.</summary>
    public string Reason(string? child) =>
        $"{Element} {Why}" + (string.IsNullOrEmpty(child) ? "" : $" (CHILD {Reject.Quote(child)})");
}
