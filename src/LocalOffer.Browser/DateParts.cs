using NodaTime;

namespace LocalOffer.Browser;

/// <summary>A GOV.UK date input's three fields, read into a date with the Design System's messages.</summary>
public sealed class DateParts
{
    public string Day { get; set; } = "";
    public string Month { get; set; } = "";
    public string Year { get; set; } = "";

    public static DateParts Of(LocalDate d) => new() { Day = d.Day.ToString(), Month = d.Month.ToString(), Year = d.Year.ToString() };

    public (LocalDate? Date, string? Error) Parse(string label)
    {
        if (Day.Trim().Length == 0 && Month.Trim().Length == 0 && Year.Trim().Length == 0) return (null, $"Enter the {label.ToLowerInvariant()}");
        if (!int.TryParse(Day.Trim(), out var d) || !int.TryParse(Month.Trim(), out var m) || !int.TryParse(Year.Trim(), out var y)
            || Year.Trim().Length != 4 || m is < 1 or > 12 || d < 1 || d > CalendarSystem.Iso.GetDaysInMonth(y, m))
            return (null, $"{label} must be a real date");
        var date = new LocalDate(y, m, d);
        return LocalOffer.Core.Safety.DateLimits.InRange(date)
            ? (date, null) : (null, $"{label} must be between 1 January 1900 and 31 December 2199");
    }
}
