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
        var model = new PersonalOfferRenderer(j.Core, j.Templates, j.Catalog.National).Model(offer, "/assets/");
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
            whatif = $"/check/whatif?s={token}",
        };
        if (view == "yours")
            return JourneyEndpoints.Page(j.Templates, "web/yours", new
            {
                site = JourneyPages.Site(http, j.Af, withNav: false),
                pageTitle = new Languages.CatalogueText("yours.heading"),
                you = YourSupport.Model(offer, j.Core.Law, j.Catalog.National,
                    $"/councils/{Uri.EscapeDataString(council.Id)}/?asAt={date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}"),
                links,
            }, page: YoursLanguage(j, language, links.yours));
        var print = view == "print";
        return JourneyEndpoints.Page(j.Templates, "web/result", new
        {
            offer = model,
            site = JourneyPages.Site(http, j.Af, withNav: !print),
            pageTitle = "Result",
            back = print ? null : links.answers,
            print,
            council = council.Name,
            first = ContactViews.FirstContact(council, j.Catalog.National),
            // The adviser reads why, in the law's terms (the young person's own page speaks to them), with
            // dates as people write them (issue 28: one date style).
            reason = DatesInWords.Replace(JourneyPages.Capital(assessment.StatusReason)),
            noOffer = offer.Version is null,
            panelClass = StatusPanel.CssClass(assessment.Status),
            svg = SafeSvg.Check(TimelineSvg.Render(assessment, j.Core.Law)),
            timeline = assessment.Timeline.Select(t => new { status = t.Status.Plain(), from = t.From, until = t.To }).ToArray(),
            nearMisses = assessment.Explanation.Where(l => l.StartsWith("Near miss: ", StringComparison.Ordinal))
                .Select(l => DatesInWords.Replace(l["Near miss: ".Length..])).ToArray(),
            explanation = assessment.Explanation.Select(DatesInWords.Replace).ToArray(),
            warnings = assessment.Warnings.Select(DatesInWords.Replace).ToArray(),
            links,
        });
    }

    /// <summary>"Your support" in a language: the same page in English (the banner's link) and in each language (the switcher).</summary>
    private static PageLanguage YoursLanguage(JourneyContext j, Languages.Language language, string yours) =>
        new(language, yours, j.Templates.Languages.Languages
            .Select(l => (l, l.IsEnglish ? yours : $"{yours}&lang={Uri.EscapeDataString(l.Code)}")).ToList());
}
