using NodaTime;

namespace LocalOffer.Core.Safety;

/// <summary>
/// The dates LocalOffer accepts anywhere (every date field of every input, and --as-at / asAt):
/// 1 January 1900 to 31 December 2199. Far beyond any care history or offer, and far enough from
/// NodaTime's limits that adding 25 years, or a run of birthdays, can never overflow.
/// </summary>
public static class DateLimits
{
    public static readonly LocalDate Min = new(1900, 1, 1);
    public static readonly LocalDate Max = new(2199, 12, 31);

    public static bool InRange(LocalDate d) => d >= Min && d <= Max;

    public const string Range = "1900-01-01 to 2199-12-31";

    public static string OutOfRange(LocalDate d) => $"{d:yyyy-MM-dd} is outside the dates LocalOffer accepts ({Range})";
}
