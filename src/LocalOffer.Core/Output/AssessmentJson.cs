using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using LocalOffer.Core.Engine;
using LocalOffer.Core.Rules;
using NodaTime;

namespace LocalOffer.Core.Output;

/// <summary>
/// The JSON form of an <see cref="Assessment"/>: the output of `localoffer check --format json`
/// and of POST /api/check. Dates are ISO; "to" dates are exclusive (the first day not covered).
/// </summary>
public static class AssessmentJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Iso(LocalDate d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static JsonObject ToJson(Assessment a) => new()
    {
        ["id"] = a.Id,
        ["dateOfBirth"] = Iso(a.DateOfBirth),
        ["asAt"] = Iso(a.AsAt),
        ["age"] = a.Age,
        ["status"] = a.Status.Wire(),
        ["statusReason"] = a.StatusReason,
        ["statusSince"] = Iso(a.StatusSince),
        ["nextChange"] = a.NextChange is { } n ? new JsonObject { ["on"] = Iso(n.On), ["status"] = n.To.Wire() } : null,
        ["timeline"] = new JsonArray(a.Timeline.Select(Span).ToArray()),
        ["entitlements"] = Entitlements(a.Entitlements),
        ["facts"] = new JsonObject
        {
            ["daysLookedAfterSince14"] = a.Facts.DaysLookedAfterSince14,
            ["daysLookedAfterSince16"] = a.Facts.DaysLookedAfterSince16,
            ["everEligible"] = a.Facts.EverEligible,
            ["thirteenWeeksReached"] = a.Facts.ThirteenWeeksReached is { } d ? Iso(d) : null,
        },
        ["explanation"] = new JsonArray(a.Explanation.Select(e => (JsonNode)JsonValue.Create(e)!).ToArray()),
        ["warnings"] = new JsonArray(a.Warnings.Select(e => (JsonNode)JsonValue.Create(e)!).ToArray()),
    };

    // A span whose limb of law changes inside it lists each limb as a part with its own dates and reason.
    private static JsonNode Span(TimelineSpan t)
    {
        var o = new JsonObject
        {
            ["status"] = t.Status.Wire(),
            ["from"] = Iso(t.From),
            ["to"] = Iso(t.To),
            ["reason"] = t.Reason,
            ["basis"] = Basis(t.Basis),
        };
        if (t.Parts.Count > 1)
            o["parts"] = new JsonArray(t.Parts.Select(p => (JsonNode)new JsonObject
            {
                ["from"] = Iso(p.From), ["to"] = Iso(p.To), ["reason"] = p.Reason, ["basis"] = Basis(p.Basis),
            }).ToArray());
        return o;
    }

    /// <summary>
    /// One object per entitlement run: id, title, from, to, amount, condition, basis (every provision of
    /// the run), and periods: each provision's own dates, basis and condition, in date order.
    /// </summary>
    public static JsonArray Entitlements(IEnumerable<Entitlement> list) =>
        new(list.Select(e => (JsonNode)new JsonObject
        {
            ["id"] = e.Id,
            ["title"] = e.Title,
            ["from"] = Iso(e.From),
            ["to"] = Iso(e.To),
            ["amount"] = e.Amount is { } m ? new JsonObject { ["gbp"] = m.Amount, ["period"] = m.Period } : null,
            ["condition"] = e.Condition,
            ["basis"] = Basis(e.Basis),
            ["periods"] = new JsonArray(e.Periods.Select(p => (JsonNode)new JsonObject
            {
                ["from"] = Iso(p.From), ["to"] = Iso(p.To), ["basis"] = Basis(p.Basis), ["condition"] = p.Condition,
            }).ToArray()),
        }).ToArray());

    public static JsonArray Basis(IEnumerable<LegalReference> refs) =>
        new(refs.Select(r => (JsonNode)new JsonObject { ["citation"] = r.Citation, ["url"] = r.Url }).ToArray());

    public static string Serialize(Assessment a) => ToJson(a).ToJsonString(Options);
}
