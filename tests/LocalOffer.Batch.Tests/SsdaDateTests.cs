using FluentAssertions;
using LocalOffer.Batch.Input;
using NodaTime;
using NodaTime.Text;

namespace LocalOffer.Batch.Tests;

/// <summary>
/// Issue 30's date parse (days in a month worked out, not asked of the calendar) reads exactly what NodaTime's
/// strict patterns read, inside the dates' range, for every day and every near miss around the range and the
/// months' ends, and refuses what they refuse (issue 30: byte-identical output).
/// </summary>
public sealed class SsdaDateTests
{
    private static readonly LocalDatePattern Uk = LocalDatePattern.CreateWithInvariantCulture("dd/MM/yyyy");
    private static readonly LocalDatePattern Iso = LocalDatePattern.CreateWithInvariantCulture("yyyy-MM-dd");

    [Fact]
    public void Days_in_a_month_are_the_calendars_over_the_whole_range()
    {
        for (var y = Ssda903Date.MinYear - 1; y <= Ssda903Date.MaxYear + 1; y++)
            for (var m = 1; m <= 12; m++)
                Ssda903Date.DaysInMonth(y, m).Should().Be(CalendarSystem.Iso.GetDaysInMonth(y, m), $"{y}-{m}");
    }

    [Fact]
    public void Every_day_and_near_miss_reads_as_the_strict_pattern_reads_it()
    {
        int[] years = [1, 999, 1899, 1900, 1901, 2000, 2023, 2024, 2100, 2198, 2199, 2200, 9999];
        foreach (var y in years)
            for (var m = 0; m <= 13; m++)
                for (var d = 0; d <= 32; d++)
                {
                    Same($"{d:00}/{m:00}/{y:0000}", Uk);
                    Same($"{y:0000}-{m:00}-{d:00}", Iso);
                }
        for (var day = new LocalDate(1899, 12, 25); day <= new LocalDate(2200, 1, 5); day = day.PlusDays(1))
        {
            Same(Uk.Format(day), Uk);
            Same(Iso.Format(day), Iso);
        }
    }

    private static void Same(string text, LocalDatePattern pattern)
    {
        var expected = pattern.Parse(text) is { Success: true } r && r.Value.Year is >= Ssda903Date.MinYear
            and <= Ssda903Date.MaxYear ? r.Value : (LocalDate?)null;
        var read = Ssda903Date.TryParse(text, out var got);
        read.Should().Be(expected.HasValue, text);
        if (read) got.Should().Be(expected!.Value, text);
    }
}
