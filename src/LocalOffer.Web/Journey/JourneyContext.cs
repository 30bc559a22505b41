using System.Text.Json.Nodes;
using LocalOffer.Core;
using LocalOffer.Core.Input;
using LocalOffer.Core.Model;
using LocalOffer.Offers.Policy;
using LocalOffer.Offers.Render;
using Microsoft.AspNetCore.Antiforgery;
using NodaTime;

namespace LocalOffer.Web.Journey;

/// <summary>A form as posted with the answers its token carries.</summary>
public sealed record PostedForm(IFormCollection Form, JourneyState State);

/// <summary>
/// What every page of the journey needs (the rules core, councils, templates, antiforgery and the
/// keys of the state token) and the pages it renders, so each endpoint reads as its steps.
/// </summary>
public sealed class JourneyContext(RulesCore core, OfferCatalog catalog, TemplateSet templates, IAntiforgery af,
    JourneyStore store, IHttpContextAccessor http)
{
    public RulesCore Core => core;
    public OfferCatalog Catalog => catalog;
    public TemplateSet Templates => templates;
    public IAntiforgery Af => af;

    public JourneyStore Store => store;

    /// <summary>
    /// The answers a page's handle names in this browser session: a new journey when there is no
    /// handle; null when it is malformed, unknown, expired or another session's (the expired page).
    /// </summary>
    public JourneyState? State(string? token)
    {
        if (string.IsNullOrEmpty(token)) return new JourneyState();
        var packed = store.Load(JourneySession.Current(http.HttpContext!), token);
        return packed is null ? null : JourneyState.Unpack(packed);
    }

    /// <summary>The handle of these answers in this session (the session made when it has none).</summary>
    public string Token(JourneyState state) => store.Save(JourneySession.Ensure(http.HttpContext!), state.Pack());

    /// <summary>
    /// The posted form with its answers, or null when the form is too big, did not come from this
    /// site, has expired or carries a token that cannot be read (the caller shows the expired page).
    /// </summary>
    public async Task<PostedForm?> Posted(HttpContext http)
    {
        IFormCollection post;
        try
        {
            post = await http.Request.ReadFormAsync();
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException or IOException)
        {
            return null;
        }
        if (!await af.IsRequestValidAsync(http)) return null;
        return State(post["s"]) is { } state ? new PostedForm(post, state) : null;
    }

    /// <summary>303 to the next page's GET with the new token: Back and Reload never resend a form.</summary>
    public IResult Next(JourneyState state, string path, string? query = null, string? fragment = null)
    {
        var packed = state.Pack();
        if (packed.Length > JourneyState.MaxAnswersBytes) return TooLong();
        var token = store.Save(JourneySession.Ensure(http.HttpContext!), packed);
        var url = $"{path}?s={token}{(query is null ? "" : "&" + query)}{(fragment is null ? "" : "#" + fragment)}";
        return new SeeOther(url);
    }

    /// <summary>
    /// Keeps a form that did not pass with the answers and redirects to its page's GET, which shows the
    /// errors (<see cref="TakePending"/>): the browser's history then holds no POST to resend.
    /// </summary>
    public IResult ShowErrors(JourneyState state, string page, IFormCollection post, string path)
    {
        state.Pending = PendingForm.Of(page, post);
        return Next(state, path, post["return"] == "answers" ? "return=answers" : null);
    }

    /// <summary>The form kept for this page, taken off the answers (so the next page's handle is without it).</summary>
    public IFormCollection? TakePending(JourneyState state, string page)
    {
        var pending = state.Pending;
        state.Pending = null;
        return pending is not null && pending.Page == page ? pending.Form() : null;
    }

    /// <summary>The name a kept form of an item's page goes by: "episodes/add" or "episodes/2/change".</summary>
    public static string ItemPageName(ListKind kind, int? n) => n is { } i ? $"{kind.Slug}/{i}/change" : $"{kind.Slug}/add";

    /// <summary>An item's kept form read and checked again, as the post was, or null when none is kept for it.</summary>
    public ItemForm? PendingItem(JourneyState state, ListKind kind, int? n) =>
        TakePending(state, ItemPageName(kind, n)) is { } post
            ? ItemForm.Read(kind, post, Iso((string?)state.History["dateOfBirth"]), core).Form : null;

    public IResult Expired(HttpContext http) => JourneyEndpoints.Page(templates, "web/expired", new
    {
        site = JourneyPages.Site(http, af), pageTitle = "Sorry, your answers could not be read",
    }, 400);

    private IResult TooLong() => Results.Content(
        "<!DOCTYPE html><html lang=\"en-GB\"><title>Too many answers</title><p>This history is too long to carry " +
        "between pages. Go back and remove an item.</p></html>", "text/html; charset=utf-8", statusCode: 400);

    public IResult PersonPage(HttpContext http, JourneyState state, PersonForm form,
        List<(string Id, string Message)> errors, string? ret)
    {
        var token = Token(state);
        return JourneyEndpoints.Page(templates, "web/person", new
        {
            site = JourneyPages.Site(http, af),
            pageTitle = (errors.Count > 0 ? "Error: " : "") + "About the young person",
            token,
            returnTo = ret == "answers" ? "answers" : null,
            back = ret == "answers" ? $"/check/answers?s={token}" : "/",
            errors = JourneyPages.Errors(errors),
            dob = Date("dob", form.DobParts, errors),
            asAt = Date("asAt", form.AsAtParts, errors),
            councilError = errors.FirstOrDefault(e => e.Id == "council").Message,
            councils = catalog.Councils.Select((c, i) => new
            {
                id = i == 0 ? "council" : $"council-{i + 1}", value = c.Id, text = c.Name,
                selected = c.Id == form.Council,
            }).ToArray(),
        }, errors.Count > 0 ? 400 : 200);
    }

    private static object Date(string name, DateInput.Parts p, List<(string Id, string Message)> errors) => new
    {
        name, day = p.Day, month = p.Month, year = p.Year,
        error = errors.FirstOrDefault(e => e.Id == name + "-day").Message,
    };

    public IResult ListPage(HttpContext http, JourneyState state, ListKind[] kinds, int? added, string? addedKind)
    {
        var token = Token(state);
        var episodes = kinds.Length == 1;
        return JourneyEndpoints.Page(templates, "web/list", new
        {
            site = JourneyPages.Site(http, af),
            pageTitle = episodes ? "Care episodes" : "Other facts",
            heading = episodes ? "Care episodes" : "Other facts about their care",
            intro = episodes
                ? "Add each period they were looked after, as on the SSDA903 record. " +
                  "Add none if they were never in care."
                : "Add anything else that affects their status. Leave a list empty if it does not apply.",
            token,
            banner = added is { } a && FactLists.BySlug(addedKind ?? "") is { } k
                ? $"{JourneyPages.Capital(k.Noun)} {a} added" : null,
            lists = kinds.Select(k => new
            {
                slug = k.Slug, heading = k.Heading, hint = k.Hint, noun = k.Noun,
                rows = JourneyPages.Rows(k, state.List(k.Key), token, null, core, k.Slug == addedKind ? added : null),
                add = $"/check/{k.Slug}/add?s={token}",
                addText = AddText(k, state),
                full = state.List(k.Key).Count >= k.Max,
                max = k.Max,
                single = episodes,
            }).ToArray(),
            back = episodes ? $"/check/person?s={token}" : $"/check/episodes?s={token}",
            // Issue 28: from the episodes straight to check your answers, which lists the other facts
            // not given with a link to add them; most histories have none, so the page between cost every
            // journey a page and 7 tab stops.
            next = $"/check/answers?s={token}",
            other = episodes ? $"/check/other?s={token}" : null,
        });
    }

    public IResult ItemPage(HttpContext http, JourneyState state, ListKind kind, int? n, ItemForm form, string? ret)
    {
        var token = Token(state);
        var errors = form.Errors.Select(e => (JourneyPages.InputId(kind, e.Key), e.Message)).ToList();
        var heading = n is null ? $"Add {Article(kind.Noun)}" : $"Change {kind.Noun} {n}";
        return JourneyEndpoints.Page(templates, "web/item", new
        {
            site = JourneyPages.Site(http, af),
            pageTitle = (errors.Count > 0 ? "Error: " : "") + heading,
            heading, hint = kind.Hint, token, returnTo = ret == "answers" ? "answers" : null,
            action = n is null ? $"/check/{kind.Slug}/add" : $"/check/{kind.Slug}/{n}/change",
            errors = JourneyPages.Errors(errors),
            questions = JourneyPages.Questions(form, core),
            back = ReturnUrl(kind, ret, token),
        }, errors.Count > 0 ? 400 : 200);
    }

    public async Task<IResult> SaveItem(HttpContext http, string slug, int? n)
    {
        if (FactLists.BySlug(slug) is not { } kind) return Results.NotFound();
        if (await Posted(http) is not { } p) return Expired(http);
        var (post, state) = p;
        var ret = (string?)post["return"];
        var list = state.List(kind.Key);
        if (n is { } k && (k < 1 || k > list.Count)) return Results.NotFound();
        // A full list: back to it (the page says it is full), never a page answering the post.
        if (n is null && list.Count >= kind.Max) return Next(state, ReturnPath(kind, ret));
        var dob = Iso((string?)state.History["dateOfBirth"]);
        var (_, item) = ItemForm.Read(kind, post, dob, core);
        if (item is null)
            return ShowErrors(state, ItemPageName(kind, n), post, n is { } c ? $"/check/{kind.Slug}/{c}/change" : $"/check/{kind.Slug}/add");
        int at;
        if (n is { } i) list[(at = i) - 1] = item;
        else
        {
            list.Add(item);
            at = list.Count;
        }
        var anchor = $"{kind.Slug}-{at}";
        if (ret == "answers") return Next(state, "/check/answers", fragment: anchor);
        return Next(state, kind == FactLists.Episodes ? "/check/episodes" : "/check/other",
            query: n is null ? $"added={at}&kind={kind.Slug}" : null, fragment: anchor);
    }

    public string ReturnPath(ListKind kind, string? ret) =>
        ret == "answers" ? "/check/answers" : kind == FactLists.Episodes ? "/check/episodes" : "/check/other";

    public string ReturnUrl(ListKind kind, string? ret, string token) => $"{ReturnPath(kind, ret)}?s={token}";

    /// <summary>
    /// The answers read by the rules core exactly as the API reads a document, with the council and
    /// the date; errors in words, each linking to where it can be put right.
    /// </summary>
    public (CareHistory? History, LocalDate Date, List<(string Id, string Message, string? Href)> Errors) Checked(
        JourneyState state)
    {
        var errors = new List<(string, string, string?)>();
        if (state.History["dateOfBirth"] is null) errors.Add(("person", "Enter the date of birth", null));
        if (state.Council is null || catalog.Find(state.Council) is null)
            errors.Add(("person", "Select the council whose local offer to use", null));
        var asAt = Iso(state.AsAt);
        if (asAt is null) errors.Add(("person", "Enter the date to check", null));
        if (errors.Count > 0) return (null, default, errors);
        var (history, problems) = core.Reader.Read(state.History.ToJsonString());
        foreach (var e in problems) errors.Add(AnswerErrors.Words(e));
        if (history is not null && asAt < history.DateOfBirth)
            errors.Add(("person", "Date to check must be on or after the date of birth", null));
        return (errors.Count > 0 ? null : history, asAt ?? default, errors);
    }

    public IResult AnswersPage(HttpContext http, JourneyState state,
        List<(string Id, string Message, string? Href)> errors)
    {
        var token = Token(state);
        var dob = Iso((string?)state.History["dateOfBirth"]);
        var asAt = Iso(state.AsAt);
        var change = $"/check/person?s={token}&return=answers";
        return JourneyEndpoints.Page(templates, "web/answers", new
        {
            site = JourneyPages.Site(http, af),
            pageTitle = (errors.Count > 0 ? "Error: " : "") + "Check your answers",
            token,
            errors = errors.Select(e => new
            {
                href = e.Href is null ? "#" + e.Id : e.Href + $"?s={token}&return=answers", text = e.Message,
            }).ToArray(),
            person = new object[]
            {
                Row("Date of birth", dob is { } d ? DateInput.Words(d) : "Not given", change, "date of birth"),
                Row("Council", JourneyPages.CouncilName(catalog, state.Council), change, "council"),
                Row("Date to check", asAt is { } a ? DateInput.Words(a) : "Not given", change, "date to check"),
            },
            // Episodes always, and the other facts that have items; the empty ones are one line with one
            // link (issue 28: five headings saying "None." with an add link each were five more tab stops and
            // a phone screen between the episodes and "Check status").
            lists = FactLists.All.Where(k => k == FactLists.Episodes || state.List(k.Key).Count > 0).Select(k => new
            {
                heading = k.Heading, slug = k.Slug, noun = k.Noun,
                rows = JourneyPages.Rows(k, state.List(k.Key), token, "answers", core),
                add = $"/check/{k.Slug}/add?s={token}&return=answers",
                addText = AddText(k, state),
                full = state.List(k.Key).Count >= k.Max,
            }).ToArray(),
            noFacts = FactLists.Facts.Where(k => state.List(k.Key).Count == 0)
                .Select(k => JourneyPages.Capital(k.Heading.ToLowerInvariant())).ToArray(),
            otherFacts = $"/check/other?s={token}",
            download = $"/check/download?s={token}",
            back = $"/check/episodes?s={token}",
        }, errors.Count > 0 ? 400 : 200);
    }

    private static object Row(string key, string value, string change, string hidden) =>
        new { key, value, change, hidden };

    private static string Article(string noun) => ("aeiou".Contains(noun[0]) ? "an " : "a ") + noun;

    /// <summary>"Add an episode", "Add another episode" (issue 28: the page said "Add a episode").</summary>
    private static string AddText(ListKind kind, JourneyState state) =>
        state.List(kind.Key).Count > 0 ? $"Add another {kind.Noun}" : $"Add {Article(kind.Noun)}";

    public static LocalDate? Iso(string? s) =>
        s is not null && NodaTime.Text.LocalDatePattern.Iso.Parse(s) is { Success: true } p ? p.Value : null;
}

/// <summary>A 303 See Other: the browser follows with a GET, whatever the method was.</summary>
public sealed class SeeOther(string url) : IResult
{
    public Task ExecuteAsync(HttpContext http)
    {
        http.Response.StatusCode = StatusCodes.Status303SeeOther;
        http.Response.Headers.Location = url;
        return Task.CompletedTask;
    }
}
