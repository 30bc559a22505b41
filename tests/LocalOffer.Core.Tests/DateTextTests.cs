using System.Text;
using LocalOffer.Core.Time;
using NodaTime;
using NodaTime.Text;

namespace LocalOffer.Core.Tests;

/// <summary>
/// <see cref="DateText"/> writes dates without NodaTime's pattern engine (issue 30): it must give the characters
/// of the invariant patterns <c>yyyy-MM-dd</c> and <c>d MMMM yyyy</c> on every day, and hand anything it does not
/// write itself (years before 1, other calendars) to NodaTime; <see cref="DateText.TryWriteLong"/> writes the same
/// characters into a buffer, or nothing when they do not fit.
/// </summary>
public sealed class DateTextTests
{
    private static readonly LocalDatePattern Iso = LocalDatePattern.CreateWithInvariantCulture("yyyy-MM-dd");
    private static readonly LocalDatePattern Long = LocalDatePattern.CreateWithInvariantCulture("d MMMM yyyy");

    private static void Same(LocalDate d)
    {
        DateText.Iso(d).Should().Be(Iso.Format(d), d.ToString());
        DateText.Long(d).Should().Be(Long.Format(d), d.ToString());
        Span<byte> utf8 = stackalloc byte[32];
        Encoding.UTF8.GetString(utf8[..DateText.IsoUtf8(d, utf8)]).Should().Be(Iso.Format(d), d.ToString());
        // Into a buffer, as the explanation writes it: whole, or nothing and false when it does not fit.
        var words = Long.Format(d);
        Span<char> chars = stackalloc char[64];
        DateText.TryWriteLong(d, chars, out var n).Should().BeTrue(d.ToString());
        chars[..n].ToString().Should().Be(words, d.ToString());
        DateText.TryWriteLong(d, chars[..(words.Length - 1)], out n).Should().BeFalse(d.ToString());
        n.Should().Be(0);
        DateText.TryWriteLong(d, chars[..words.Length], out n).Should().BeTrue(d.ToString());
        n.Should().Be(words.Length);
    }

    [Fact]
    public void Every_day_from_1800_to_2300_is_written_as_the_patterns_write_it()
    {
        for (var d = new LocalDate(1800, 1, 1); d <= new LocalDate(2300, 12, 31); d = d.PlusDays(1)) Same(d);
    }

    [Fact]
    public void The_ends_of_the_calendar_and_other_calendars_are_written_as_the_patterns_write_them()
    {
        foreach (var year in new[] { 1, 2, 9, 10, 99, 100, 999, 1000, 1899, 2200, 9998, 9999 })
            foreach (var (month, day) in new[] { (1, 1), (1, 9), (1, 10), (2, 28), (9, 30), (10, 1), (12, 31) })
                Same(new LocalDate(year, month, day));
        Same(LocalDate.MaxIsoValue);
        Same(LocalDate.MinIsoValue);
        Same(new LocalDate(0, 6, 15));
        Same(new LocalDate(-44, 3, 15));
        Same(new LocalDate(2026, 6, 15, CalendarSystem.Julian));
        Same(new LocalDate(2026, 6, 15).WithCalendar(CalendarSystem.Gregorian));
    }
}
