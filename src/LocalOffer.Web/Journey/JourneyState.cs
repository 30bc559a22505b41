using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;

namespace LocalOffer.Web.Journey;

/// <summary>
/// Everything the adviser has entered: the care history document (the JSON `check` reads), the
/// council and the date to check. Packed (compressed JSON) and kept, encrypted, in the
/// <see cref="JourneyStore"/> for a bounded time; each page carries only its handle.
/// </summary>
public sealed class JourneyState
{
    /// <summary>
    /// The most answers kept (JSON bytes): an uploaded history is at most this, and every list at its
    /// limit (<see cref="FactLists"/>) is far under it.
    /// </summary>
    public const int MaxAnswersBytes = (int)WebLimits.MaxBodyBytes * 2;

    public JsonObject History { get; }
    public string? Council { get; set; }
    public string? AsAt { get; set; }

    /// <summary>
    /// A form that did not pass its checks, as posted (issue 28): the post is answered by a redirect to
    /// the page's GET, which reads the form from here and checks it again to show the errors. So every
    /// page a browser holds in its history is a GET, and Back or Forward never asks to resend a form.
    /// </summary>
    public PendingForm? Pending { get; set; }

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

    /// <summary>The answers as compressed JSON, for the store to encrypt and keep.</summary>
    public byte[] Pack()
    {
        var json = new JsonObject
        {
            ["history"] = History.DeepClone(), ["council"] = Council, ["asAt"] = AsAt,
            ["pending"] = Pending?.ToJson(),
        }.ToJsonString();
        using var buffer = new MemoryStream();
        using (var brotli = new BrotliStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
            brotli.Write(Encoding.UTF8.GetBytes(json));
        return buffer.ToArray();
    }

    /// <summary>The answers <see cref="Pack"/> made, or null when they cannot be read.</summary>
    public static JourneyState? Unpack(byte[] packed)
    {
        try
        {
            using var brotli = new BrotliStream(new MemoryStream(packed), CompressionMode.Decompress);
            using var limited = new MemoryStream();
            // Packed here, so small; the copy is bounded all the same.
            var chunk = new byte[8192];
            int n;
            while ((n = brotli.Read(chunk)) > 0)
            {
                if (limited.Length + n > MaxAnswersBytes) return null;
                limited.Write(chunk, 0, n);
            }
            if (JsonNode.Parse(limited.ToArray()) is not JsonObject o || o["history"] is not JsonObject h) return null;
            return new JourneyState((JsonObject)h.DeepClone(), (string?)o["council"], (string?)o["asAt"])
            {
                Pending = PendingForm.FromJson(o["pending"] as JsonObject),
            };
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException or InvalidDataException)
        {
            return null;
        }
    }
}
