using NodaTime;

namespace LocalOffer.Core.Time;

/// <summary>
/// Which day someone born on 29 February attains an age in a common year. Unsettled in English law
/// (care-leaver-law.md s.1); chosen by rules/england/settings.yaml leap_day_birthday.
/// </summary>
public enum LeapDayBirthday
{
    /// <summary>1 March: LocalOffer's default.</summary>
    March1,
    /// <summary>28 February: the DfE SSDA903 validator and NodaTime's PlusYears.</summary>
    February28,
}

/// <summary>
/// Ages and birthdays, decided once. A person attains an age at the start of the anniversary of
/// their birth (Family Law Reform Act 1969 s.9), so on their Nth birthday they are N.
/// </summary>
public sealed class Birthdays(LeapDayBirthday leapDay)
{
    public LeapDayBirthday LeapDay { get; } = leapDay;

    /// <summary>The day on which someone born on <paramref name="dob"/> attains <paramref name="years"/>.</summary>
    /// <remarks>
    /// Built from the date's parts rather than by PlusYears, which goes through the calendar system:
    /// the batch works out a dozen birthdays for each of millions of children (issue 14). The same
    /// days as PlusYears (29 February in a common year to 28 February, or 1 March by the setting),
    /// held so by a property test. Dates are ISO, as everywhere in LocalOffer.
    /// </remarks>
    public LocalDate Birthday(LocalDate dob, int years)
    {
        var year = dob.Year + years;
        if (dob.Month == 2 && dob.Day == 29 && !CalendarSystem.Iso.IsLeapYear(year))
            return LeapDay == LeapDayBirthday.March1 ? new LocalDate(year, 3, 1) : new LocalDate(year, 2, 28);
        return new LocalDate(year, dob.Month, dob.Day);
    }

    /// <summary>Age in whole years on <paramref name="date"/> (negative before birth is reported as -1).</summary>
    public int AgeOn(LocalDate dob, LocalDate date)
    {
        if (date < dob) return -1;
        var n = date.Year - dob.Year;
        if (Birthday(dob, n) > date) n--;
        return n;
    }
}
