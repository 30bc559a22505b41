using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace LocalOffer.Core.Rules;

/// <summary>
/// Strict YAML reading shared by the rule files in rules/england (parameters, provisions.yaml,
/// entitlements.yaml): one mapping document, known keys only, every error as file:line:column.
/// </summary>
internal static class StrictYaml
{
    /// <summary>The one mapping document of a rule file; YAML errors and any other shape name file, line and column.</summary>
    public static YamlMappingNode Document(string file, string expected)
    {
        var name = Path.GetFileName(file);
        var yaml = new YamlStream();
        try
        {
            using var reader = new StreamReader(file);
            yaml.Load(reader);
        }
        catch (YamlException e)
        {
            throw new RuleFileException(name, e.Start.Line, e.Start.Column, e.InnerException?.Message ?? e.Message);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet's scanner can stop on some malformed scalars with the first rather than a YamlException,
            // and its tree on a key with no value ("- : x") with the second.
            throw new RuleFileException(name, 1, 1, "not valid YAML (the parser could not go on)");
        }
        catch (FileNotFoundException)
        {
            throw new RuleFileException(name, 0, 0, "file not found");
        }
        if (yaml.Documents.Count != 1 || yaml.Documents[0].RootNode is not YamlMappingNode root)
            throw new RuleFileException(name, 1, 1, $"expected {expected}");
        return root;
    }

    public static YamlMappingNode LoadRoot(string file, string listKey)
    {
        var name = Path.GetFileName(file);
        var root = Document(file, $"one YAML mapping with 'description' and '{listKey}'");
        Expect(name, root, ["description", listKey], ["description", listKey]);
        return Map(name, root, listKey);
    }

    public static void Expect(string file, YamlMappingNode m, string[] allowed, string[] required)
    {
        foreach (var k in m.Children.Keys)
        {
            var key = (k as YamlScalarNode)?.Value;
            if (key is null || !allowed.Contains(key))
                throw Error(file, k, $"unknown key '{key}' (expected one of: {string.Join(", ", allowed)})");
        }
        foreach (var r in required)
            if (!m.Children.ContainsKey(new YamlScalarNode(r)))
                throw Error(file, m, $"missing required key '{r}'");
    }

    public static YamlMappingNode Map(string file, YamlMappingNode m, string key) =>
        m.Children[new YamlScalarNode(key)] as YamlMappingNode
        ?? throw Error(file, m.Children[new YamlScalarNode(key)], $"'{key}' must be a mapping");

    public static string Text(string file, YamlMappingNode m, string key) =>
        m.Children[new YamlScalarNode(key)] is YamlScalarNode { Value: { Length: > 0 } v } ? v.Trim()
        : throw Error(file, m.Children[new YamlScalarNode(key)], $"'{key}' must be a non-empty text");

    /// <summary>A list of plain scalars, each with its node (for errors naming the item).</summary>
    public static IReadOnlyList<YamlScalarNode> List(string file, YamlMappingNode m, string key)
    {
        if (!m.Children.TryGetValue(new YamlScalarNode(key), out var node)) return [];
        if (node is not YamlSequenceNode seq) throw Error(file, node, $"'{key}' must be a list");
        return seq.Children.Select(c => c as YamlScalarNode ?? throw Error(file, c, $"'{key}' items must be plain values"))
            .ToArray();
    }

    public static RuleFileException Error(string file, YamlNode node, string message) =>
        new(file, node.Start.Line, node.Start.Column, message);
}
