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
    public LocalDate Birthday(LocalDate dob, int years)
    {
        var d = dob.PlusYears(years); // NodaTime truncates 29 Feb to 28 Feb in a common year
        if (LeapDay == LeapDayBirthday.March1 && dob.Month == 2 && dob.Day == 29 && d.Day == 28)
            d = d.PlusDays(1);
        return d;
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
