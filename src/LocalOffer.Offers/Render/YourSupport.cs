using LocalOffer.Core.Engine;
using LocalOffer.Core.Rules;
using LocalOffer.Offers.Policy;
using LocalOffer.Offers.Render.Languages;

namespace LocalOffer.Offers.Render;

/// <summary>
/// "Your support", the young person's own page of the web app (and its PDF), made to fit a phone
/// (issue 25: it was 8 screens): who to call first, what you get now, what to ask for and what
/// changes next, one sentence each, every end date with the condition it depends on. The adviser's
/// result page keeps the law's terms and citations; this page has none.
/// </summary>
public static class YourSupport
{
    /// <param name="councilPages">The address of the council's own pages for care leavers, or null when it has
    /// none on record (the browser app's <c>OfferUrl</c>): the page then leaves its link out.</param>
    public static object Model(PersonalOffer o, EnglandLaw law, IEnumerable<NationalContact> national,
        string? councilPages)
    {
        var a = o.Assessment;
        var now = new List<CatalogueText>();
        var ask = new List<CatalogueText>();
        foreach (var run in a.Entitlements)
        {
            var name = PlainRuns.Capital(PlainRuns.Short(run.Id, run.Title, law));
            var line = CatalogueText.Of("yours.line", ("name", name),
                ("how_long", PlainRuns.HowLong(run, a.AsAt, a.DateOfBirth, law)));
            if (run.PeriodOn(a.AsAt) is { } p && PlainRuns.Kind(p, law).Ask) ask.Add(line);
            else now.Add(line);
        }
        // The council's items: its words (its title, in the page's language where it gives it, else English
        // marked as such) in the catalogue's sentence. What it may give, and who for, is a list of its own.
        var council = o.CouncilItems.Select(i => i.Amount switch
        {
            { Gbp: not null } m => CatalogueText.Of("yours.council-amount", ("title", i.Title), ("amount", Amount(m))),
            { } => CatalogueText.Of("yours.council-ask", ("title", i.Title)),
            _ => CatalogueText.Of("yours.council-item", ("title", i.Title)),
        }).ToArray();
        var askCouncil = o.MayApply.Select(i => CatalogueText.Of("yours.may-apply", ("title", i.Title),
            ("who", PlainWords.ForYou(i.For) with { Lower = true }))).ToArray();
        return new
        {
            youAre = PlainWords.YouAre(a.Status),
            // Said only to someone who is not a care leaver on the date: why, and whom to ask if it is wrong.
            meaning = new CatalogueText(PersonalOfferBuilder.MeaningKey(a)),
            asAt = a.AsAt,
            council = o.Council.Name,
            councilPages,
            careLeaver = a.Status is not (Status.None or Status.LookedAfter),
            firstContact = ContactViews.FirstContact(o.Council, national),
            now,
            fromCouncil = council,
            ask,
            askCouncil,
            // The titles in those lists: a translated page says once if any is in English only.
            councilTitles = o.CouncilItems.Select(i => i.Title).ToArray(),
            askCouncilTitles = o.MayApply.Select(i => i.Title).ToArray(),
            next = PlainRuns.NextChanges(a, law),
        };
    }

    /// <summary>"Up to £2,000", "£57.90 a week", in the page's digits (as ItemMoney.ToString in English).</summary>
    public static object Amount(ItemMoney m)
    {
        object amount = new Pounds(m.Gbp ?? 0);
        if (m.Period is "weekly" or "monthly" or "yearly")
            amount = CatalogueText.Of($"money.{m.Period}", ("amount", amount));
        return m.UpTo ? CatalogueText.Of("item.up-to", ("amount", amount)) : amount;
    }
}
