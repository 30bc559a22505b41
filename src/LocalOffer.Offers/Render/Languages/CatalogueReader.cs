using System.Text.RegularExpressions;
using LocalOffer.Offers.Lint;
using LocalOffer.Offers.Policy;
using YamlDotNet.RepresentationModel;

namespace LocalOffer.Offers.Render.Languages;

/// <summary>
/// Reads one catalogue, translations/&lt;code&gt;.yaml, through the policy files' YAML reader (size
/// limit, no aliases, depth limit, file:line:column). Its one key, <c>strings</c>, maps each key to
/// its text. In English a string is its text; in any other language it is a mapping:
/// <code>
///   nav.start: { text: "...", status: draft }
///   nav.law:
///     text: "..."
///     status: checked
///     checked_by: Name, organisation
///     checked_on: 2026-12-01
///     english: The law     # optional: the English the checker read
///   index.items:
///     text: { one: "{count} item", other: "{count} items" }   # one text per plural form
/// </code>
/// </summary>
public static partial class CatalogueReader
{
    [GeneratedRegex("^[a-z0-9][a-z0-9_-]*(\\.[a-z0-9_-]+)*$")]
    private static partial Regex KeyShape();

    private static readonly string[] EntryKeys = ["text", "status", "checked_by", "checked_on", "english"];

    public static Catalogue? Read(Language language, string file, List<Finding> findings)
    {
        var root = PolicyLoader.Parse(file, findings);
        if (root is null) return null;
        var r = new PolicyLoader.Reader(file, findings);
        r.Keys(root, ["strings"], ["strings"]);
        var entries = new Dictionary<string, CatalogueEntry>(StringComparer.Ordinal);
        if (r.Map(root, "strings") is not { } strings) return new Catalogue(language, file, entries);
        foreach (var (k, v) in strings.Children)
        {
            var key = (k as YamlScalarNode)?.Value ?? "";
            if (!KeyShape().IsMatch(key)) { r.Error(k, $"'{key}' is not a catalogue key (lower-case words joined by dots)"); continue; }
            if (Entry(language, key, v, r) is { } e) entries[key] = e;
        }
        return new Catalogue(language, file, entries);
    }

    private static CatalogueEntry? Entry(Language language, string key, YamlNode v, PolicyLoader.Reader r)
    {
        if (v is YamlScalarNode s)
        {
            if (!language.IsEnglish)
            {
                r.Error(v, $"'{key}': give text and status (draft, or checked with checked_by and checked_on)");
                return null;
            }
            if (string.IsNullOrWhiteSpace(s.Value)) { r.Error(v, $"'{key}' has no text"); return null; }
            return new CatalogueEntry(key, Clean(s.Value), null, true, null, null, null, v.Start.Line);
        }
        if (v is not YamlMappingNode m) { r.Error(v, $"'{key}' must be a text or a mapping with text"); return null; }
        r.Keys(m, EntryKeys, language.IsEnglish ? ["text"] : ["text", "status"]);
        string? text = null;
        Dictionary<string, string>? forms = null;
        if (m.Children.TryGetValue(new YamlScalarNode("text"), out var t))
        {
            if (t is YamlScalarNode { Value: { } tv } && !string.IsNullOrWhiteSpace(tv)) text = Clean(tv);
            else if (t is YamlMappingNode fm) forms = Forms(language, key, fm, r);
            else r.Error(t, $"'{key}' has no text");
        }
        if (text is null && forms is null) return null;
        var status = language.IsEnglish ? "checked" : r.Text(m, "status");
        if (status is not ("draft" or "checked"))
        {
            r.Error(m, $"'{key}': status must be draft or checked");
            status = "draft";
        }
        var by = r.Text(m, "checked_by");
        var on = r.Date(m, "checked_on");
        if (status == "checked" && !language.IsEnglish && (by is null || on is null))
        {
            r.Error(m, $"'{key}' is checked: say who checked it (checked_by) and when (checked_on)");
            status = "draft";
        }
        var english = r.Text(m, "english");
        return new CatalogueEntry(key, text, forms, status == "checked", by, on, english is null ? null : Clean(english), v.Start.Line);
    }

    private static Dictionary<string, string>? Forms(Language language, string key, YamlMappingNode m, PolicyLoader.Reader r)
    {
        var allowed = Plurals.Forms(language.Code).ToArray();
        r.Keys(m, allowed, ["other"]);
        var forms = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var f in allowed)
            if (r.Text(m, f) is { } text) forms[f] = Clean(text);
        return forms.ContainsKey("other") ? forms : null;
    }

    /// <summary>A folded YAML block ends in a line break; the text a page shows does not.</summary>
    private static string Clean(string text) => text.Trim();
}
