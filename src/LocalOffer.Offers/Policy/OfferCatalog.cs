using LocalOffer.Core;
using LocalOffer.Core.Engine;
using LocalOffer.Core.Rules;
using LocalOffer.Offers.Lint;

namespace LocalOffer.Offers.Policy;

/// <summary>Every council under rules/councils, loaded once, with the findings of loading them.</summary>
public sealed class OfferCatalog
{
    private readonly Dictionary<string, Council> _councils;

    private OfferCatalog(Dictionary<string, Council> councils, IReadOnlyList<Finding> findings)
    {
        _councils = councils;
        Findings = findings;
    }

    public IReadOnlyList<Finding> Findings { get; }
    public IEnumerable<Council> Councils => _councils.Values.OrderBy(c => c.Id, StringComparer.Ordinal);

    public Council? Find(string id) => _councils.GetValueOrDefault(id);

    public static OfferCatalog LoadDefault(RulesCore core) => Load(RulesLocator.CouncilsDirectory(), core);

    public static OfferCatalog Load(string directory, RulesCore core)
    {
        var loader = new PolicyLoader(core.Law.Entitlements.Ids.ToHashSet());
        var councils = new Dictionary<string, Council>(StringComparer.Ordinal);
        var findings = new List<Finding>();
        if (Directory.Exists(directory))
            foreach (var folder in Directory.GetDirectories(directory).Order(StringComparer.Ordinal))
            {
                var (council, f) = loader.LoadFolder(folder);
                findings.AddRange(f);
                if (council is not null)
                {
                    findings.AddRange(Linter.Check(council, core.Law));
                    councils[council.Id] = council;
                }
            }
        return new OfferCatalog(councils, findings);
    }
}
