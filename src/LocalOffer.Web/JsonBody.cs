using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using LocalOffer.Core.Engine;
using LocalOffer.Core.Output;

namespace LocalOffer.Web;

/// <summary>
/// An API answer written straight to UTF-8: the bytes and headers of
/// <c>Results.Text(node.ToJsonString(AssessmentJson.Options), "application/json")</c> (Content-Type
/// application/json, Content-Length), without the UTF-16 string and its re-encoding (issue 30, bench/README.md).
/// A check's answer is written from the assessment itself (<see cref="AssessmentJson.Write"/>), with no tree of
/// nodes between, on a borrowed buffer. Tests hold both to those bytes.
/// </summary>
public sealed class JsonBody : IResult
{
    private readonly Action<IBufferWriter<byte>> _write;

    private JsonBody(Action<IBufferWriter<byte>> write) => _write = write;

    public JsonBody(JsonNode node) : this(buffer =>
    {
        using var writer = new Utf8JsonWriter(buffer, AssessmentJson.WriterOptions);
        node.WriteTo(writer, AssessmentJson.Options);
    })
    { }

    /// <summary>A check's answer: `localoffer check --format json`'s bytes.</summary>
    public static JsonBody Of(Assessment assessment) => new(buffer => AssessmentJson.WriteTo(buffer, assessment));

    /// <summary>The answer's bytes (also what the tests compare).</summary>
    public void WriteTo(IBufferWriter<byte> buffer) => _write(buffer);

    public async Task ExecuteAsync(HttpContext context)
    {
        using var buffer = new PooledBuffer(32 * 1024);
        WriteTo(buffer);
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = buffer.WrittenCount;
        // No cancellation token, as Results.Text: a client gone away is Kestrel's to drop quietly. The bytes are
        // copied into Kestrel's own buffers before this returns, so the array goes back to the pool after.
        await context.Response.Body.WriteAsync(buffer.WrittenMemory);
    }
}
