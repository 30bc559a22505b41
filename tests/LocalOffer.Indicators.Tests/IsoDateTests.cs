using LocalOffer.Core.Output;
using LocalOffer.Indicators.Output;
using NodaTime;

namespace LocalOffer.Indicators.Tests;

/// <summary>The report's dates made from the numbers (issue 30) are NodaTime's yyyy-MM-dd, every day.</summary>
public sealed class IsoDateTests
{
    [Fact]
    public void Every_day_from_1800_to_2300_is_the_patterns()
    {
        var days = 0;
        for (var d = new LocalDate(1800, 1, 1); d <= new LocalDate(2300, 12, 31); d = d.PlusDays(1), days++)
            if (IsoDate.Of(d) != AssessmentJson.Iso(d)) IsoDate.Of(d).Should().Be(AssessmentJson.Iso(d));
        days.Should().BeGreaterThan(180_000);
    }

    [Fact]
    public void The_ends_of_the_calendar_are_the_patterns()
    {
        LocalDate[] ends =
        [
            new(1, 1, 1), new(9, 12, 31), new(10, 1, 1), new(99, 12, 31), new(100, 1, 1), new(999, 12, 31),
            new(1000, 1, 1), new(9999, 12, 31), new(0, 6, 15), new(-1, 1, 1), new(-9998, 1, 1), LocalDate.MinIsoValue,
            LocalDate.MaxIsoValue,
        ];
        foreach (var d in ends) IsoDate.Of(d).Should().Be(AssessmentJson.Iso(d), d.ToString());
    }
}
