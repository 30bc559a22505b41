using System.Globalization;
using LocalOffer.Core;
using LocalOffer.Core.Engine;
using LocalOffer.Core.Output;

namespace LocalOffer.Offers.Render;

/// <summary>The personal offer as HTML (GOV.UK Frontend), Markdown or plain text, from templates/personal.</summary>
public sealed class PersonalOfferRenderer(RulesCore core, TemplateSet templates)
{
    /// <param name="language">The language to write it in (English when not given).</param>
    public string Render(PersonalOffer offer, string format, string assets = "assets/", PageLanguage? language = null) =>
        templates.Render(format switch { "html" => "personal/offer", "md" => "personal/offer.md", _ => "personal/offer.txt" }, Model(offer, assets),
            page: language);

    public object Model(PersonalOffer o, string assets = "assets/")
    {
        var a = o.Assessment;
        return new
        {
            pageTitle = "Your local offer",
            site = new { councilName = o.Council.Name, assets, home = "#main-content", contacts = OfferViews.Contacts(o.Council), footer = $"{o.Council.Name} local offer, as in force on {a.AsAt:d MMMM yyyy}. Made with LocalOffer; check anything important with your personal adviser." },
            person = new
            {
                id = a.Id,
                age = a.Age,
                asAt = a.AsAt,
                status = a.Status.Wire(),
                statusPlain = a.Status.Plain(),
                since = a.StatusSince,
                meaning = o.StatusMeaning,
            },
            noOffer = o.Version is null,
            statutory = o.Statutory.Select(s => new
            {
                title = s.Entitlement.Title,
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
            }).ToArray(),
            items = o.CouncilItems.Select(i => OfferViews.Item(i, core.Law)).ToArray(),
            mayApply = o.MayApply.Select(i => OfferViews.Item(i, core.Law)).ToArray(),
            next = o.Next.Select(c => new { on = c.On, what = c.What }).ToArray(),
        };
    }
}
