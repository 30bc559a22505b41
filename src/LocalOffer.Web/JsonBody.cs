using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using LocalOffer.Core.Output;

namespace LocalOffer.Web;

/// <summary>
/// An API answer written straight to UTF-8: the bytes and headers of
/// <c>Results.Text(node.ToJsonString(AssessmentJson.Options), "application/json")</c> (Content-Type
/// application/json, Content-Length), without the UTF-16 string and its re-encoding, a fifth of a check's
/// serialising and a third of what it allocates (issue 30, bench/README.md). A test holds it to those bytes.
/// </summary>
public sealed class JsonBody(JsonNode node) : IResult
{
    /// <summary>The writer options <see cref="JsonNode.ToJsonString"/> takes from AssessmentJson.Options.</summary>
    private static readonly JsonWriterOptions Writer = new()
    {
        Indented = AssessmentJson.Options.WriteIndented,
        Encoder = AssessmentJson.Options.Encoder,
        IndentCharacter = AssessmentJson.Options.IndentCharacter,
        IndentSize = AssessmentJson.Options.IndentSize,
        NewLine = AssessmentJson.Options.NewLine,
    };

    /// <summary>The answer's bytes (also what the test compares).</summary>
    public void WriteTo(IBufferWriter<byte> buffer)
    {
        using var writer = new Utf8JsonWriter(buffer, Writer);
        node.WriteTo(writer, AssessmentJson.Options);
    }

    public async Task ExecuteAsync(HttpContext context)
    {
        var buffer = new ArrayBufferWriter<byte>(32 * 1024);
        WriteTo(buffer);
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = buffer.WrittenCount;
        // No cancellation token, as Results.Text: a client gone away is Kestrel's to drop quietly.
        await context.Response.Body.WriteAsync(buffer.WrittenMemory);
    }
}
