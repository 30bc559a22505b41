using NodaTime;

namespace LocalOffer.Core.Time;

/// <summary>Today's date in England (Europe/London), whatever the machine's time zone: the default as-at date everywhere.</summary>
public static class UkClock
{
    public static LocalDate Today() =>
        SystemClock.Instance.GetCurrentInstant().InZone(DateTimeZoneProviders.Tzdb["Europe/London"]).Date;
}
