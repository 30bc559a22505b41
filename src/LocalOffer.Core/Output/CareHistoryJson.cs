using System.Text.Json.Nodes;
using LocalOffer.Core.Input;
using LocalOffer.Core.Model;
using NodaTime;

namespace LocalOffer.Core.Output;

/// <summary>
/// Writes a care history as the JSON document `check`, the web app and the API read (README, "The
/// care history document"), so one child of a batch run can be opened in `check`. Reading what this
/// writes gives the same history back (a test checks the round trip).
/// </summary>
public static class CareHistoryJson
{
    public static JsonObject ToJson(CareHistory h)
    {
        var o = new JsonObject();
        if (h.Id is not null) o["id"] = h.Id;
        o["dateOfBirth"] = Iso(h.DateOfBirth);
        if (h.Episodes.Count > 0)
            o["episodes"] = Array(h.Episodes, e => new JsonObject
            {
                ["start"] = Iso(e.Start), ["end"] = Iso(e.End), ["legalStatus"] = e.LegalStatus,
                ["placement"] = e.Placement, ["reasonEnded"] = e.ReasonEnded,
            });
        if (h.Detentions.Count > 0)
            o["detentions"] = Array(h.Detentions, d =>
            {
                var x = new JsonObject
                {
                    ["start"] = Iso(d.Start), ["end"] = Iso(d.End),
                    ["kind"] = Key(CareHistoryReader.DetentionKinds, d.Kind),
                };
                if (d.CareOrderDischarged) x["careOrderDischarged"] = true; // written only when recorded
                return x;
            });
        if (h.LivingWithParent.Count > 0)
            o["livingWithParent"] = Array(h.LivingWithParent, l => new JsonObject { ["start"] = Iso(l.Start), ["end"] = Iso(l.End) });
        if (h.OtherCare.Count > 0)
            o["otherCare"] = Array(h.OtherCare, x => new JsonObject
                { ["start"] = Iso(x.Start), ["end"] = Iso(x.End), ["kind"] = Key(CareHistoryReader.OtherCareKinds, x.Kind) });
        if (h.Education.Count > 0)
            o["education"] = Array(h.Education, x => new JsonObject
            {
                ["start"] = Iso(x.Start), ["end"] = Iso(x.End), ["kind"] = Key(CareHistoryReader.EducationKinds, x.Kind),
                ["fullTime"] = x.FullTime,
            });
        if (h.SupportRequests.Count > 0)
            o["supportRequests"] = Array(h.SupportRequests, r => new JsonObject { ["date"] = Iso(r.Date) });
        if (h.HousingApplications.Count > 0)
            o["housingApplications"] = Array(h.HousingApplications, a => new JsonObject
                { ["applied"] = Iso(a.Applied), ["decided"] = Iso(a.Decided) });
        return o;
    }

    public static string Serialize(CareHistory h) => ToJson(h).ToJsonString(AssessmentJson.Options);

    private static string? Iso(LocalDate? d) => d is { } x ? AssessmentJson.Iso(x) : null;

    private static string Key<T>(IReadOnlyDictionary<string, T> kinds, T value) where T : struct, Enum =>
        kinds.First(k => k.Value.Equals(value)).Key;

    private static JsonArray Array<T>(IEnumerable<T> items, Func<T, JsonObject> one) =>
        new(items.Select(i => (JsonNode)one(i)).ToArray());
}
