using LocalOffer.Core;
using LocalOffer.Offers.Policy;
using LocalOffer.Offers.Render;

namespace LocalOffer.Web;

/// <summary>
/// What every request reads, loaded once per app: the rules core, the councils' offers and the templates
/// (the templates with the core's law, not a second copy of it). <see cref="Start"/> loads the rules and
/// the templates, which the first `/api/check` or page needs, on a thread of their own while the host is
/// built and Kestrel starts, so on two cores the first request finds them ready (issue 30, bench/README.md).
/// A request that comes sooner waits for that one load; it never starts a second. The offers load on first
/// use, as before. A file that does not load throws at the first request that needs it, as before.
/// </summary>
public sealed class LoadedOnce
{
    private readonly Lazy<RulesCore> _rules;
    private readonly Lazy<OfferCatalog> _catalog;
    private readonly Lazy<TemplateSet> _templates;

    public LoadedOnce()
    {
        // Lazy<T>'s default mode runs the load once, whichever thread asks first; the others wait for it.
        _rules = new(RulesCore.LoadDefault);
        _catalog = new(() => OfferCatalog.LoadDefault(Rules));
        _templates = new(() => TemplateSet.LoadDefault(Rules.Law));
    }

    public RulesCore Rules => _rules.Value;
    public OfferCatalog Catalog => _catalog.Value;
    public TemplateSet Templates => _templates.Value;

    /// <summary>
    /// Loads the rules, then the templates, on the thread pool. A failure is left for the request that needs
    /// the file (Lazy keeps the exception), so it is reported the way it always was: a 500 without internals.
    /// </summary>
    public Task Start() => Task.Run(() =>
    {
        try
        {
            _ = Rules;
            _ = Templates;
        }
        catch (Exception)
        {
            // Rethrown by Lazy<T> to the first request that reads the same property.
        }
    });
}
