using System.Text.Json.Nodes;
using LocalOffer.Core;
using LocalOffer.Core.Output;
using LocalOffer.Offers.Policy;
using LocalOffer.Offers.Render;
using NodaTime;

namespace LocalOffer.Web;

/// <summary>JSON forms of the offers: a council's offer on a date, and a personal offer.</summary>
public static class OfferJson
{
    public static JsonObject Item(OfferItem i) => new()
    {
        ["id"] = i.Id,
        ["area"] = i.Area,
        ["title"] = i.Title.En,
        ["description"] = i.Description.En,
        ["kind"] = i.Statutory ? "statutory" : "discretionary",
        ["entitlement"] = i.Entitlement,
        ["for"] = OfferViews.ForText(i.For),
        ["amount"] = i.Amount is { } a ? new JsonObject { ["gbp"] = a.Gbp, ["period"] = a.Period } : null,
        ["provider"] = i.Provider?.En,
        ["source"] = i.Source,
    };

    public static JsonObject Council(Council c, LocalDate asAt, RulesCore core)
    {
        var v = c.OfferOn(asAt);
        return new JsonObject
        {
            ["id"] = c.Id,
            ["name"] = c.Name,
            ["asAt"] = AssessmentJson.Iso(asAt),
            ["inForceFrom"] = v is null ? null : AssessmentJson.Iso(v.InForceFrom),
            ["nextReview"] = v?.NextReview is { } r ? AssessmentJson.Iso(r) : null,
            ["items"] = new JsonArray((v?.Items.Where(i => i.InForceOn(asAt)) ?? []).Select(i => (JsonNode)Item(i)).ToArray()),
        };
    }

    public static JsonObject Personal(PersonalOffer o, RulesCore core) => new()
    {
        ["council"] = new JsonObject { ["id"] = o.Council.Id, ["name"] = o.Council.Name },
        ["statusMeaning"] = o.StatusMeaning,
        ["assessment"] = AssessmentJson.ToJson(o.Assessment),
        ["statutory"] = new JsonArray(o.Statutory.Select(s => (JsonNode)new JsonObject
        {
            ["id"] = s.Entitlement.Id,
            ["title"] = s.Entitlement.Title,
            ["from"] = AssessmentJson.Iso(s.Entitlement.From),
            ["to"] = AssessmentJson.Iso(s.Entitlement.To),
            ["councilDescription"] = s.CouncilItem?.Description.En,
        }).ToArray()),
        ["councilItems"] = new JsonArray(o.CouncilItems.Select(i => (JsonNode)Item(i)).ToArray()),
        ["mayApply"] = new JsonArray(o.MayApply.Select(i => (JsonNode)Item(i)).ToArray()),
        ["next"] = new JsonArray(o.Next.Select(n => (JsonNode)new JsonObject { ["on"] = AssessmentJson.Iso(n.On), ["what"] = n.What }).ToArray()),
    };
}
