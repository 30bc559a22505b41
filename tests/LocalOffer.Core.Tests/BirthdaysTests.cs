using LocalOffer.Core.Time;
using NodaTime;

namespace LocalOffer.Core.Tests;

/// <summary>Ages and birthdays at their boundaries, including 29 February under both settings.</summary>
public sealed class BirthdaysTests
{
    private static readonly Birthdays March1 = new(LeapDayBirthday.March1);
    private static readonly Birthdays Feb28 = new(LeapDayBirthday.February28);

    [Theory]
    [InlineData(2008, 6, 15, 2026, 6, 14, 17)]
    [InlineData(2008, 6, 15, 2026, 6, 15, 18)]
    [InlineData(2008, 6, 15, 2026, 6, 16, 18)]
    [InlineData(2008, 2, 29, 2026, 2, 28, 17)]
    [InlineData(2008, 2, 29, 2026, 3, 1, 18)]
    [InlineData(2008, 2, 29, 2024, 2, 29, 16)]
    public void Age_with_1_March_default(int y, int m, int d, int ay, int am, int ad, int age) =>
        March1.AgeOn(new LocalDate(y, m, d), new LocalDate(ay, am, ad)).Should().Be(age);

    [Theory]
    [InlineData(2026, 2, 27, 17)]
    [InlineData(2026, 2, 28, 18)]
    [InlineData(2026, 3, 1, 18)]
    public void Age_with_28_February_setting(int ay, int am, int ad, int age) =>
        Feb28.AgeOn(new LocalDate(2008, 2, 29), new LocalDate(ay, am, ad)).Should().Be(age);

    /// <summary>Birthday is built from the date's parts (issue 14): the same day as NodaTime's PlusYears.</summary>
    [Fact]
    public void Birthday_is_the_day_PlusYears_gives_with_the_leap_day_setting() =>
        FsCheck.Check.One(FsCheck.Config.QuickThrowOnFailure.WithMaxTest(2000), FsCheck.Fluent.Prop.ForAll(
            FsCheck.Fluent.ArbMap.Default.ArbFor<(ushort, byte)>(), x =>
            {
                // Half the births on 29 February (of a leap year from 1904), half on any day from 1900.
                var leap = 1904 + 4 * (x.Item1 % 70);
                if (!CalendarSystem.Iso.IsLeapYear(leap)) leap += 4;
                var dob = x.Item1 % 2 == 0 ? new LocalDate(leap, 2, 29)
                    : new LocalDate(1900, 1, 1).PlusDays(x.Item1 % 110_000);
                var years = x.Item2 % 40;
                var plain = dob.PlusYears(years);
                var march1 = dob.Month == 2 && dob.Day == 29 && plain.Day == 28 ? plain.PlusDays(1) : plain;
                Feb28.Birthday(dob, years).Should().Be(plain);
                March1.Birthday(dob, years).Should().Be(march1);
            }));

    [Fact]
    public void Birthday_of_29_February_in_common_and_leap_years()
    {
        var dob = new LocalDate(2008, 2, 29);
        March1.Birthday(dob, 18).Should().Be(new LocalDate(2026, 3, 1));
        Feb28.Birthday(dob, 18).Should().Be(new LocalDate(2026, 2, 28));
        March1.Birthday(dob, 16).Should().Be(new LocalDate(2024, 2, 29));
    }

    [Fact]
    public void Date_ranges_are_end_exclusive()
    {
        var r = new DateRange(new LocalDate(2024, 8, 1), new LocalDate(2024, 10, 31));
        r.Days.Should().Be(91);
        r.Contains(new LocalDate(2024, 10, 30)).Should().BeTrue();
        r.Contains(new LocalDate(2024, 10, 31)).Should().BeFalse();
    }

    [Fact]
    public void Range_sets_union_intersect_and_subtract()
    {
        var a = DateRangeSet.Of(new LocalDate(2020, 1, 1), new LocalDate(2020, 1, 10));
        var b = DateRangeSet.Of(new LocalDate(2020, 1, 5), new LocalDate(2020, 1, 20));
        a.Union(b).Ranges.Should().Equal(new DateRange(new LocalDate(2020, 1, 1), new LocalDate(2020, 1, 20)));
        a.Intersect(b).Ranges.Should().Equal(new DateRange(new LocalDate(2020, 1, 5), new LocalDate(2020, 1, 10)));
        b.Except(a).Ranges.Should().Equal(new DateRange(new LocalDate(2020, 1, 10), new LocalDate(2020, 1, 20)));
        a.Except(a).IsEmpty.Should().BeTrue();
    }
}
