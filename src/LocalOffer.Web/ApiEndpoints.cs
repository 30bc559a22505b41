using System.Text.Json.Nodes;
using LocalOffer.Core;
using LocalOffer.Core.Input;
using LocalOffer.Core.Model;
using LocalOffer.Core.Output;
using LocalOffer.Offers.Policy;
using LocalOffer.Offers.Render;
using NodaTime;
using NodaTime.Text;
using LocalOffer.Core.Safety;

namespace LocalOffer.Web;

/// <summary>
/// The JSON API. POST /api/check returns exactly `localoffer check --format json`. Bad input is a
/// 400 problem details (RFC 9457) whose "errors" name each bad field.
/// </summary>
public static class ApiEndpoints
{
    public static void Map(WebApplication app)
    {
        var api = app.MapGroup("/api").DisableAntiforgery();

        app.MapGet("/health", () => Results.Json(new { status = "ok" })).WithName("Health").WithSummary("Liveness check");

        api.MapPost("/check", async (HttpRequest request, RulesCore core, string? asAt) =>
        {
            var (history, date, problem) = await ReadHistory(request, core, asAt);
            if (problem is not null) return problem;
            return JsonBody.Of(core.Engine.Assess(history!, date));
        })
        .WithName("Check").WithSummary("Care leaver status, timeline, entitlements and explanation for one care history")
        .Accepts<JsonObject>("application/json").Produces<JsonObject>().ProducesValidationProblem();

        api.MapPost("/offer", async (HttpRequest request, RulesCore core, OfferCatalog catalog, string? council, string? asAt) =>
        {
            if (council is null || catalog.Find(council) is not { } c)
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["council"] = [$"unknown council '{Printable.Clean(council, 60)}' (known: {string.Join(", ", catalog.Councils.Select(x => x.Id))})"] });
            var (history, date, problem) = await ReadHistory(request, core, asAt);
            if (problem is not null) return problem;
            var assessment = core.Engine.Assess(history!, date);
            var offer = PersonalOfferBuilder.Build(assessment, history!, c, core.Law);
            return Json(OfferJson.Personal(offer, core));
        })
        .WithName("PersonalOffer").WithSummary("The personal local offer for one care history")
        .Accepts<JsonObject>("application/json").Produces<JsonObject>().ProducesValidationProblem();

        api.MapGet("/councils", (OfferCatalog catalog) => Json(new JsonArray(catalog.Councils.Select(c => (JsonNode)new JsonObject
        {
            ["id"] = c.Id,
            ["name"] = c.Name,
            ["versions"] = new JsonArray(c.Versions.Select(v => (JsonNode)new JsonObject
            {
                ["inForceFrom"] = AssessmentJson.Iso(v.InForceFrom),
                ["inForceTo"] = c.SupersededOn(v) is { } t ? AssessmentJson.Iso(t) : null,
            }).ToArray()),
        }).ToArray())))
        .WithName("Councils").WithSummary("Every council with a published offer").Produces<JsonArray>();

        api.MapGet("/councils/{id}/offer", (string id, string? asAt, OfferCatalog catalog, RulesCore core) =>
        {
            if (catalog.Find(id) is not { } c) return Results.Problem(statusCode: 404, title: $"No council '{Printable.Clean(id, 60)}'");
            if (ParseDate(asAt, "asAt") is var (date, bad) && bad is not null) return bad;
            return Json(OfferJson.Council(c, date, core));
        })
        .WithName("CouncilOffer").WithSummary("A council's offer in force on a date").Produces<JsonObject>().ProducesProblem(404);

        api.MapGet("/rules", (string? asAt, RulesCore core) =>
        {
            if (ParseDate(asAt, "asAt") is var (date, bad) && bad is not null) return bad;
            return Json(new JsonObject
            {
                ["asAt"] = AssessmentJson.Iso(date),
                ["parameters"] = new JsonArray(core.Law.Book.Parameters.Select(p => (JsonNode)new JsonObject
                {
                    ["id"] = p.Id,
                    ["description"] = p.Description,
                    ["unit"] = p.Unit,
                    ["value"] = Value(p.ValueOn(date)),
                    ["inForce"] = p.ValueOn(date) is not null,
                    ["references"] = AssessmentJson.Basis(p.References),
                }).ToArray()),
            });
        })
        .WithName("Rules").WithSummary("Every dated parameter of the law in force on a date, with its reference").Produces<JsonObject>().ProducesValidationProblem();
    }

    private static IResult Json(JsonNode node) => new JsonBody(node);

    private static JsonNode? Value(object? v) => v switch
    {
        null => null,
        LocalDate d => AssessmentJson.Iso(d),
        string[] list => new JsonArray(list.Select(x => (JsonNode)JsonValue.Create(x)!).ToArray()),
        int i => i,
        decimal m => m,
        bool b => b,
        _ => v.ToString(),
    };

    /// <summary>An ISO date from the query, today when absent, or a 400 naming the parameter.</summary>
    public static (LocalDate Date, IResult? Problem) ParseDate(string? text, string name)
    {
        if (string.IsNullOrEmpty(text)) return (Today(), null);
        var p = LocalDatePattern.Iso.Parse(text);
        if (p.Success && text.Length == 10 && !DateLimits.InRange(p.Value))
            return (default, Results.ValidationProblem(new Dictionary<string, string[]> { [name] = [DateLimits.OutOfRange(p.Value)] }));
        return p.Success && text.Length == 10 ? (p.Value, null)
            : (default, Results.ValidationProblem(new Dictionary<string, string[]> { [name] = [$"'{Printable.Clean(text, 60)}' is not a date (YYYY-MM-DD)"] }));
    }

    public static LocalDate Today() => LocalOffer.Core.Time.UkClock.Today();

    private static async Task<(CareHistory? History, LocalDate Date, IResult? Problem)> ReadHistory(HttpRequest request, RulesCore core, string? asAt)
    {
        var (date, bad) = ParseDate(asAt, "asAt");
        if (bad is not null) return (null, default, bad);
        var (owner, body, failure) = await BodyReader.ReadLimitedAsync(request, WebApp.MaxBodyBytes);
        if (failure == BodyReader.Failure.TooLarge)
            return (null, default, Results.Problem(statusCode: 413, title: "Request body too large", detail: $"The limit is {WebApp.MaxBodyBytes:N0} bytes."));
        if (owner is null) return (null, default, Problem([new InputError("$", "the body is not UTF-8 text")]));
        CareHistory? history;
        IReadOnlyList<InputError> errors;
        using (owner) (history, errors) = core.Reader.Read(body);
        if (history is null) return (null, default, Problem(errors));
        if (date < history.DateOfBirth) return (null, default, Problem([new InputError("asAt", $"{date:yyyy-MM-dd} is before the date of birth {history.DateOfBirth:yyyy-MM-dd}")]));
        return (history, date, null);
    }

    public static IResult Problem(IReadOnlyList<InputError> errors) =>
        Results.ValidationProblem(errors.GroupBy(e => e.Path).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
            title: "The care history has errors");
}
