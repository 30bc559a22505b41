using FluentAssertions;
using LocalOffer.Batch.Cohort;

namespace LocalOffer.Batch.Tests;

/// <summary>
/// Issue 30's code look-up (<see cref="CodeTable"/>: codes packed into numbers) answers exactly as the ordinal
/// dictionary it replaced, for the shipped codes and for hostile text: near misses, case, NUL, non-ASCII,
/// invisible characters, spaces, too long, empty, and random text.
/// </summary>
public sealed class CodeTableTests
{
    private static readonly Core.Rules.Ssda903Codes Codes = SharedRules.Core.Codes;

    public static TheoryData<string> Tables => ["LS", "PLACE", "REC", "odd"];

    [Theory]
    [MemberData(nameof(Tables))]
    public void Answers_as_the_ordinal_dictionary_on_hostile_text(string which)
    {
        var codes = which switch
        {
            "LS" => Codes.LegalStatus.Keys, "PLACE" => Codes.Placement.Keys, "REC" => Codes.ReasonEnded.Keys,
            // Codes that do not pack (long, non-ASCII, NUL) beside ones that do: the dictionary's path.
            _ => ["C2", "LONGER_THAN_8", "Zoé", "A\0B", "x", "12345678", "123456789"],
        };
        var number = codes.Select((c, i) => (c, i))
            .ToDictionary(x => x.c, x => (byte)(x.i + 1), StringComparer.Ordinal);
        var table = new CodeTable(number);
        foreach (var text in Hostile(number.Keys))
        {
            var expected = number.TryGetValue(text, out var n);
            table.TryGetValue(text, out var got).Should().Be(expected, $"'{Escape(text)}'");
            got.Should().Be(expected ? n : (byte)0, $"'{Escape(text)}'");
        }
    }

    [Fact]
    public void Every_shipped_code_is_found_with_its_number()
    {
        var all = Codes.LegalStatus.Keys.Concat(Codes.Placement.Keys).Concat(Codes.ReasonEnded.Keys).ToList();
        all.Should().OnlyContain(c => c.Length > 0);
        var number = all.Distinct().Select((c, i) => (c, i)).ToDictionary(x => x.c, x => (byte)(x.i + 1));
        var table = new CodeTable(number);
        foreach (var (code, n) in number)
        {
            table.TryGetValue(code, out var got).Should().BeTrue(code);
            got.Should().Be(n, code);
        }
    }

    private static IEnumerable<string> Hostile(IEnumerable<string> codes)
    {
        string[] odd =
            ["", " ", "\t", "\0", "\u200B", "\uFEFF", "é", "\u00A0", "𝟘", "\uD800", "\"", ",", "\r", "\n"];
        foreach (var o in odd) yield return o;
        foreach (var code in codes)
        {
            yield return code;
            yield return code.ToLowerInvariant();
            yield return code.ToUpperInvariant();
            yield return " " + code;
            yield return code + " ";
            yield return code[..^1];
            yield return code[1..];
            foreach (var o in odd) { yield return code + o; yield return o + code; }
            for (var i = 0; i < code.Length; i++)
                foreach (var c in "\0A0Zz~\u007F\u0080é\u200B")
                    yield return code[..i] + c + code[(i + 1)..];
            yield return code + code;
            yield return code.PadRight(8, '0');
            yield return code.PadRight(9, '0');
        }
        var random = new Random(30);
        const string alphabet = "ACELNPRSUVXZ0123456789 \0é\u200B\u007F";
        for (var k = 0; k < 20_000; k++)
        {
            var chars = new char[random.Next(0, 11)];
            for (var i = 0; i < chars.Length; i++) chars[i] = alphabet[random.Next(alphabet.Length)];
            yield return new string(chars);
        }
    }

    private static string Escape(string s) =>
        string.Concat(s.Select(c => c < ' ' || c > '~' ? $"\\u{(int)c:X4}" : $"{c}"));
}
