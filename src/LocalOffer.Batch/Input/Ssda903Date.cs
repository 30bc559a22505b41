using NodaTime;

namespace LocalOffer.Batch.Input;

/// <summary>
/// SSDA903 dates: DD/MM/YYYY (the return) or ISO YYYY-MM-DD (regional extracts). Parsed by hand:
/// millions of dates per run, no allocation, and a real calendar check (31/02 is not a date).
/// </summary>
public static class Ssda903Date
{
    public const int MinYear = 1900, MaxYear = 2199; // LocalOffer.Core.Safety.DateLimits

    public static bool TryParse(ReadOnlySpan<char> s, out LocalDate date)
    {
        date = default;
        s = s.Trim();
        int day, month, year;
        if (s.Length == 10 && s[2] == '/' && s[5] == '/')
        {
            if (!Digits(s[..2], out day) || !Digits(s.Slice(3, 2), out month) || !Digits(s[6..], out year)) return false;
        }
        else if (s.Length == 10 && s[4] == '-' && s[7] == '-')
        {
            if (!Digits(s[..4], out year) || !Digits(s.Slice(5, 2), out month) || !Digits(s[8..], out day)) return false;
        }
        else return false;
        if (year < MinYear || year > MaxYear || month is < 1 or > 12 || day < 1 || day > DaysInMonth(year, month))
            return false;
        date = new LocalDate(year, month, day);
        return true;
    }

    /// <summary>
    /// The ISO calendar's days in a month (CalendarSystem.Iso.GetDaysInMonth's answer, without its call and
    /// checks: millions of dates per run, issue 30; SsdaDateTests holds the two equal over the whole range).
    /// </summary>
    internal static int DaysInMonth(int year, int month) =>
        month == 2 ? (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28)
        : month is 4 or 6 or 9 or 11 ? 30 : 31;

    private static bool Digits(ReadOnlySpan<char> s, out int value)
    {
        value = 0;
        foreach (var c in s)
        {
            if (c is < '0' or > '9') return false;
            value = value * 10 + (c - '0');
        }
        return true;
    }
}
