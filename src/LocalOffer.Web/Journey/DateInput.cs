using LocalOffer.Core.Safety;
using NodaTime;

namespace LocalOffer.Web.Journey;

/// <summary>
/// The GOV.UK date input: Day, Month and Year in three fields (name-day, name-month, name-year),
/// read into a <see cref="LocalDate"/> with the Design System's error messages ("Enter the date
/// care started", "Date care started must include a month", "Date care started must be a real
/// date"). The label is the question's short name ("Date care started").
/// </summary>
public static class DateInput
{
    public sealed record Parts(string Day, string Month, string Year)
    {
        public bool Empty => Day.Length == 0 && Month.Length == 0 && Year.Length == 0;
        public static Parts Of(LocalDate? d) => d is { } x
            ? new Parts(x.Day.ToString(), x.Month.ToString(), x.Year.ToString())
            : new Parts("", "", "");
    }

    public static Parts Read(IFormCollection form, string name) =>
        new(Clean(form[name + "-day"]), Clean(form[name + "-month"]), Clean(form[name + "-year"]));

    private static string Clean(string? s) => (s ?? "").Trim();

    /// <summary>
    /// The date the parts make, or the GOV.UK message for what is wrong with them. An empty optional
    /// date is (null, null). Dates outside <see cref="DateLimits"/> are refused in words.
    /// </summary>
    public static (LocalDate? Date, string? Error) Parse(Parts p, string label, bool required)
    {
        if (p.Empty) return (null, required ? $"Enter the {Lower(label)}" : null);
        var missing = new List<string>();
        if (p.Day.Length == 0) missing.Add("a day");
        if (p.Month.Length == 0) missing.Add("a month");
        if (p.Year.Length == 0) missing.Add("a year");
        if (missing.Count > 0) return (null, $"{label} must include {string.Join(" and ", missing)}");
        if (!int.TryParse(p.Day, out var d) || !int.TryParse(p.Month, out var m) || !int.TryParse(p.Year, out var y)
            || p.Day.Length > 2 || p.Month.Length > 2)
            return (null, $"{label} must be a real date");
        if (p.Year.Length != 4) return (null, "Year must include 4 numbers");
        if (m is < 1 or > 12 || d < 1 || d > CalendarSystem.Iso.GetDaysInMonth(y, m))
            return (null, $"{label} must be a real date");
        var date = new LocalDate(y, m, d);
        if (!DateLimits.InRange(date))
            return (null, $"{label} must be between {Words(DateLimits.Min)} and {Words(DateLimits.Max)}");
        return (date, null);
    }

    public static string Words(LocalDate d) => d.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);

    // "Date of birth" becomes "date of birth" in "Enter the date of birth".
    private static string Lower(string label) => label.Length == 0 ? label : char.ToLowerInvariant(label[0]) + label[1..];
}
