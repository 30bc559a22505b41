using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;

namespace LocalOffer.Web.Journey;

/// <summary>
/// Everything the adviser has entered, carried with the page and never stored on the server: the
/// care history document (the JSON `check` reads), the council and the date to check. It travels
/// as one token, compressed and then encrypted and signed by ASP.NET Core Data Protection with keys
/// held in memory, so it cannot be read or altered in the browser and is useless after a restart.
/// </summary>
public sealed class JourneyState
{
    /// <summary>
    /// The longest token accepted. It must fit in a URL within Kestrel's request line limit
    /// (<see cref="WebLimits.MaxRequestLineBytes"/>) with room for the path; 40 episodes and every
    /// other list at its limit compress to well under it.
    /// </summary>
    public const int MaxTokenChars = 6 * 1024;
    private const string Purpose = "LocalOffer.Web.JourneyState.v1";

    public JsonObject History { get; }
    public string? Council { get; set; }
    public string? AsAt { get; set; }

    public JourneyState(JsonObject? history = null, string? council = null, string? asAt = null)
    {
        History = history ?? new JsonObject();
        Council = council;
        AsAt = asAt;
    }

    /// <summary>The list of one kind (episodes, detentions...), created empty when absent.</summary>
    public JsonArray List(string key)
    {
        if (History[key] is JsonArray a) return a;
        var created = new JsonArray();
        History[key] = created;
        return created;
    }

    public string Encode(IDataProtectionProvider keys)
    {
        var json = new JsonObject
        {
            ["history"] = History.DeepClone(), ["council"] = Council, ["asAt"] = AsAt,
        }.ToJsonString();
        using var buffer = new MemoryStream();
        using (var brotli = new BrotliStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
            brotli.Write(Encoding.UTF8.GetBytes(json));
        return WebEncoders.Base64UrlEncode(keys.CreateProtector(Purpose).Protect(buffer.ToArray()));
    }

    /// <summary>The state a token carries, or null when it is missing, too long, altered or from before a restart.</summary>
    public static JourneyState? Decode(string? token, IDataProtectionProvider keys)
    {
        if (string.IsNullOrEmpty(token)) return new JourneyState();
        if (token.Length > MaxTokenChars) return null;
        try
        {
            var bytes = keys.CreateProtector(Purpose).Unprotect(WebEncoders.Base64UrlDecode(token));
            using var brotli = new BrotliStream(new MemoryStream(bytes), CompressionMode.Decompress);
            using var limited = new MemoryStream();
            // A token is made here, so it is small; the copy is bounded all the same.
            var chunk = new byte[8192];
            int n;
            while ((n = brotli.Read(chunk)) > 0)
            {
                if (limited.Length + n > WebLimits.MaxBodyBytes) return null;
                limited.Write(chunk, 0, n);
            }
            if (JsonNode.Parse(limited.ToArray()) is not JsonObject o || o["history"] is not JsonObject h) return null;
            return new JourneyState((JsonObject)h.DeepClone(), (string?)o["council"], (string?)o["asAt"]);
        }
        catch (Exception e) when (e is FormatException or System.Security.Cryptography.CryptographicException
                                       or System.Text.Json.JsonException or InvalidOperationException or InvalidDataException)
        {
            return null;
        }
    }
}
