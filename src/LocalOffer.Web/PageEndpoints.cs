using LocalOffer.Core;
using LocalOffer.Core.Engine;
using LocalOffer.Core.Output;
using LocalOffer.Offers.Policy;
using LocalOffer.Offers.Render;
using Microsoft.AspNetCore.Antiforgery;

namespace LocalOffer.Web;

/// <summary>
/// The adviser's pages, server-rendered with GOV.UK Frontend and working without JavaScript: the
/// history form, the result (with a print view), and each council's offer.
/// </summary>
public static class PageEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/", (HttpContext http, RulesCore core, OfferCatalog catalog, TemplateSet templates, IAntiforgery af) =>
            Html(templates.Render("web/form", FormModel(http, new HistoryForm(), [], core, catalog, af)))).ExcludeFromDescription();

        app.MapPost("/", async (HttpContext http, RulesCore core, OfferCatalog catalog, TemplateSet templates, IAntiforgery af) =>
        {
            if (!await af.IsRequestValidAsync(http))
                return Results.Problem(statusCode: 400, title: "The form has expired or did not come from this site", detail: "Go back, reload the page and try again.");
            var form = HistoryForm.From(await http.Request.ReadFormAsync());
            var action = form["action"];
            if (action == "add-episode")
            {
                form.Episodes = Math.Min(HistoryForm.MaxEpisodes, form.Episodes + 1);
                return Html(templates.Render("web/form", FormModel(http, form, [], core, catalog, af)));
            }
            var (date, badDate) = ApiEndpoints.ParseDate(form["asAt"], "asAt");
            var (history, errors) = core.Reader.Read(form.ToJson());
            var problems = errors.ToList();
            if (badDate is not null) problems.Add(new LocalOffer.Core.Input.InputError("asAt", $"'{form["asAt"]}' is not a date (YYYY-MM-DD)"));
            if (history is not null && date < history.DateOfBirth) problems.Add(new LocalOffer.Core.Input.InputError("asAt", "the date to check is before the date of birth"));
            if (problems.Count > 0 || history is null)
                return Html(templates.Render("web/form", FormModel(http, form, problems, core, catalog, af)), 400);
            var council = catalog.Find(form["council"]) ?? catalog.Councils.First();
            var assessment = core.Engine.Assess(history, date);
            var offer = PersonalOfferBuilder.Build(assessment, history, council, core.Law);
            var model = new PersonalOfferRenderer(core, templates).Model(offer, "/assets/");
            return Html(templates.Render("web/result", new
            {
                offer = model,
                site = Site(http, af, form["council"], withNav: action != "print"),
                pageTitle = "Result",
                print = action == "print",
                svg = TimelineSvg.Render(assessment, core.Law),
                timeline = assessment.Timeline.Select(t => new { status = t.Status.Plain(), from = t.From, until = t.To }).ToArray(),
                explanation = assessment.Explanation,
                warnings = assessment.Warnings,
                hidden = form.Values.Where(kv => kv.Key != "action").Select(kv => new { name = kv.Key, value = kv.Value }).ToArray(),
            }));
        }).ExcludeFromDescription();

        app.MapGet("/councils", (HttpContext http, OfferCatalog catalog, TemplateSet templates, IAntiforgery af) =>
            Html(templates.Render("web/councils", new
            {
                site = Site(http, af, null),
                pageTitle = "Council offers",
                councils = catalog.Councils.Select(c => new { id = c.Id, name = c.Name }).ToArray(),
            }))).ExcludeFromDescription();

        app.MapGet("/councils/{id}/{file?}", (HttpContext http, string id, string? file, string? asAt, OfferCatalog catalog, RulesCore core, TemplateSet templates) =>
        {
            if (catalog.Find(id) is not { } c) return Results.NotFound();
            // The offer's pages link to each other relatively, so its address ends with a slash.
            if (file is null && !(http.Request.Path.Value ?? "").EndsWith('/')) return Results.Redirect($"/councils/{Uri.EscapeDataString(id)}/");
            var (date, bad) = ApiEndpoints.ParseDate(asAt, "asAt");
            if (bad is not null) return bad;
            var pages = new SitePublisher(core, templates, catalog.National).Pages(c, date, assets: "/assets/", home: $"/councils/{Uri.EscapeDataString(id)}/");
            var page = pages.FirstOrDefault(p => p.File == (string.IsNullOrEmpty(file) ? "index.html" : file));
            if (page.File is null) return Results.NotFound();
            return page.File.EndsWith(".md") ? Results.Text(page.Text, "text/markdown; charset=utf-8") : Html(page.Text);
        }).ExcludeFromDescription();
    }

    private static IResult Html(string html, int status = 200) => Results.Content(html, "text/html; charset=utf-8", statusCode: status);

    private static object Site(HttpContext http, IAntiforgery af, string? council, bool withNav = true)
    {
        var tokens = af.GetAndStoreTokens(http);
        return new
        {
            councilName = "LocalOffer",
            assets = "/assets/",
            home = "/",
            af = new { name = tokens.FormFieldName, value = tokens.RequestToken },
            nav = withNav ? new object[] { new { href = "/", label = "Check a young person" }, new { href = "/councils", label = "Council offers" }, new { href = "/compare", label = "Compare offers" } } : null,
            footer = "LocalOffer keeps nothing you enter: no record is saved. Check anything important with the law and your manager.",
            contacts = Array.Empty<object>(),
        };
    }

    private static object FormModel(HttpContext http, HistoryForm form, IReadOnlyList<LocalOffer.Core.Input.InputError> errors, RulesCore core, OfferCatalog catalog, IAntiforgery af)
    {
        object[] Options(IReadOnlyDictionary<string, string> codes, string selected, bool blank) =>
            (blank ? new object[] { new { value = "", text = "Not given", selected = selected == "" } } : [])
            .Concat(codes.Select(kv => (object)new { value = kv.Key, text = $"{kv.Value} ({kv.Key})", selected = kv.Key == selected })).ToArray();
        var errorFields = errors.Select(e => (Field: HistoryForm.FieldFor(e), Error: e)).ToList();
        string? ErrorFor(string field) => errorFields.FirstOrDefault(x => x.Field == field).Error?.Message;
        return new
        {
            site = Site(http, af, null),
            pageTitle = errors.Count > 0 ? "Error: check a young person" : "Check a young person",
            errors = errorFields.Select(x => new { href = "#" + x.Field.Replace('.', '-'), text = $"{x.Error.Path}: {x.Error.Message}" }).ToArray(),
            dob = new { value = form["dob"], error = ErrorFor("dob") },
            asAt = new { value = form["asAt"].Length > 0 ? form["asAt"] : AssessmentJson.Iso(ApiEndpoints.Today()), error = ErrorFor("asAt") },
            episodeCount = form.Episodes,
            episodes = Enumerable.Range(0, form.Episodes).Select(i => new
            {
                n = i + 1,
                id = $"ep{i}",
                start = new { value = form[$"ep{i}.start"], error = ErrorFor($"ep{i}.start") },
                end = new { value = form[$"ep{i}.end"], error = ErrorFor($"ep{i}.end") },
                ls = Options(core.Codes.LegalStatus, form[$"ep{i}.ls"], true),
                lsError = ErrorFor($"ep{i}.ls"),
                place = Options(core.Codes.Placement, form[$"ep{i}.place"], true),
                rec = Options(core.Codes.ReasonEnded, form[$"ep{i}.rec"], true),
                recError = ErrorFor($"ep{i}.rec"),
            }).ToArray(),
            det = new { start = form["det.start"], end = form["det.end"], custody = form["det.kind"] != "hospital" },
            lwp = new { start = form["lwp.start"], end = form["lwp.end"] },
            other = new { start = form["other.start"], end = form["other.end"], kinds = FactLabels.OtherCareKinds.Select(k => new { value = k, text = FactLabels.Text(k), selected = form["other.kind"] == k }).ToArray() },
            edu = new { start = form["edu.start"], end = form["edu.end"], fullTime = form["edu.fulltime"] == "yes", kinds = FactLabels.EducationKinds.Select(k => new { value = k, text = FactLabels.Text(k), selected = form["edu.kind"] == k }).ToArray() },
            support = form["support.date"],
            councils = catalog.Councils.Select(c => new { value = c.Id, text = c.Name, selected = c.Id == form["council"] }).ToArray(),
        };
    }
}
