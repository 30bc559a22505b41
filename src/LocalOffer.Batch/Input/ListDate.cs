using NodaTime;

namespace LocalOffer.Batch.Input;

/// <summary>
/// Dates in a care leaver list or a caseload CSV (the audit's list 9 or SSD care_leavers table, the caseload's
/// adviser extract): dd/MM/yyyy (Annex A: the script formats every date so) or ISO yyyy-MM-dd, read as the
/// SSDA903 readers read them (<see cref="Ssda903Date"/>), optionally followed by a time of day, since the
/// SSD's clea_* dates are DATETIME and an export writes "2025-06-01 00:00:00.000" or "2025-06-01T00:00:00".
/// The time is dropped: the audit and the caseload count days.
/// </summary>
public static class ListDate
{
    /// <summary>
    /// The SSD's SystemC extract writes 1900-01-01 where no pathway plan is found (ISNULL(..., '1900-01-01')):
    /// read as none recorded, never as a plan reviewed in 1900.
    /// </summary>
    public static readonly LocalDate SsdNone = new(1900, 1, 1);

    public static bool TryParse(string text, out LocalDate date)
    {
        var s = text.AsSpan().Trim();
        if (s.Length > 10 && (s[10] == ' ' || s[10] == 'T') && IsTime(s[11..])) s = s[..10];
        return Ssda903Date.TryParse(s, out date);
    }

    /// <summary>
    /// Why a cell that <see cref="TryParse"/> refused is not a date: a year outside the years any input may
    /// hold (a far date, often a typing slip) is said as such; anything else is not in a date form.
    /// </summary>
    public static string Problem(string text)
    {
        var s = text.Trim();
        var year = s.Length >= 10 && s[2] == '/' && s[5] == '/' ? s.Substring(6, 4)
            : s.Length >= 10 && s[4] == '-' && s[7] == '-' ? s[..4] : "";
        return int.TryParse(year, System.Globalization.NumberStyles.None, null, out var y)
            && y is < Ssda903Date.MinYear or > Ssda903Date.MaxYear
            ? $"'{Reject.Quote(text)}' is not a date this list can hold: the year {y} is outside "
                + $"{Ssda903Date.MinYear} to {Ssda903Date.MaxYear}"
            : $"'{Reject.Quote(text)}' is not a date (dd/MM/yyyy or yyyy-MM-dd)";
    }

    /// <summary>HH:mm, HH:mm:ss or HH:mm:ss.fff (any number of fraction digits), a real time of day.</summary>
    private static bool IsTime(ReadOnlySpan<char> t)
    {
        if (t.Length < 5 || t[2] != ':' || !Two(t[..2], 23) || !Two(t.Slice(3, 2), 59)) return false;
        if (t.Length == 5) return true;
        if (t.Length < 8 || t[5] != ':' || !Two(t.Slice(6, 2), 59)) return false;
        if (t.Length == 8) return true;
        if (t[8] != '.' || t.Length == 9) return false;
        foreach (var c in t[9..]) if (c is < '0' or > '9') return false;
        return true;
    }

    private static bool Two(ReadOnlySpan<char> d, int max) =>
        d[0] is >= '0' and <= '9' && d[1] is >= '0' and <= '9' && (d[0] - '0') * 10 + (d[1] - '0') <= max;
}
