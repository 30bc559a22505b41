using LocalOffer.Indicators.Definitions;

namespace LocalOffer.Indicators.Tests;

/// <summary>
/// The definitions' look-ups asked for each young person (band, staying put band, categories) are loops
/// rather than LINQ and substrings (issue 30). Held here to the LINQ they replaced, on every code of every
/// year's lists, every age from -1 to 30, and near misses (case, blank, longer, shorter, non-ASCII).
/// </summary>
public sealed class DefinitionLookupTests
{
    private static readonly IndicatorDefinitions D = Fixture.Defs;

    private static IEnumerable<string> Codes()
    {
        var codes = D.Codes.All.SelectMany(c => c.InTouch.Concat(c.Activ).Concat(c.Accom))
            .Concat(D.KnownInTouch).Concat(D.Activity.Eet).Concat(D.Activity.Neet)
            .Concat(D.Accommodation.LeftOutOfSuitability).Concat(D.StayingPut.FormerCarerAccommodation)
            .Distinct().ToList();
        var near = codes.SelectMany(c => new[]
        {
            c.ToLowerInvariant(), c + "1", c + "2", c.Length > 1 ? c[..1] : "", " " + c, c + " ", c + "é",
        });
        return codes.Concat(near).Concat(["", "0", "1", "2", "Z", "Z3", "ZZ1", "é1", "1Z", "G", "R", "H", "Ｚ1"])
            .Distinct();
    }

    [Fact]
    public void The_category_look_ups_are_the_linq_they_replaced()
    {
        var codes = Codes().ToList();
        codes.Count.Should().BeGreaterThan(100);
        foreach (var code in codes)
        {
            D.InTouchCategory(code).Should().Be(D.InTouch.FirstOrDefault(kv => kv.Value.Contains(code)).Key, code);
            var a = D.Accommodation;
            var accommodation = code.Length == 2 && char.IsAsciiLetter(code[0])
                ? a.LeftOutOfSuitability.Contains(code[..1]) ? IndicatorDefinitions.LeftOutOfSuitability
                    : code[1..] == a.SuitableSuffix ? "suitable"
                    : code[1..] == a.UnsuitableSuffix ? "unsuitable"
                    : a.Otherwise
                : a.Otherwise;
            D.AccommodationCategory(code).Should().Be(accommodation, code);
            IndicatorDefinitions.IsTypeLetterOf(code, D.StayingPut.FormerCarerAccommodation).Should()
                .Be(code.Length > 0 && D.StayingPut.FormerCarerAccommodation.Contains(code[..1]), code);
        }
    }

    [Fact]
    public void The_band_look_ups_are_the_linq_they_replaced()
    {
        for (var age = -1; age <= 30; age++)
        {
            D.Band(age).Should().Be(D.AgeBands.FirstOrDefault(kv => kv.Value.Contains(age)).Key, $"age {age}");
            D.StayingPutBand(age).Should()
                .Be(D.StayingPut.AgeBands.FirstOrDefault(kv => kv.Value.Contains(age)).Key, $"age {age}");
        }
        D.Band(17).Should().NotBeNull();
        D.StayingPutBand(19).Should().NotBeNull();
    }
}
