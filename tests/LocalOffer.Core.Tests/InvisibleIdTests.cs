using LocalOffer.Core.Safety;

namespace LocalOffer.Core.Tests;

/// <summary>
/// Issue 24, low: an id holding a character nobody can see (zero-width, BOM, NBSP, bidi controls)
/// is refused naming the field and the character; ordinary ids, accents and CJK names still read.
/// </summary>
public sealed class InvisibleIdTests
{
    private static readonly RulesCore Core = SharedRules.Core;

    public static readonly TheoryData<string, string> Hidden = new()
    {
        { "YP\u200B0001", "200B" }, { "\uFEFFYP-0001", "FEFF" }, { "YP\u00A00001", "00A0" },
        { "YP-0001\u00A0", "00A0" },
        { "YP\u202E1000", "202E" }, { "YP\u202A1", "202A" }, { "YP\u20661", "2066" }, { "YP\u20691", "2069" },
        { "YP\u200D1", "200D" }, { "YP\u200E1", "200E" }, { "YP\u00AD1", "00AD" }, { "YP\u20601", "2060" },
        { "YP\u202F1", "202F" }, { "YP\u30001", "3000" },
    };

    [Theory]
    [MemberData(nameof(Hidden))]
    public void An_id_with_an_invisible_character_is_refused_naming_the_field(string id, string code)
    {
        var json = System.Text.Json.JsonSerializer.Serialize(new { id, dateOfBirth = "2008-06-15" });
        var (history, errors) = Core.Reader.Read(json);
        history.Should().BeNull();
        errors.Select(e => e.ToString()).Should().ContainSingle()
            .Which.Should().StartWith("id: holds an invisible character").And.Contain("U+" + code);
    }

    [Theory]
    [InlineData("YP-0001")]
    [InlineData("Zoé O'Brien 7")]
    [InlineData("\U00020000-\U0002A6D6 李")]
    [InlineData("A 1")]
    public void An_ordinary_id_is_still_read(string id)
    {
        var json = System.Text.Json.JsonSerializer.Serialize(new { id, dateOfBirth = "2008-06-15" });
        var (history, errors) = Core.Reader.Read(json);
        errors.Should().BeEmpty();
        history!.Id.Should().Be(id);
    }

    [Fact]
    public void The_class_covers_format_characters_and_odd_spaces_only()
    {
        Invisible.Find("abc 123-_/.'é\u00E9\u4E2D").Should().Be(-1);
        Invisible.Find("ab\u2028").Should().Be(2);
        Invisible.Find("\u3164").Should().Be(0);
    }
}
