using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace LocalOffer.Core.Tests;

/// <summary>
/// Scenario cases as data (scenarios/*.yaml), in the OpenFisca style: a care history in, and for
/// each date the expected status and entitlement ids out. The history is the public JSON care
/// history document written as YAML, read through the same reader as `localoffer check`.
/// <code>
/// - name: what the case shows
///   law: the provision it tests
///   set: [commencement.staying_close=2027-04-01]   # optional: the law with these changes (as `whatif --set`)
///   history: { dateOfBirth: 2008-06-15, episodes: [ { start: ..., end: ..., legalStatus: C2 } ] }
///   checks:
///     - { on: 2024-06-15, status: eligible, entitlements: [advocacy, pathway-plan, personal-adviser] }
///     - { on: 2026-06-15, status: former_relevant, includes: [personal-adviser], excludes: [staying-put] }
/// </code>
/// </summary>
/// <param name="Set">Changes to the law the case runs under (a prospective provision given a date), or none.</param>
public sealed record ScenarioCase(string File, string Name, string HistoryJson, ScenarioCheck Check, string[] Set)
{
    public override string ToString() => $"{File}: {Name} on {Check.On}";
}

/// <param name="Runs">"id from..to": the run of that entitlement covering the date, exactly.</param>
/// <param name="Basis">"id=text": the citation of the provision carrying that entitlement on the date contains the text.</param>
/// <param name="Conditions">"id=text": the condition on the date contains the text ("id=" for none).</param>
/// <param name="Explains">Texts the explanation must contain (the same line each).</param>
/// <param name="Warns">Texts the warnings must contain.</param>
/// <param name="Reason">Text the reason for the status on the date must contain.</param>
public sealed record ScenarioCheck(string On, string Status, string[]? Entitlements, string[] Includes, string[] Excludes,
    string? Since, string? NextOn, string? NextStatus, bool? EverEligible, int? DaysSince14, string? Error, string[] Amounts,
    string[] Runs, string[] Basis, string[] Conditions, string[] Explains, string[] Warns, string? Reason);

public static class ScenarioFile
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "scenarios");

    public static IEnumerable<ScenarioCase> LoadAll() =>
        System.IO.Directory.GetFiles(Directory, "*.yaml").OrderBy(f => f, StringComparer.Ordinal).SelectMany(Load);

    private static readonly string[] CaseKeys = ["name", "law", "set", "history", "checks"];
    private static readonly string[] CheckKeys =
    [
        "on", "status", "entitlements", "includes", "excludes", "since", "nextOn", "nextStatus", "everEligible", "daysSince14",
        "error", "amounts", "runs", "basis", "conditions", "explains", "warns", "reason",
    ];

    // A misspelt key must fail, not silently check nothing.
    private static void KnownKeys(string file, YamlMappingNode m, string[] allowed)
    {
        foreach (var k in m.Children.Keys)
            if (k is not YamlScalarNode { Value: { } key } || !allowed.Contains(key))
                throw new InvalidDataException($"{file}:{k.Start.Line}:{k.Start.Column}: unknown key '{k}' (expected one of: {string.Join(", ", allowed)})");
    }

    public static IEnumerable<ScenarioCase> Load(string path)
    {
        var yaml = new YamlStream();
        using (var r = new StreamReader(path)) yaml.Load(r);
        var file = Path.GetFileName(path);
        foreach (var item in ((YamlSequenceNode)yaml.Documents[0].RootNode).Children.Cast<YamlMappingNode>())
        {
            KnownKeys(file, item, CaseKeys);
            var name = Scalar(item, "name") ?? throw new InvalidDataException($"{file}:{item.Start.Line}: a case needs a name");
            var history = ToJson(item.Children[new YamlScalarNode("history")])!.ToJsonString();
            var set = List(item, "set") ?? [];
            foreach (var c in ((YamlSequenceNode)item.Children[new YamlScalarNode("checks")]).Children.Cast<YamlMappingNode>())
            {
                KnownKeys(file, c, CheckKeys);
                yield return new ScenarioCase(file, name, history, new ScenarioCheck(
                    Scalar(c, "on") ?? throw new InvalidDataException($"{file}:{c.Start.Line}: a check needs 'on'"),
                    Scalar(c, "status") ?? "",
                    List(c, "entitlements"), List(c, "includes") ?? [], List(c, "excludes") ?? [],
                    Scalar(c, "since"), Scalar(c, "nextOn"), Scalar(c, "nextStatus"),
                    Scalar(c, "everEligible") is { } ee ? ee == "true" : null,
                    Scalar(c, "daysSince14") is { } ds ? int.Parse(ds) : null,
                    Scalar(c, "error"),
                    List(c, "amounts") ?? [],
                    List(c, "runs") ?? [], List(c, "basis") ?? [], List(c, "conditions") ?? [],
                    List(c, "explains") ?? [], List(c, "warns") ?? [], Scalar(c, "reason")), set);
            }
        }
    }

    private static string? Scalar(YamlMappingNode m, string key) =>
        m.Children.TryGetValue(new YamlScalarNode(key), out var v) ? ((YamlScalarNode)v).Value : null;

    private static string[]? List(YamlMappingNode m, string key) =>
        m.Children.TryGetValue(new YamlScalarNode(key), out var v) ? ((YamlSequenceNode)v).Children.Select(x => ((YamlScalarNode)x).Value!).ToArray() : null;

    /// <summary>YAML to JSON: plain true/false become booleans, null/~ become null, everything else a string.</summary>
    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode m => new JsonObject(m.Children.Select(kv => KeyValuePair.Create(((YamlScalarNode)kv.Key).Value!, ToJson(kv.Value)))),
        YamlSequenceNode s => new JsonArray(s.Children.Select(ToJson).ToArray()),
        YamlScalarNode { Style: ScalarStyle.Plain, Value: "true" or "false" } b => JsonValue.Create(b.Value == "true"),
        YamlScalarNode { Style: ScalarStyle.Plain, Value: null or "" or "~" or "null" } => null,
        YamlScalarNode x => JsonValue.Create(x.Value),
        _ => throw new InvalidDataException($"unexpected YAML node at line {node.Start.Line}"),
    };
}
