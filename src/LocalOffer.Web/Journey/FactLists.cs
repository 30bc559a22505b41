using System.Text.Json.Nodes;
using LocalOffer.Core;
using LocalOffer.Core.Input;

namespace LocalOffer.Web.Journey;

public enum FieldType { Date, Select, Radios, YesNo }

/// <summary>
/// One question of an item's page. <paramref name="Key"/> is its name in the care history document
/// (or a question of the form only, when <paramref name="InDocument"/> is false); a question with
/// <paramref name="RevealedBy"/> is asked only when that yes/no question is answered "Yes".
/// </summary>
public sealed record Field(string Key, string Label, FieldType Type, bool Required, string? Hint = null,
    string? RevealedBy = null, bool InDocument = true, string? Missing = null)
{
    /// <summary>The GOV.UK message when a required question is not answered.</summary>
    public string MissingMessage => Missing ?? Type switch
    {
        FieldType.Select => $"Select the {char.ToLowerInvariant(Label[0])}{Label[1..]}",
        _ => "Select an answer",
    };
}

/// <summary>
/// A list the care history holds (episodes, detentions, living with a parent, other care,
/// education, requests for support): its name in the document, its address, the words for one
/// item, its limit and its questions. The engine takes lists, so the form does too.
/// </summary>
public sealed record ListKind(string Key, string Slug, string Noun, string Heading, string Hint, int Max, Field[] Fields)
{
    public Field? Start => Fields.FirstOrDefault(f => f.Key is "start" or "date");
    public Field? End => Fields.FirstOrDefault(f => f.Key == "end");
}

public static class FactLists
{
    /// <summary>Episodes: twice a long care career's 100; the answers stay on the server, so pages do not grow.</summary>
    public const int MaxEpisodes = 200;
    /// <summary>Every other list: a young person's record never holds so many of one fact.</summary>
    public const int MaxOther = 50;

    private static readonly Field Ended = new("ended", "Has this ended?", FieldType.YesNo, true, InDocument: false);

    public static readonly ListKind Episodes = new("episodes", "episodes", "episode", "Care episodes",
        "Each period looked after, as on the SSDA903 record.", MaxEpisodes,
        [
            new("start", "Date care started", FieldType.Date, true, "The episode's start date (DECOM), for example 10 1 2022"),
            new("legalStatus", "Legal status", FieldType.Select, true),
            new("placement", "Placement", FieldType.Select, false, "Optional"),
            Ended with { Label = "Has this episode ended?", Missing = "Select yes if the episode has ended" },
            new("end", "Date care ended", FieldType.Date, true, "The day care ceased (DEC), for example 1 9 2024",
                RevealedBy: "ended"),
            new("reasonEnded", "Reason the episode ended", FieldType.Select, true,
                "Special guardianship orders are E45 to E48", RevealedBy: "ended"),
        ]);

    public static readonly ListKind Detentions = new("detentions", "detentions", "period in custody or hospital",
        "Custody or hospital", "Detained (for example in a young offender institution) or in hospital.", MaxOther,
        [
            new("kind", "Where were they?", FieldType.Radios, true, Missing: "Select where they were"),
            new("start", "Date detained or admitted", FieldType.Date, true, "For example, 20 8 2025"),
            Ended with { Label = "Have they left?", Missing = "Select yes if they have left" },
            new("end", "Date released or discharged", FieldType.Date, true, "For example, 3 2 2026", RevealedBy: "ended"),
        ]);

    public static readonly ListKind LivingWithParent = new("livingWithParent", "living-with-parent",
        "period living with a parent", "Living with a parent",
        "Living with a parent or a person with parental responsibility after care.", MaxOther,
        [
            new("start", "Date they began living there", FieldType.Date, true, "For example, 1 6 2026"),
            Ended with { Label = "Have they stopped living there?", Missing = "Select yes if they have stopped living there" },
            new("end", "Date they stopped living there", FieldType.Date, true, "For example, 1 12 2026",
                RevealedBy: "ended"),
        ]);

    public static readonly ListKind OtherCare = new("otherCare", "other-care", "other care arrangement",
        "Private fostering or other accommodation",
        "Care that was not by the council: private fostering, a voluntary organisation, a private children's home, " +
        "health or education accommodation, a care home.", MaxOther,
        [
            new("kind", "What was the arrangement?", FieldType.Radios, true, Missing: "Select the arrangement"),
            new("start", "Date the arrangement started", FieldType.Date, true, "For example, 6 1 2025"),
            Ended with { Label = "Has the arrangement ended?", Missing = "Select yes if the arrangement has ended" },
            new("end", "Date the arrangement ended", FieldType.Date, true, "For example, 19 12 2025", RevealedBy: "ended"),
        ]);

    public static readonly ListKind Education = new("education", "education", "course or training",
        "Education and training", "Courses, apprenticeships and training.", MaxOther,
        [
            new("kind", "What kind of course or training?", FieldType.Radios, true,
                Missing: "Select the kind of course or training"),
            new("fullTime", "Is it full time?", FieldType.YesNo, true, Missing: "Select yes if it is full time"),
            new("start", "Date it started", FieldType.Date, true, "For example, 20 9 2026"),
            Ended with { Label = "Has it ended?", Missing = "Select yes if it has ended" },
            new("end", "Date it ended", FieldType.Date, true, "For example, 30 6 2029", RevealedBy: "ended"),
        ]);

    public static readonly ListKind SupportRequests = new("supportRequests", "support-requests",
        "request for support", "Requests for support after 21",
        "When a former relevant young person aged 21 or over asked the council for advice and support.", MaxOther,
        [new("date", "Date they asked for support", FieldType.Date, true, "For example, 2 3 2030")]);

    public static readonly ListKind[] All = [Episodes, Detentions, LivingWithParent, OtherCare, Education, SupportRequests];
    public static readonly ListKind[] Facts = [Detentions, LivingWithParent, OtherCare, Education, SupportRequests];

    public static ListKind? BySlug(string slug) => All.FirstOrDefault(k => k.Slug == slug);
    public static ListKind? ByKey(string key) => All.FirstOrDefault(k => k.Key == key);

    /// <summary>The choices of a select or radios question, in plain words with any SSDA903 code beside.</summary>
    public static IReadOnlyList<(string Value, string Text)> Options(ListKind kind, Field f, RulesCore core) =>
        (kind.Key, f.Key) switch
        {
            ("episodes", "legalStatus") => Codes(core.Codes.LegalStatus),
            ("episodes", "placement") => Codes(core.Codes.Placement),
            ("episodes", "reasonEnded") => Codes(core.Codes.ReasonEnded),
            ("detentions", "kind") => CareHistoryReader.DetentionKinds.Keys.Select(k => (k, FactLabels.Text(k))).ToList(),
            ("otherCare", "kind") => FactLabels.OtherCareKinds.Select(k => (k, FactLabels.Text(k))).ToList(),
            ("education", "kind") => FactLabels.EducationKinds.Select(k => (k, FactLabels.Text(k))).ToList(),
            _ => [],
        };

    private static List<(string, string)> Codes(IReadOnlyDictionary<string, string> codes) =>
        codes.Select(kv => (kv.Key, $"{kv.Value} ({kv.Key})")).ToList();

    /// <summary>One item in words for the summary list: its dates, then its other answers.</summary>
    public static IReadOnlyList<string> Describe(ListKind kind, JsonObject item, RulesCore core)
    {
        var lines = new List<string>();
        var start = Date(item, kind.Start?.Key ?? "start");
        var end = Date(item, "end");
        if (kind.End is null) lines.Add(start);
        else lines.Add(end.Length == 0 ? $"From {start}, not ended" : $"From {start} to {end}");
        foreach (var f in kind.Fields.Where(f => f.Type is FieldType.Select or FieldType.Radios))
        {
            var value = (string?)item[f.Key];
            if (string.IsNullOrEmpty(value)) continue;
            var text = Options(kind, f, core).FirstOrDefault(o => o.Value == value).Text ?? value;
            lines.Add(f.Key switch { "placement" => $"Placement: {text}", "reasonEnded" => $"Ended: {text}", _ => text });
        }
        if (kind.Key == "education") lines.Add(item["fullTime"]?.GetValue<bool>() == true ? "Full time" : "Part time");
        return lines;
    }

    private static string Date(JsonObject item, string key) =>
        NodaTime.Text.LocalDatePattern.Iso.Parse((string?)item[key] ?? "") is { Success: true } p ? DateInput.Words(p.Value) : "";
}
