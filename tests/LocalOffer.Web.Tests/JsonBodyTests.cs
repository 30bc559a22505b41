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

    /// <summary>
    /// POST /api/check answers with <see cref="JsonBody.Of"/>, written from the assessment on a borrowed buffer: the
    /// bytes `check --format json` prints (AssessmentJsonTests holds those to the tree they were made from), its
    /// length and type, for every sample and for a history whose answer outgrows the first buffer many times over.
    /// </summary>
    [Fact]
    public async Task Check_answers_are_the_check_commands_bytes_for_every_sample_and_a_huge_answer()
    {
        var client = factory.CreateClient();
        var core = SharedRules.Core;
        var bodies = Directory.GetFiles(SampleFolder, "*.json").Order().Select(File.ReadAllText).ToList();
        // 200 episodes of 20 days, 10 days apart: a timeline of some 400 spans, an answer of several hundred KB.
        var episodes = Enumerable.Range(0, 200).Select(i => new LocalDate(2001, 1, 1).PlusDays(30 * i))
            .Select(d => $$"""{"start":"{{d:yyyy-MM-dd}}","end":"{{d.PlusDays(20):yyyy-MM-dd}}","legalStatus":"V2"}""");
        bodies.Add($$"""{"id":"<b>huge</b>","dateOfBirth":"2000-01-01","episodes":[{{string.Join(",", episodes)}}]}""");
        var sizes = new List<long>();
        foreach (var body in bodies)
        {
            var (history, errors) = core.Reader.Read(body);
            history.Should().NotBeNull(string.Join("; ", errors.Select(e => e.Message)));
            foreach (var asAt in
                     new[] { history!.DateOfBirth, new LocalDate(2026, 11, 22), history.DateOfBirth.PlusYears(25) })
            {
                if (asAt < history.DateOfBirth) continue;
                var response = await client.PostAsync($"/api/check?asAt={asAt:yyyy-MM-dd}",
                    new StringContent(body, Encoding.UTF8, "application/json"));
                response.StatusCode.Should().Be(HttpStatusCode.OK);
                var bytes = await response.Content.ReadAsByteArrayAsync();
                bytes.Should().Equal(
                    Encoding.UTF8.GetBytes(AssessmentJson.Serialize(core.Engine.Assess(history, asAt))));
                response.Content.Headers.ContentType!.ToString().Should().Be("application/json");
                response.Content.Headers.ContentLength.Should().Be(bytes.Length);
                sizes.Add(bytes.Length);
            }
        }
        sizes.Max().Should().BeGreaterThan(8 * 32 * 1024, "the huge answer grows the buffer several times");
    }
}
