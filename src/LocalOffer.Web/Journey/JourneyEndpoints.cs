using System.Text.Json.Nodes;
using LocalOffer.Core;
using LocalOffer.Core.Output;
using LocalOffer.Offers.Policy;
using LocalOffer.Offers.Render;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.DataProtection;
using NodaTime;

namespace LocalOffer.Web.Journey;

/// <summary>
/// The adviser's journey on GOV.UK patterns (issue 10): start, the young person, care episodes and
/// other facts as "add to a list", check your answers, then the result, the young person's own page,
/// and download or upload of the history. Nothing is kept on the server: every page carries the
/// answers in one encrypted token (<see cref="JourneyState"/>); each post is answered by a redirect
/// to a GET (post/redirect/get), so Back and Reload never ask to send a form again; a post that does
/// not pass its checks too (issue 28): its form is kept with the answers and the GET shows the errors.
/// </summary>
public static class JourneyEndpoints
{
    /// <summary>The name a kept form of the person page goes by (<see cref="PendingForm.Page"/>).</summary>
    private const string PersonPage = "person";

    public static void Map(WebApplication app)
    {
        app.MapGet("/", (HttpContext http, TemplateSet t, IAntiforgery af) =>
            Page(t, "web/start", new
            {
                site = JourneyPages.Site(http, af), pageTitle = "Check a young person's care leaver status",
            }))
            .ExcludeFromDescription();

        app.MapGet("/accessibility", (HttpContext http, TemplateSet t, IAntiforgery af) =>
            Page(t, "web/accessibility", new
            {
                site = JourneyPages.Site(http, af), pageTitle = "Accessibility statement",
            }))
            .ExcludeFromDescription();

        app.MapGet("/check/person", (HttpContext http, string? s, string? @return, JourneyContext j) =>
        {
            if (j.State(s) is not { } state) return j.Expired(http);
            if (j.TakePending(state, PersonPage) is not { } posted)
                return j.PersonPage(http, state, PersonForm.From(state), [], @return);
            var form = PersonForm.From(posted);
            return j.PersonPage(http, state, form, form.Check(j.Catalog), @return);
        }).ExcludeFromDescription();

        app.MapPost("/check/person", async (HttpContext http, JourneyContext j) =>
        {
            if (await j.Posted(http) is not { } p) return j.Expired(http);
            var (post, state) = p;
            var form = PersonForm.From(post);
            var errors = form.Check(j.Catalog);
            if (errors.Count > 0) return j.ShowErrors(state, PersonPage, post, "/check/person");
            state.History["dateOfBirth"] = AssessmentJson.Iso(form.Dob!.Value);
            state.AsAt = AssessmentJson.Iso(form.AsAt!.Value);
            state.Council = form.Council;
            return j.Next(state, post["return"] == "answers" ? "/check/answers" : "/check/episodes");
        }).ExcludeFromDescription();

        app.MapGet("/check/episodes", (HttpContext http, string? s, int? added, JourneyContext j) =>
            j.State(s) is not { } state
                ? j.Expired(http) : j.ListPage(http, state, [FactLists.Episodes], added, "episodes"))
            .ExcludeFromDescription();

        app.MapGet("/check/other", (HttpContext http, string? s, int? added, string? kind, JourneyContext j) =>
            j.State(s) is not { } state ? j.Expired(http) : j.ListPage(http, state, FactLists.Facts, added, kind))
            .ExcludeFromDescription();

        app.MapGet("/check/{slug}/add", (HttpContext http, string slug, string? s, string? @return, JourneyContext j) =>
        {
            if (FactLists.BySlug(slug) is not { } kind) return Results.NotFound();
            if (j.State(s) is not { } state) return j.Expired(http);
            return j.ItemPage(http, state, kind, null, j.PendingItem(state, kind, null) ?? ItemForm.Empty(kind), @return);
        }).ExcludeFromDescription();

        app.MapGet("/check/{slug}/{n:int}/change",
            (HttpContext http, string slug, int n, string? s, string? @return, JourneyContext j) =>
        {
            if (FactLists.BySlug(slug) is not { } kind) return Results.NotFound();
            if (j.State(s) is not { } state) return j.Expired(http);
            var list = state.List(kind.Key);
            if (n < 1 || n > list.Count || list[n - 1] is not JsonObject item) return Results.NotFound();
            return j.ItemPage(http, state, kind, n, j.PendingItem(state, kind, n) ?? ItemForm.FromItem(kind, item), @return);
        }).ExcludeFromDescription();

        app.MapPost("/check/{slug}/add", (HttpContext http, string slug, JourneyContext j) =>
            j.SaveItem(http, slug, null))
            .ExcludeFromDescription();
        app.MapPost("/check/{slug}/{n:int}/change", (HttpContext http, string slug, int n, JourneyContext j) =>
            j.SaveItem(http, slug, n))
            .ExcludeFromDescription();

        app.MapGet("/check/{slug}/{n:int}/remove",
            (HttpContext http, string slug, int n, string? s, string? @return, JourneyContext j) =>
        {
            if (FactLists.BySlug(slug) is not { } kind) return Results.NotFound();
            if (j.State(s) is not { } state) return j.Expired(http);
            var list = state.List(kind.Key);
            if (n < 1 || n > list.Count || list[n - 1] is not JsonObject item) return Results.NotFound();
            return Page(j.Templates, "web/remove", new
            {
                site = JourneyPages.Site(http, j.Af), pageTitle = $"Remove {kind.Noun} {n}", token = s,
                noun = kind.Noun, n, lines = FactLists.Describe(kind, item, j.Core), returnTo = @return,
                action = $"/check/{kind.Slug}/{n}/remove", back = j.ReturnUrl(kind, @return, s!),
            });
        }).ExcludeFromDescription();

        app.MapPost("/check/{slug}/{n:int}/remove", async (HttpContext http, string slug, int n, JourneyContext j) =>
        {
            if (FactLists.BySlug(slug) is not { } kind) return Results.NotFound();
            if (await j.Posted(http) is not { } p) return j.Expired(http);
            var (post, state) = p;
            var list = state.List(kind.Key);
            if (n >= 1 && n <= list.Count) list.RemoveAt(n - 1);
            if (list.Count == 0) state.History.Remove(kind.Key);
            return j.Next(state, j.ReturnPath(kind, post["return"]));
        }).ExcludeFromDescription();

        // ?check=yes: the answers were sent and did not pass (the post redirects here to show why).
        app.MapGet("/check/answers", (HttpContext http, string? s, string? check, JourneyContext j) =>
            j.State(s) is not { } state ? j.Expired(http)
                : j.AnswersPage(http, state, check == "yes" ? j.Checked(state).Errors : []))
            .ExcludeFromDescription();

        app.MapPost("/check/answers", async (HttpContext http, JourneyContext j) =>
        {
            if (await j.Posted(http) is not { } p) return j.Expired(http);
            var state = p.State;
            var (_, _, errors) = j.Checked(state);
            return j.Next(state, errors.Count > 0 ? "/check/answers" : "/check/result", errors.Count > 0 ? "check=yes" : null);
        }).ExcludeFromDescription();

        app.MapGet("/check/result", (HttpContext http, string? s, string? view, JourneyContext j) =>
        {
            if (j.State(s) is not { } state) return j.Expired(http);
            var (history, date, errors) = j.Checked(state);
            if (errors.Count > 0 || history is null) return Results.Redirect($"/check/answers?s={s}");
            return ResultPage.Render(http, j, state, s!, history, date, view);
        }).ExcludeFromDescription();

        app.MapGet("/check/download", (string? s, JourneyContext j, HttpContext http) =>
        {
            if (j.State(s) is not { } state) return j.Expired(http);
            var (history, _, errors) = j.Checked(state);
            if (history is null || errors.Count > 0) return Results.Redirect($"/check/answers?s={s}");
            return Results.File(System.Text.Encoding.UTF8.GetBytes(CareHistoryJson.Serialize(history) + "\n"),
                "application/json", "care-history.json");
        }).ExcludeFromDescription();

        UploadEndpoints.Map(app);
        WhatIfPage.Map(app);
    }

    public static IResult Page(TemplateSet t, string name, object model, int status = 200, PageLanguage? page = null) =>
        Results.Content(t.Render(name, model, page: page), "text/html; charset=utf-8", statusCode: status);
}
