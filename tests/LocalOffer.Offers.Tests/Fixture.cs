using LocalOffer.Core;
using LocalOffer.Offers.Policy;
using LocalOffer.Offers.Render;

namespace LocalOffer.Offers.Tests;

/// <summary>The rules core, the shipped councils and the templates, loaded once for all tests.</summary>
public static class Fixture
{
    public static readonly RulesCore Core = SharedRules.Core;
    public static readonly OfferCatalog Catalog = OfferCatalog.LoadDefault(Core);
    public static readonly TemplateSet Templates = TemplateSet.LoadDefault(Core.Law);

    public static string RepoRoot() => TestPaths.RepoRoot();
}
