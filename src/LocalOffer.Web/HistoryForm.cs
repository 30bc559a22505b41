using System.Text.Json.Nodes;
using LocalOffer.Core.Input;

namespace LocalOffer.Web;

/// <summary>
/// The adviser's form, as posted: date of birth, episodes added one by one (a round trip adds a
/// row, so no JavaScript is needed), the other facts, the council and the date. It turns into the
/// same care history document the API takes, so the core's reader checks it.
/// </summary>
public sealed class HistoryForm
{
    public const int MaxEpisodes = 40;
    public Dictionary<string, string> Values { get; } = new(StringComparer.Ordinal);
    public int Episodes { get; set; } = 1;

    public string this[string key] => Values.TryGetValue(key, out var v) ? v : "";

    public static HistoryForm From(IFormCollection form)
    {
        var f = new HistoryForm();
        foreach (var (k, v) in form) if (k != "__af") f.Values[k] = v.ToString().Trim();
        f.Episodes = Math.Clamp(int.TryParse(f["episodes"], out var n) ? n : 1, 1, MaxEpisodes);
        return f;
    }

    /// <summary>The care history document (JSON) the form describes: blank rows and blank facts are left out.</summary>
    public string ToJson()
    {
        var episodes = new JsonArray();
        for (var i = 0; i < Episodes; i++)
        {
            if (this[$"ep{i}.start"].Length == 0 && this[$"ep{i}.ls"].Length == 0) continue;
            episodes.Add(new JsonObject
            {
                ["start"] = Text($"ep{i}.start"), ["end"] = Text($"ep{i}.end"), ["legalStatus"] = Text($"ep{i}.ls"),
                ["placement"] = Text($"ep{i}.place"), ["reasonEnded"] = Text($"ep{i}.rec"),
            });
        }
        var doc = new JsonObject { ["dateOfBirth"] = this["dob"], ["episodes"] = episodes };
        if (this["det.start"].Length > 0)
            doc["detentions"] = new JsonArray(new JsonObject { ["start"] = Text("det.start"), ["end"] = Text("det.end"), ["kind"] = Text("det.kind") ?? "custody" });
        if (this["lwp.start"].Length > 0)
            doc["livingWithParent"] = new JsonArray(new JsonObject { ["start"] = Text("lwp.start"), ["end"] = Text("lwp.end") });
        if (this["other.start"].Length > 0)
            doc["otherCare"] = new JsonArray(new JsonObject { ["start"] = Text("other.start"), ["end"] = Text("other.end"), ["kind"] = Text("other.kind") ?? "privateFostering" });
        if (this["edu.start"].Length > 0)
            doc["education"] = new JsonArray(new JsonObject { ["start"] = Text("edu.start"), ["end"] = Text("edu.end"), ["kind"] = Text("edu.kind") ?? "furtherEducation", ["fullTime"] = this["edu.fulltime"] == "yes" });
        if (this["support.date"].Length > 0)
            doc["supportRequests"] = new JsonArray(new JsonObject { ["date"] = Text("support.date") });
        return doc.ToJsonString();
    }

    private string? Text(string key) => this[key].Length == 0 ? null : this[key];

    /// <summary>The form field a document path names (episodes[2].end is ep2.end), for the error summary links.</summary>
    public static string FieldFor(InputError e)
    {
        var p = e.Path;
        if (p.StartsWith("episodes[", StringComparison.Ordinal))
        {
            var close = p.IndexOf(']');
            var rest = p[(close + 1)..].TrimStart('.');
            var field = rest switch { "legalStatus" => "ls", "placement" => "place", "reasonEnded" => "rec", "" => "start", _ => rest };
            return $"ep{p[9..close]}.{field}";
        }
        return p switch
        {
            "dateOfBirth" => "dob",
            "asAt" => "asAt",
            _ when p.StartsWith("detentions") => "det." + Last(p),
            _ when p.StartsWith("livingWithParent") => "lwp." + Last(p),
            _ when p.StartsWith("otherCare") => "other." + Last(p),
            _ when p.StartsWith("education") => "edu." + Last(p),
            _ when p.StartsWith("supportRequests") => "support.date",
            _ => "dob",
        };
    }

    private static string Last(string path) => path.Contains('.') ? path[(path.LastIndexOf('.') + 1)..] : "start";
}
