using System.Text;
using LocalOffer.Core.Safety;

namespace LocalOffer.Core.Tests;

/// <summary>
/// Issue 24, low: the Browser app decoded uploads with replacement ("Zoé" in Latin-1 became "Zo\uFFFD").
/// Utf8Text refuses bytes that are not UTF-8, naming line and byte; UTF-8 (with or without BOM) reads.
/// </summary>
public sealed class Utf8TextTests
{
    [Fact]
    public void Latin1_is_refused_naming_the_line_and_byte()
    {
        var bytes = Encoding.Latin1.GetBytes("{\n\"id\": \"Zoé\",\n\"dateOfBirth\": \"2008-06-15\"}");
        var (text, error) = Utf8Text.Decode(bytes);
        text.Should().BeNull();
        error.Should().Contain("not UTF-8").And.Contain("line 2").And.Contain("byte 12");
    }

    [Theory]
    [InlineData(new byte[] { 0x41, 0xFF })]
    [InlineData(new byte[] { 0xC3 })]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF, 0x80 })]
    public void Any_invalid_sequence_is_refused_truncated_or_surrogate(byte[] bytes) =>
        Utf8Text.Decode(bytes).Text.Should().BeNull();

    [Fact]
    public void Utf8_with_or_without_a_bom_is_read_whole_astral_characters_included()
    {
        const string s = "{\"id\": \"Zoé 李\U00020000 😀\"}";
        Utf8Text.Decode(Encoding.UTF8.GetBytes(s)).Should().Be((s, (string?)null));
        Utf8Text.Decode([.. "\uFEFF"u8, .. Encoding.UTF8.GetBytes(s)]).Text.Should().Be(s);
        Utf8Text.Decode([]).Text.Should().Be("");
    }
}
