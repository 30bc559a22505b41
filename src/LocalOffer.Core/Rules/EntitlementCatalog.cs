using YamlDotNet.RepresentationModel;

namespace LocalOffer.Core.Rules;

/// <summary>One statutory entitlement as declared in rules/england/entitlements.yaml.</summary>
/// <param name="Summary">Plain words, second person, for a young person (no citations).</param>
/// <param name="Short">A short name that fits in a young person's sentence ("your personal adviser").</param>
/// <param name="Who">Who it is for, in a line, for advisers and councils.</param>
/// <param name="MustExplain">Whether a council's local offer must say how it meets it.</param>
/// <param name="Money">The amount the law or national rules set, when the entitlement is a payment.</param>
/// <param name="Commencement">
/// The commencement.yaml setting that brings it into force, when it has one: a prospective duty
/// (no date yet) is shown to young people only under "Coming soon", as not yet in force.
/// </param>
public sealed record EntitlementDefinition(
    string Id,
    string Title,
    string Summary,
    string Who,
    IReadOnlyList<string> ProvisionIds,
    IReadOnlyList<LegalReference> Provisions,
    bool MustExplain,
    EntitlementMoney? Money = null,
    Parameter? Commencement = null,
    string Short = "")
{
    /// <summary>Whether the duty is in force on <paramref name="date"/>: always, unless its commencement is later or not yet made.</summary>
    public bool InForceOn(NodaTime.LocalDate date) =>
        Commencement is null || Commencement.Values.Any(v => v.Value is true && v.From <= date);
}

/// <summary>
/// A statutory payment: its dated amount (a parameter of amounts.yaml, so a change of rate is one
/// dated line there), how often, and how a young person applies, from the public page in Source.
/// Every council's money page shows it from here; no council copies the figure.
/// </summary>
public sealed record EntitlementMoney(DatedAmount Amount, string Period, string HowToApply, string Source);

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
            string[] required = ["title", "short", "summary", "who", "provisions", "local_offer"];
            StrictYaml.Expect(f, m, [.. required, "money", "commencement"], required);
            var provisionNodes = StrictYaml.List(f, m, "provisions");
            foreach (var p in provisionNodes)
                if (!provisions.Contains(p.Value!))
                    throw StrictYaml.Error(f, p, $"entitlement '{id}': unknown provision '{p.Value}' (see {ProvisionBook.FileName})");
            var localOffer = StrictYaml.Text(f, m, "local_offer");
            if (localOffer is not ("must_explain" or "may_explain"))
                throw StrictYaml.Error(f, m.Children[new YamlScalarNode("local_offer")],
                    $"entitlement '{id}': local_offer '{localOffer}' must be must_explain or may_explain");
            var ids = provisionNodes.Select(p => p.Value!).ToArray();
            var money = m.Children.ContainsKey(new YamlScalarNode("money"))
                ? Money(f, id, StrictYaml.Map(f, m, "money"), book) : null;
            var commencement = m.Children.ContainsKey(new YamlScalarNode("commencement"))
                ? Commencement(f, id, m, book) : null;
            all.Add(new EntitlementDefinition(id, StrictYaml.Text(f, m, "title"), StrictYaml.Text(f, m, "summary"),
                StrictYaml.Text(f, m, "who"), ids, ids.Select(provisions.Get).ToArray(),
                localOffer == "must_explain", money, commencement, StrictYaml.Text(f, m, "short")));
        }
        return new EntitlementCatalog(all);
    }

    /// <summary>commencement: a setting of commencement.yaml (true from the date in force; none yet when prospective).</summary>
    private static Parameter Commencement(string f, string id, YamlMappingNode m, RuleBook book)
    {
        var name = StrictYaml.Text(f, m, "commencement");
        if (!name.StartsWith("commencement.", StringComparison.Ordinal) || !book.TryGet(name, out var p))
            throw StrictYaml.Error(f, m.Children[new YamlScalarNode("commencement")],
                $"entitlement '{id}': commencement '{name}' is not a setting of commencement.yaml");
        return p;
    }

    /// <summary>Periods a statutory payment is paid over (the same words as a council's money items).</summary>
    public static readonly IReadOnlyList<string> MoneyPeriods = ["once", "yearly"];

    /// <summary>money: { amount: a parameter id of amounts.yaml, period, how_to_apply, source: https URL }.</summary>
    private static EntitlementMoney Money(string f, string id, YamlMappingNode m, RuleBook book)
    {
        string[] keys = ["amount", "period", "how_to_apply", "source"];
        StrictYaml.Expect(f, m, keys, keys);
        var parameter = StrictYaml.Text(f, m, "amount");
        if (!parameter.StartsWith("amounts.", StringComparison.Ordinal) || !book.TryGet(parameter, out _))
            throw StrictYaml.Error(f, m.Children[new YamlScalarNode("amount")],
                $"entitlement '{id}': money amount '{parameter}' is not a parameter of amounts.yaml");
        var period = StrictYaml.Text(f, m, "period");
        if (!MoneyPeriods.Contains(period))
            throw StrictYaml.Error(f, m.Children[new YamlScalarNode("period")],
                $"entitlement '{id}': money period '{period}' must be one of: {string.Join(", ", MoneyPeriods)}");
        var source = StrictYaml.Text(f, m, "source");
        if (!source.StartsWith("https://", StringComparison.Ordinal))
            throw StrictYaml.Error(f, m.Children[new YamlScalarNode("source")],
                $"entitlement '{id}': money source must be a https:// address");
        return new EntitlementMoney(new DatedAmount(book.Get(parameter)), period,
            StrictYaml.Text(f, m, "how_to_apply"), source);
    }
}
