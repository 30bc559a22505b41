using LocalOffer.Core;
using LocalOffer.Core.Engine;
using LocalOffer.Core.Rules;
using LocalOffer.Offers.Lint;

namespace LocalOffer.Offers.Policy;

/// <summary>Every council under rules/councils, loaded once, with the findings of loading them.</summary>
public sealed class OfferCatalog
{
    private readonly Dictionary<string, Council> _councils;

    private OfferCatalog(Dictionary<string, Council> councils, IReadOnlyList<Finding> findings, IReadOnlyList<NationalContact> national)
    {
        _councils = councils;
        Findings = findings;
        National = national;
    }

    /// <summary>The national services (rules/national-contacts.yaml) shown unless a council names its own selection.</summary>
    public IReadOnlyList<NationalContact> National { get; }

    /// <summary>The national contacts a council's site shows: its own selection, or all of them.</summary>
    public IReadOnlyList<NationalContact> NationalFor(Council c) =>
        c.NationalContactIds is { } ids ? National.Where(n => ids.Contains(n.Id)).ToList() : National;

    public IReadOnlyList<Finding> Findings { get; }
    public IEnumerable<Council> Councils => _councils.Values.OrderBy(c => c.Id, StringComparer.Ordinal);

    public Council? Find(string id) => _councils.GetValueOrDefault(id);

    public static OfferCatalog LoadDefault(RulesCore core) => Load(RulesLocator.CouncilsDirectory(), core, NationalContacts.DefaultFile());

    public static OfferCatalog Load(string directory, RulesCore core, string? nationalFile = null)
    {
        var findings = new List<Finding>();
        var national = nationalFile is null ? [] : NationalContacts.Load(nationalFile, findings);
        var loader = new PolicyLoader(core.Law.Entitlements.Ids.ToHashSet(), national.Select(n => n.Id).ToHashSet());
        var councils = new Dictionary<string, Council>(StringComparer.Ordinal);
        if (Directory.Exists(directory))
            foreach (var folder in Directory.GetDirectories(directory).Order(StringComparer.Ordinal))
            {
                var (council, f) = loader.LoadFolder(folder);
                findings.AddRange(f);
                if (council is not null)
                {
                    findings.AddRange(Linter.Check(council, core.Law));
                    findings.AddRange(Theme.ThemeLint.Check(council, core));
                    councils[council.Id] = council;
                }
            }
        return new OfferCatalog(councils, findings, national);
    }
}
