using System.Text.Json.Nodes;
using Microsoft.Extensions.Primitives;

namespace LocalOffer.Web.Journey;

/// <summary>
/// A posted form kept with the answers until its page is shown again with its errors (issue 28: Back
/// and Forward after an error never ask to resend). <see cref="Page"/> names the page it belongs to
/// ("person", or "episodes/add", "episodes/2/change"), so it is shown on that page only. Only the
/// form's own fields are kept: never the handle or the antiforgery token.
/// </summary>
public sealed record PendingForm(string Page, IReadOnlyDictionary<string, string> Fields)
{
    private static readonly HashSet<string> NotKept = new(StringComparer.OrdinalIgnoreCase) { "s", "__af" };

    public static PendingForm Of(string page, IFormCollection post) => new(page,
        post.Where(kv => !NotKept.Contains(kv.Key) && !kv.Key.StartsWith("__", StringComparison.Ordinal))
            .ToDictionary(kv => kv.Key, kv => kv.Value.ToString(), StringComparer.Ordinal));

    /// <summary>The fields as a form again, for the same reader and checks the post went through.</summary>
    public IFormCollection Form() =>
        new FormCollection(Fields.ToDictionary(kv => kv.Key, kv => new StringValues(kv.Value), StringComparer.Ordinal));

    public JsonObject ToJson()
    {
        var fields = new JsonObject();
        foreach (var (k, v) in Fields) fields[k] = v;
        return new JsonObject { ["page"] = Page, ["fields"] = fields };
    }

    public static PendingForm? FromJson(JsonObject? o)
    {
        if (o is null || (string?)o["page"] is not { } page || o["fields"] is not JsonObject fields) return null;
        var read = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (k, v) in fields)
            if (v is JsonValue value && value.TryGetValue<string>(out var text)) read[k] = text;
        return new PendingForm(page, read);
    }
}
