using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using LocalOffer.Core.Output;
using Microsoft.AspNetCore.Mvc.Testing;

namespace LocalOffer.Web.Tests;

/// <summary>
/// POST /api/check reads its body as bytes into a borrowed buffer and hands them to the reader as they are (issue 30;
/// until then it made text of them first): a byte order mark is left out, bytes that are not UTF-8 are refused,
/// bad JSON is named at the same line and position as the text reader names it, and a body that outgrows the first
/// buffer (64 KB at most) reads whole, in one piece or chunked.
/// </summary>
public sealed class ApiBodyTests(WebApplicationFactory<WebEntryPoint> factory)
    : IClassFixture<WebApplicationFactory<WebEntryPoint>>
{
    private static readonly string Sample =
        File.ReadAllText(Path.Combine(TestPaths.RepoRoot(), "samples", "young-people", "former-relevant.json"));

    private static string Expected => AssessmentJson.Serialize(SharedRules.Core.Engine.Assess(
        SharedRules.Core.Reader.Read(Sample).History!, new NodaTime.LocalDate(2026, 11, 22)));

    private async Task<HttpResponseMessage> Post(byte[] body, bool chunked = false)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/check?asAt=2026-11-22") { Content = content };
        if (chunked) request.Headers.TransferEncodingChunked = true;
        return await factory.CreateClient().SendAsync(request);
    }

    private static async Task<JsonNode> Errors(HttpResponseMessage r)
    {
        r.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        return JsonNode.Parse(await r.Content.ReadAsStringAsync())!["errors"]!;
    }

    [Fact]
    public async Task A_byte_order_mark_is_left_out()
    {
        var r = await Post([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Sample)]);
        r.StatusCode.Should().Be(HttpStatusCode.OK);
        (await r.Content.ReadAsStringAsync()).Should().Be(Expected);
    }

    [Theory]
    [InlineData(new byte[] { 0xFF })]
    [InlineData(new byte[] { 0xC3 })]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })]
    public async Task Bytes_that_are_not_utf8_are_refused(byte[] bad)
    {
        var text = Encoding.UTF8.GetBytes(Sample);
        var errors = await Errors(await Post([.. text[..20], .. bad, .. text[20..]]));
        errors["$"]![0]!.GetValue<string>().Should().Be("the body is not UTF-8 text");
    }

    [Theory]
    [InlineData("{\n  \"dateOfBirth\": \"2008-06-15\",\n  oops\n}")]
    [InlineData("{\"id\": \"é👩🏽‍🎓\", \"dateOfBirth\": 2008-06-15}")]
    [InlineData("[")]
    [InlineData("")]
    public async Task Bad_json_is_named_where_the_text_reader_names_it(string json)
    {
        var expected = SharedRules.Core.Reader.Read(json).Errors.Single();
        var errors = await Errors(await Post(Encoding.UTF8.GetBytes(json)));
        errors[expected.Path]![0]!.GetValue<string>().Should().Be(expected.Message);
        expected.Message.Should().StartWith("not valid JSON");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_body_of_64_KB_reads_whole(bool chunked)
    {
        var text = Encoding.UTF8.GetBytes(Sample.TrimEnd());
        // Spaces inside the object up to the limit exactly: JSON allows them, the reader skips them.
        var body = (byte[])
            [.. text[..^1], .. Enumerable.Repeat((byte)' ', (int)WebApp.MaxBodyBytes - text.Length), (byte)'}'];
        body.Length.Should().Be((int)WebApp.MaxBodyBytes);
        var r = await Post(body, chunked);
        r.StatusCode.Should().Be(HttpStatusCode.OK);
        (await r.Content.ReadAsStringAsync()).Should().Be(Expected);
        (await Post([.. body, (byte)' '], chunked)).StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
    }
}
