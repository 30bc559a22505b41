using System.Buffers;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using LocalOffer.Core.Output;
using Microsoft.AspNetCore.Mvc.Testing;
using NodaTime;

namespace LocalOffer.Web.Tests;

/// <summary>
/// The API writes its JSON straight to UTF-8 (<see cref="JsonBody"/>, issue 30): every answer must be the
/// bytes of <c>node.ToJsonString(AssessmentJson.Options)</c>, which it was before and `check --format
/// json` still is, with the same headers.
/// </summary>
public sealed class JsonBodyTests(WebApplicationFactory<WebEntryPoint> factory)
    : IClassFixture<WebApplicationFactory<WebEntryPoint>>
{
    private static byte[] Written(JsonNode node)
    {
        var buffer = new ArrayBufferWriter<byte>();
        new JsonBody(node).WriteTo(buffer);
        return buffer.WrittenSpan.ToArray();
    }

    private static byte[] AsText(JsonNode node) => Encoding.UTF8.GetBytes(node.ToJsonString(AssessmentJson.Options));

    private static string SampleFolder => Path.Combine(TestPaths.RepoRoot(), "samples", "young-people");

    public static TheoryData<string> Samples() =>
        new(Directory.GetFiles(SampleFolder, "*.json").Select(Path.GetFileName).Order()!);

    [Theory]
    [MemberData(nameof(Samples))]
    public void Every_sample_assessment_is_written_byte_for_byte_as_its_text(string file)
    {
        var core = SharedRules.Core;
        var (history, errors) = core.Reader.Read(File.ReadAllText(Path.Combine(SampleFolder, file)));
        history.Should().NotBeNull(string.Join("; ", errors.Select(e => e.Message)));
        foreach (var years in new[] { 15, 17, 18, 21, 25 })
        {
            var node = AssessmentJson.ToJson(core.Engine.Assess(history!, history!.DateOfBirth.PlusYears(years)));
            Written(node).Should().Equal(AsText(node), $"{file} at {years}");
        }
    }

    [Theory]
    [InlineData("<script>alert(1)</script> & \"quoted\" 'single'")]
    [InlineData("=1+2 formula, tab\there, newline\nthere, nul \0 end")]
    [InlineData("مرحبا ሰላም 👩🏽‍🎓 e\u0301 \u202Eright-to-left override\u2028line separator")]
    [InlineData("lone surrogate \ud800 here")]
    public void Hostile_and_odd_text_is_written_as_its_text(string text)
    {
        var node = new JsonObject
        {
            ["text"] = text,
            ["list"] = new JsonArray(text, 3.50m, 0, -1, true, null,
                new JsonObject { ["deep"] = new JsonArray(new JsonArray(text)) }),
            ["huge"] = new string('x', 200_000) + text,
            ["date"] = AssessmentJson.Iso(new LocalDate(9999, 12, 31)),
        };
        Written(node).Should().Equal(AsText(node));
    }

    [Fact]
    public async Task The_api_answers_carry_the_same_headers_and_length()
    {
        var client = factory.CreateClient();
        foreach (var path in new[] { "/api/rules?asAt=2026-11-22", "/api/councils",
                     "/api/councils/hackney/offer?asAt=2026-11-22" })
        {
            var response = await client.GetAsync(path);
            response.StatusCode.Should().Be(HttpStatusCode.OK, path);
            response.Content.Headers.ContentType!.ToString().Should().Be("application/json", path);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            response.Content.Headers.ContentLength.Should().Be(bytes.Length, path);
            // Indented as before: the text of the same JSON read back and written the old way.
            bytes.Should().Equal(AsText(JsonNode.Parse(bytes)!), path);
        }
    }
}
