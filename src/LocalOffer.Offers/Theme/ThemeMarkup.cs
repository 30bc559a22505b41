using System.Text.RegularExpressions;

namespace LocalOffer.Offers.Theme;

/// <summary>
/// What a council's header or footer template may hold as literal markup (its {{ values }} are
/// escaped anyway): a few text and link elements, balanced, with plain attributes. No script, style,
/// form, frame or comment; no event handler, style attribute or script link; and every element it
/// opens it closes, so it cannot wrap and hide the page's own parts (who to contact, the skip link,
/// the accessibility statement), which are outside it.
/// </summary>
public static partial class ThemeMarkup
{
    private static readonly HashSet<string> Elements = new(StringComparer.Ordinal)
    {
        "a", "p", "span", "strong", "em", "ul", "ol", "li", "br", "div", "nav",
    };

    private static readonly HashSet<string> Attributes = new(StringComparer.Ordinal)
    {
        "class", "href", "id", "lang", "aria-label", "aria-hidden", "role", "title",
    };

    [GeneratedRegex(@"\{\{.*?\}\}", RegexOptions.Singleline)]
    private static partial Regex Code();

    [GeneratedRegex(@"<(/?)([A-Za-z][A-Za-z0-9-]*)((?:\s+[^\s=>/]+(?:\s*=\s*(?:""[^""]*""|'[^']*'|[^\s>]+))?)*)\s*(/?)>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"([^\s=]+)(?:\s*=\s*(""[^""]*""|'[^']*'|[^\s>]+))?")]
    private static partial Regex Attribute();

    /// <summary>Each problem with its line (empty when the template is allowed).</summary>
    public static IReadOnlyList<(int Line, string Problem)> Problems(string template)
    {
        var problems = new List<(int, string)>();
        // Values are escaped when written; only the literal text around them is checked.
        var text = Code().Replace(template, m =>
        {
            var lines = m.Value.Count(c => c == '\n');
            return new string('x', m.Length - lines) + new string('\n', lines);
        });
        int LineOf(int index) => 1 + text.AsSpan(0, index).Count('\n');
        var open = new Stack<(string Name, int Line)>();
        var at = 0;
        foreach (Match m in Tag().Matches(text))
        {
            if (text.AsSpan(at, m.Index - at).Contains('<'))
                problems.Add((LineOf(at), "a '<' that is not an allowed element"));
            at = m.Index + m.Length;
            var (closing, name) = (m.Groups[1].Value == "/", m.Groups[2].Value.ToLowerInvariant());
            var line = LineOf(m.Index);
            if (!Elements.Contains(name)) { problems.Add((line, $"element <{name}> is not allowed")); continue; }
            if (closing)
            {
                if (open.Count == 0 || open.Peek().Name != name) problems.Add((line, $"</{name}> closes nothing open"));
                else open.Pop();
                continue;
            }
            foreach (Match a in Attribute().Matches(m.Groups[3].Value))
            {
                var attr = a.Groups[1].Value.ToLowerInvariant();
                var value = a.Groups[2].Value.Trim('"', '\'').Trim().ToLowerInvariant();
                if (!Attributes.Contains(attr)) problems.Add((line, $"attribute {attr} is not allowed"));
                else if (a.Groups[2].Success && a.Groups[2].Value[0] is not ('"' or '\''))
                    problems.Add((line, $"attribute {attr}: its value must be in quotes"));
                else if (attr == "href" && !(value.StartsWith("https://") || value.StartsWith("mailto:")
                    || value.StartsWith("tel:") || value.StartsWith('#') || value.StartsWith('/') || value.StartsWith('x')))
                    problems.Add((line, $"href must be https:, mailto:, tel: or an address on the site"));
                else if (attr == "class" && value.Contains("govuk-skip-link"))
                    problems.Add((line, "a theme may not add another skip link"));
            }
            if (name != "br" && m.Groups[4].Value != "/") open.Push((name, line));
        }
        if (text.AsSpan(at).Contains('<')) problems.Add((LineOf(at), "a '<' that is not an allowed element"));
        foreach (var (name, line) in open) problems.Add((line, $"<{name}> is never closed"));
        return problems;
    }
}
