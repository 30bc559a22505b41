using YamlDotNet.RepresentationModel;

namespace LocalOffer.Core.Rules;

/// <summary>One statutory entitlement as declared in rules/england/entitlements.yaml.</summary>
/// <param name="Summary">Plain words, second person, for a young person (no citations).</param>
/// <param name="Who">Who it is for, in a line, for advisers and councils.</param>
/// <param name="MustExplain">Whether a council's local offer must say how it meets it.</param>
public sealed record EntitlementDefinition(
    string Id,
    string Title,
    string Summary,
    string Who,
    IReadOnlyList<string> ProvisionIds,
    IReadOnlyList<LegalReference> Provisions,
    bool MustExplain);

/// <summary>
/// The statutory entitlements, declared once (rules/england/entitlements.yaml). Titles, summaries,
/// the local offer compliance list and the "what the law says" page all read this; every id has
/// exactly one rule in Engine/Entitlements (a test checks both ways).
/// </summary>
public sealed class EntitlementCatalog
{
    public const string FileName = "entitlements.yaml";
    private readonly Dictionary<string, EntitlementDefinition> _byId;

    private EntitlementCatalog(IReadOnlyList<EntitlementDefinition> all)
    {
        All = all;
        _byId = all.ToDictionary(d => d.Id, StringComparer.Ordinal);
        Ids = all.Select(d => d.Id).ToArray();
    }

    /// <summary>In the file's order (the order people are shown them in).</summary>
    public IReadOnlyList<EntitlementDefinition> All { get; }
    public IReadOnlyList<string> Ids { get; }

    public EntitlementDefinition this[string id] =>
        _byId.TryGetValue(id, out var d) ? d : throw new KeyNotFoundException($"unknown entitlement '{id}'");

    public bool Contains(string id) => _byId.ContainsKey(id);

    /// <summary>The ids a council's local offer must explain (DfE Local offer guidance 2018).</summary>
    public IEnumerable<string> MustExplain => All.Where(d => d.MustExplain).Select(d => d.Id);

    public static EntitlementCatalog Load(string directory, ProvisionBook provisions, RuleBook book)
    {
        var f = FileName;
        var list = StrictYaml.LoadRoot(Path.Combine(directory, f), "entitlements");
        var all = new List<EntitlementDefinition>();
        foreach (var (k, v) in list.Children)
        {
            var id = ((YamlScalarNode)k).Value!;
            if (v is not YamlMappingNode m) throw StrictYaml.Error(f, v, $"entitlement '{id}' must be a mapping");
            string[] keys = ["title", "summary", "who", "provisions", "local_offer"];
            StrictYaml.Expect(f, m, keys, keys);
            var provisionNodes = StrictYaml.List(f, m, "provisions");
            foreach (var p in provisionNodes)
                if (!provisions.Contains(p.Value!))
                    throw StrictYaml.Error(f, p, $"entitlement '{id}': unknown provision '{p.Value}' (see {ProvisionBook.FileName})");
            var localOffer = StrictYaml.Text(f, m, "local_offer");
            if (localOffer is not ("must_explain" or "may_explain"))
                throw StrictYaml.Error(f, m.Children[new YamlScalarNode("local_offer")],
                    $"entitlement '{id}': local_offer '{localOffer}' must be must_explain or may_explain");
            var ids = provisionNodes.Select(p => p.Value!).ToArray();
            all.Add(new EntitlementDefinition(id, StrictYaml.Text(f, m, "title"), StrictYaml.Text(f, m, "summary"),
                StrictYaml.Text(f, m, "who"), ids, ids.Select(provisions.Get).ToArray(), localOffer == "must_explain"));
        }
        return new EntitlementCatalog(all);
    }
}
