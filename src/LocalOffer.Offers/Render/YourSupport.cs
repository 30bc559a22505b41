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
    public static object Model(PersonalOffer o, EnglandLaw law, IEnumerable<NationalContact> national, string councilPages)
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
        var council = o.CouncilItems.Select(i => i.Amount switch
        {
            { Gbp: not null } m => $"{i.Title}: {m}.",
            { } => $"{i.Title}: ask the leaving care team how much.",
            _ => i.Title + ".",
        }).ToArray();
        // The council's items it may give are the council's words (and who each is for, PlainWords.ForYou,
        // is still English): a list of their own after the law's, marked English on a translated page.
        var askCouncil = o.MayApply
            .Select(i => $"{i.Title}, for {Lower(PlainWords.ForYou(i.For))}: ask the leaving care team.").ToArray();
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
            next = PlainRuns.NextChanges(a, law),
        };
    }

    private static string Lower(string s) => s.Length == 0 ? s : char.ToLowerInvariant(s[0]) + s[1..];
}
