using YamlDotNet.RepresentationModel;

namespace LocalOffer.Core.Rules;

/// <summary>
/// The provisions of law the rules core cites, by id (rules/england/provisions.yaml): one place
/// for every citation and legislation.gov.uk address. Entitlements and reasons refer to the ids.
/// </summary>
public sealed class ProvisionBook
{
    public const string FileName = "provisions.yaml";
    private readonly Dictionary<string, LegalReference> _byId;

    private ProvisionBook(Dictionary<string, LegalReference> byId) => _byId = byId;

    public IReadOnlyCollection<string> Ids => _byId.Keys;

    /// <exception cref="RuleFileException">when the id is not in provisions.yaml.</exception>
    public LegalReference Get(string id) =>
        _byId.TryGetValue(id, out var r) ? r : throw new RuleFileException(FileName, 0, 0, $"unknown provision '{id}'");

    public bool Contains(string id) => _byId.ContainsKey(id);

    public static ProvisionBook Load(string directory)
    {
        var file = Path.Combine(directory, FileName);
        var list = StrictYaml.LoadRoot(file, "provisions");
        var byId = new Dictionary<string, LegalReference>(StringComparer.Ordinal);
        foreach (var (k, v) in list.Children)
        {
            var id = ((YamlScalarNode)k).Value!;
            if (v is not YamlMappingNode m) throw StrictYaml.Error(FileName, v, $"provision '{id}' must be a mapping");
            StrictYaml.Expect(FileName, m, ["citation", "url"], ["citation", "url"]);
            var url = StrictYaml.Text(FileName, m, "url");
            if (!url.StartsWith("https://", StringComparison.Ordinal))
                throw StrictYaml.Error(FileName, m, $"provision '{id}': url '{url}' must start with https://");
            byId[id] = new LegalReference(StrictYaml.Text(FileName, m, "citation"), url);
        }
        return new ProvisionBook(byId);
    }
}
