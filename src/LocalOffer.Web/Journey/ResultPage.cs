using LocalOffer.Core.Output;
using LocalOffer.Core.Engine;
using LocalOffer.Core.Model;
using LocalOffer.Offers.Render;
using Languages = LocalOffer.Offers.Render.Languages;
using NodaTime;

namespace LocalOffer.Web.Journey;

/// <summary>
/// The result of the journey in three views of one assessment: the adviser's page (status, the law
/// with citations, the council's items, the explanation), its print view, and the young person's
/// own page ("Your support": second person, plain English, no citations, who to contact first).
/// </summary>
public static class ResultPage
{
    public static IResult Render(HttpContext http, JourneyContext j, JourneyState state, string token,
        CareHistory history, LocalDate date, string? view)
    {
        var council = j.Catalog.Find(state.Council!)!;
        var assessment = j.Core.Engine.Assess(history, date);
        var offer = PersonalOfferBuilder.Build(assessment, history, council, j.Core.Law);
        var model = new PersonalOfferRenderer(j.Core, j.Templates).Model(offer, "/assets/");
        var careLeaver = assessment.Status is not (Status.None or Status.LookedAfter);
        // ?lang=ar: "Your support" (and its PDF) in a language of translations/languages.yaml; English otherwise.
        var language = j.Templates.Languages.Find(http.Request.Query["lang"].ToString()) ?? Languages.Language.English;
        var inLanguage = language.IsEnglish ? "" : $"&lang={Uri.EscapeDataString(language.Code)}";
        var links = new
        {
            answers = $"/check/answers?s={token}",
            print = $"/check/result?s={token}&view=print",
            yours = $"/check/result?s={token}&view=yours",
            download = $"/check/download?s={token}",
            adviser = $"/check/result?s={token}",
            pdf = $"/check/yours.pdf?s={token}{inLanguage}",
        };
        if (view == "yours")
            return JourneyEndpoints.Page(j.Templates, "web/yours", new
            {
                site = JourneyPages.Site(http, j.Af, withNav: false),
                pageTitle = "Your support",
                council = council.Name,
                offer = model,
                careLeaver,
                firstContact = FirstContact(council, j.Catalog),
                summaries = offer.Statutory.Select(s => new
                {
                    // The law's plain words, in the page's language (translations/).
                    title = j.Core.Law.Entitlements.Contains(s.Entitlement.Id)
                        ? new Languages.CatalogueText($"entitlement.{s.Entitlement.Id}.title") : (object)s.Entitlement.Title,
                    summary = j.Core.Law.Entitlements.Contains(s.Entitlement.Id)
                        ? new Languages.CatalogueText($"entitlement.{s.Entitlement.Id}.summary") : null,
                    last = s.Entitlement.To.PlusDays(-1),
                    amount = s.Entitlement.Amount?.ToString(),
                    onRequest = s.Entitlement.Condition?.StartsWith("available on request", StringComparison.Ordinal) == true,
                    council = s.CouncilItem?.Description,
                }).ToArray(),
                links,
            }, page: YoursLanguage(j, language, links.yours));
        var print = view == "print";
        return JourneyEndpoints.Page(j.Templates, "web/result", new
        {
            offer = model,
            site = JourneyPages.Site(http, j.Af, withNav: !print),
            pageTitle = "Result",
            print,
            council = council.Name,
            // The adviser reads why, in the law's terms (the young person's own page speaks to them).
            reason = JourneyPages.Capital(assessment.StatusReason),
            noOffer = offer.Version is null,
            panelClass = StatusPanel.CssClass(assessment.Status),
            svg = SafeSvg.Check(TimelineSvg.Render(assessment, j.Core.Law)),
            timeline = assessment.Timeline.Select(t => new { status = t.Status.Plain(), from = t.From, until = t.To }).ToArray(),
            nearMisses = assessment.Explanation.Where(l => l.StartsWith("Near miss: ", StringComparison.Ordinal))
                .Select(l => l["Near miss: ".Length..]).ToArray(),
            explanation = assessment.Explanation,
            warnings = assessment.Warnings,
            links,
        });
    }

    /// <summary>"Your support" in a language: the same page in English (the banner's link) and in each language (the switcher).</summary>
    private static PageLanguage YoursLanguage(JourneyContext j, Languages.Language language, string yours) =>
        new(language, yours, j.Templates.Languages.Languages
            .Select(l => (l, l.IsEnglish ? yours : $"{yours}&lang={Uri.EscapeDataString(l.Code)}")).ToList());

    /// <summary>
    /// Who to contact first: the council's leaving care team and out-of-hours line where its offer gives
    /// them; otherwise the first national service the council lists (as its published site does).
    /// </summary>
    private static object FirstContact(LocalOffer.Offers.Policy.Council c, LocalOffer.Offers.Policy.OfferCatalog catalog)
    {
        var team = c.Contacts.GetValueOrDefault("leaving_care_team");
        var ooh = c.Contacts.GetValueOrDefault("out_of_hours");
        var national = c.NationalContactIds is { } ids ? catalog.National.Where(n => ids.Contains(n.Id)) : catalog.National;
        return new
        {
            team = team is null ? null : OfferViews.Contact("Leaving care team", team),
            outOfHours = ooh is null ? null : OfferViews.Contact("Out of hours", ooh),
            national = team is null ? OfferViews.National(national.Take(1)).FirstOrDefault() : null,
        };
    }
}
