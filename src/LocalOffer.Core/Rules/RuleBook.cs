using System.Globalization;
using NodaTime;
using NodaTime.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace LocalOffer.Core.Rules;

/// <summary>
/// Every dated parameter in rules/england/*.yaml, by id ("file.key"). Loading fails loudly with
/// <see cref="RuleFileException"/> naming file, line and column.
/// File layout (OpenFisca's parameter files are the model):
/// <code>
/// description: what this file holds
/// parameters:
///   some_key:
///     description: ...
///     unit: years | days | months | GBP | date | code-list | setting
///     reference: [ { citation: ..., url: https://www.legislation.gov.uk/... } ]
///     values:
///       2001-10-01: 18        # value in force from that date; null = not in force
/// </code>
/// </summary>
public sealed class RuleBook
{
    private readonly Dictionary<string, Parameter> _parameters;

    private RuleBook(Dictionary<string, Parameter> parameters, string directory)
    {
        _parameters = parameters;
        Directory = directory;
    }

    public string Directory { get; }
    public IEnumerable<Parameter> Parameters => _parameters.Values.OrderBy(p => p.Id, StringComparer.Ordinal);

    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    public Parameter Get(string id)
    {
        if (!_parameters.TryGetValue(id, out var p))
            throw new RuleFileException(Path.Combine(Directory, id.Split('.')[0] + ".yaml"), 0, 0, $"required parameter '{id}' is missing");
        lock (_read) _read.Add(id);
        return p;
    }

    /// <summary>The ids read so far (a test checks that every parameter has a reader).</summary>
    public IReadOnlyCollection<string> ReadIds
    {
        get { lock (_read) return _read.ToArray(); }
    }

    public bool TryGet(string id, out Parameter parameter) => _parameters.TryGetValue(id, out parameter!);

    /// <summary>
    /// This book with some parameters replaced by others of the same id (what-if runs: <see cref="ParameterOverrides"/>).
    /// Nothing is checked here: the changed book goes through <see cref="EnglandLaw"/>'s checks as the files do.
    /// </summary>
    public RuleBook With(IEnumerable<Parameter> replacements)
    {
        var all = new Dictionary<string, Parameter>(_parameters, StringComparer.Ordinal);
        foreach (var p in replacements)
        {
            if (!all.ContainsKey(p.Id)) throw new ArgumentException($"no parameter '{p.Id}' to replace", nameof(replacements));
            all[p.Id] = p;
        }
        return new RuleBook(all, Directory);
    }

    /// <summary>The England rules shipped beside the program (see <see cref="RulesLocator"/>).</summary>
    public static RuleBook LoadDefault() => Load(RulesLocator.EnglandDirectory());

    /// <summary>Files in the folder that are catalogues, not dated parameters (read by their own loaders).</summary>
    public static readonly IReadOnlySet<string> CatalogueFiles = new HashSet<string>(StringComparer.Ordinal)
        { ProvisionBook.FileName, EntitlementCatalog.FileName };

    private static readonly LocalDatePattern IsoDate = LocalDatePattern.Iso;

    public static RuleBook Load(string directory)
    {
        if (!System.IO.Directory.Exists(directory))
            throw new RuleFileException(directory, 0, 0, "rules directory not found");
        var all = new Dictionary<string, Parameter>(StringComparer.Ordinal);
        foreach (var file in System.IO.Directory.GetFiles(directory, "*.yaml").OrderBy(f => f, StringComparer.Ordinal))
        {
            if (CatalogueFiles.Contains(Path.GetFileName(file))) continue;
            foreach (var p in LoadFile(file)) all[p.Id] = p;
        }
        return new RuleBook(all, directory);
    }

    public static IReadOnlyList<Parameter> LoadFile(string file)
    {
        var name = Path.GetFileName(file);
        var stem = Path.GetFileNameWithoutExtension(file);
        var root = StrictYaml.Document(file, "one YAML mapping with 'description' and 'parameters'");

        Expect(name, root, ["description", "parameters"], ["description", "parameters"]);
        var ps = Map(name, root, "parameters");
        var result = new List<Parameter>();
        foreach (var (keyNode, valueNode) in ps.Children)
        {
            var key = ((YamlScalarNode)keyNode).Value!;
            if (valueNode is not YamlMappingNode pm)
                throw Error(name, valueNode, $"parameter '{key}' must be a mapping");
            Expect(name, pm, ["description", "unit", "reference", "values", "note"], ["description", "reference", "values"]);
            var refs = References(name, pm);
            var values = new List<DatedValue>();
            var vm = pm.Children[new YamlScalarNode("values")];
            if (vm is YamlMappingNode vmap)
            {
                foreach (var (dNode, v) in vmap.Children)
                {
                    var ds = ((YamlScalarNode)dNode).Value ?? "";
                    var parsed = IsoDate.Parse(ds);
                    if (!parsed.Success) throw Error(name, dNode, $"'{ds}' is not a date (YYYY-MM-DD) in '{key}.values'");
                    values.Add(new DatedValue(parsed.Value, ScalarOrList(name, v, key)));
                }
            }
            else if (!(vm is YamlScalarNode s && (s.Value is null or "" or "~" or "null")) && vm is not YamlSequenceNode { Children.Count: 0 })
            {
                throw Error(name, vm, $"'{key}.values' must map dates to values");
            }
            result.Add(new Parameter($"{stem}.{key}", Scalar(name, pm, "description"),
                pm.Children.TryGetValue(new YamlScalarNode("unit"), out var u) ? ((YamlScalarNode)u).Value : null,
                refs, values, name, keyNode.Start.Line));
        }
        return result;
    }

    private static IReadOnlyList<LegalReference> References(string file, YamlMappingNode pm)
    {
        var node = pm.Children[new YamlScalarNode("reference")];
        if (node is not YamlSequenceNode seq || seq.Children.Count == 0)
            throw Error(file, node, "'reference' must be a list of { citation, url }, at least one");
        var list = new List<LegalReference>();
        foreach (var item in seq.Children)
        {
            if (item is not YamlMappingNode m) throw Error(file, item, "a reference must be a mapping { citation, url }");
            Expect(file, m, ["citation", "url"], ["citation", "url"]);
            var url = Scalar(file, m, "url");
            if (!url.StartsWith("https://", StringComparison.Ordinal))
                throw Error(file, m.Children[new YamlScalarNode("url")], $"url '{url}' must start with https://");
            list.Add(new LegalReference(Scalar(file, m, "citation"), url));
        }
        return list;
    }

    /// <summary>
    /// One value written alone (a what-if's <c>--set id=VALUE</c>), read as a value in a rule file is: the
    /// same YAML parser and the same typing (true/false, whole numbers, decimals, dates, lists, text).
    /// </summary>
    internal static object? ParseValue(string source, string text, string key)
    {
        if (text.Trim().Length == 0) return null;
        var yaml = new YamlStream();
        try
        {
            yaml.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new RuleFileException(source, e.Start.Line, e.Start.Column, e.InnerException?.Message ?? e.Message);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            throw new RuleFileException(source, 1, 1, "not valid YAML (the parser could not go on)");
        }
        if (yaml.Documents.Count != 1)
            throw new RuleFileException(source, 1, 1, $"'{key}' must be one value");
        return ScalarOrList(source, yaml.Documents[0].RootNode, key);
    }

    /// <summary>A date as the rule files write one (YYYY-MM-DD), or null.</summary>
    internal static LocalDate? ParseDate(string text) =>
        IsoDate.Parse(text) is { Success: true } r && text.Length == 10 ? r.Value : null;

    private static object? ScalarOrList(string file, YamlNode node, string key)
    {
        switch (node)
        {
            case YamlSequenceNode seq:
                return seq.Children.Select(c => c is YamlScalarNode s ? s.Value ?? "" : throw Error(file, c, $"'{key}' list items must be plain values")).ToArray();
            case YamlScalarNode s:
                if (s.Style == ScalarStyle.Plain && (s.Value is null or "" or "~" or "null")) return null;
                var text = s.Value!;
                if (s.Style == ScalarStyle.Plain)
                {
                    if (text is "true" or "false") return text == "true";
                    if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i)) return i;
                    if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var d)) return d;
                    var date = IsoDate.Parse(text);
                    if (date.Success) return date.Value;
                }
                return text;
            default:
                throw Error(file, node, $"'{key}' values must be plain values or lists");
        }
    }

    private static void Expect(string file, YamlMappingNode m, string[] allowed, string[] required) =>
        StrictYaml.Expect(file, m, allowed, required);

    private static YamlMappingNode Map(string file, YamlMappingNode m, string key) => StrictYaml.Map(file, m, key);

    private static string Scalar(string file, YamlMappingNode m, string key) =>
        m.Children[new YamlScalarNode(key)] is YamlScalarNode { Value: { Length: > 0 } v } ? v
        : throw Error(file, m.Children[new YamlScalarNode(key)], $"'{key}' must be a non-empty text");

    private static RuleFileException Error(string file, YamlNode node, string message) => StrictYaml.Error(file, node, message);
}
