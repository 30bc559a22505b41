using System.Globalization;
using LocalOffer.Core;
using LocalOffer.Core.Engine;
using LocalOffer.Core.Output;
using LocalOffer.Offers.Policy;

namespace LocalOffer.Offers.Render;

/// <summary>
/// The personal offer as HTML (GOV.UK Frontend), Markdown or plain text, from templates/personal: a
/// young person's page, so in plain words (no citations or category names: issue 25). The model
/// also carries the law's terms (status, periods and their citations, the engine's changes) for the
/// adviser's result page, which reads it too.
/// </summary>
public sealed class PersonalOfferRenderer(RulesCore core, TemplateSet templates, IReadOnlyList<NationalContact>? national = null)
{
    private readonly IReadOnlyList<NationalContact> _national = national ?? NationalContacts.LoadDefault();

    /// <param name="language">The language to write it in (English when not given).</param>
    public string Render(PersonalOffer offer, string format, string assets = "assets/", PageLanguage? language = null) =>
        templates.Render(format switch { "html" => "personal/offer", "md" => "personal/offer.md", _ => "personal/offer.txt" },
            Model(offer, assets), page: language);

    public object Model(PersonalOffer o, string assets = "assets/")
    {
        var a = o.Assessment;
        return new
        {
            pageTitle = "Your local offer",
            site = new
            {
                councilName = o.Council.Name, assets, home = "#main-content", contacts = OfferViews.Contacts(o.Council),
                firstContact = ContactViews.FirstContact(o.Council, _national),
                footer = $"{o.Council.Name} local offer, as in force on {a.AsAt:d MMMM yyyy}. Made with LocalOffer; check anything important with your personal adviser.",
            },
            person = new
            {
                id = a.Id,
                age = a.Age,
                asAt = a.AsAt,
                status = a.Status.Wire(),
                statusPlain = a.Status.Plain(),
                youAre = PlainWords.YouAre(a.Status),
                since = a.StatusSince,
                meaning = new Languages.CatalogueText(PersonalOfferBuilder.MeaningKey(a)),
            },
            noOffer = o.Version is null,
            statutory = o.Statutory.Select(s => new
            {
                // The law's plain words, in the page's language (translations/).
                title = core.Law.Entitlements.Contains(s.Entitlement.Id)
                    ? new Languages.CatalogueText($"entitlement.{s.Entitlement.Id}.title") : (object)s.Entitlement.Title,
                id = s.Entitlement.Id,
                from = s.Entitlement.From,
                until = s.Entitlement.To,
                amount = s.Entitlement.Amount?.ToString(),
                condition = s.Entitlement.Condition,
                law = s.Entitlement.Basis.Select(b => new { citation = b.Citation, url = b.Url }).ToArray(),
                // Each provision that carries the run, with its own dates (an adviser checks these).
                periods = s.Entitlement.Periods.Select(p => new
                {
                    from = p.From, until = p.To, condition = p.Condition,
                    law = p.Basis.Select(b => new { citation = b.Citation, url = b.Url }).ToArray(),
                }).ToArray(),
                council = s.CouncilItem?.Description,
                // For the young person: how long, with the condition each part depends on.
                howLong = PlainRuns.HowLong(s.Entitlement, a.AsAt, a.DateOfBirth, core.Law),
                summary = core.Law.Entitlements.Contains(s.Entitlement.Id)
                    ? new Languages.CatalogueText($"entitlement.{s.Entitlement.Id}.summary") : null,
            }).ToArray(),
            items = o.CouncilItems.Select(i => OfferViews.Item(i, core.Law)).ToArray(),
            mayApply = o.MayApply.Select(i => OfferViews.Item(i, core.Law)).ToArray(),
            next = o.Next.Select(c => new { on = c.On, what = c.What }).ToArray(),
            nextPlain = PlainRuns.NextChanges(a, core.Law),
        };
    }
}
