using NodaTime;

namespace LocalOffer.WhatIf;

/// <summary>
/// The month-ends a what-if run counts on: the last day of the as-at date's month and of each month after it,
/// <see cref="Months"/> in all ("--horizon 24m": two years of month-ends).
/// </summary>
public sealed class Horizon(LocalDate asAt, int months)
{
    public LocalDate AsAt { get; } = asAt;
    public int Months { get; } = months;

    /// <summary>The longest horizon: 25 years, a young person's whole time from birth to the end of every duty.</summary>
    public const int MaxMonths = 300;

    public IReadOnlyList<LocalDate> MonthEnds { get; } = Ends(asAt, months);

    /// <summary>The day before the first month of the horizon: a run that covers it began before the horizon.</summary>
    public LocalDate Before => MonthEnds[0].With(DateAdjusters.StartOfMonth).PlusDays(-1);

    private static LocalDate[] Ends(LocalDate asAt, int months)
    {
        if (months is < 1 or > MaxMonths)
            throw new ArgumentOutOfRangeException(nameof(months), $"a horizon is 1 to {MaxMonths} months");
        var first = asAt.With(DateAdjusters.EndOfMonth);
        return Enumerable.Range(0, months).Select(k => first.PlusMonths(k).With(DateAdjusters.EndOfMonth)).ToArray();
    }

    /// <summary>"24m", "24" or "2y" as months; null when it is none of these or out of range.</summary>
    public static int? ParseMonths(string text)
    {
        var t = text.Trim().ToLowerInvariant();
        var (digits, factor) = t.EndsWith('y') ? (t[..^1], 12) : t.EndsWith('m') ? (t[..^1], 1) : (t, 1);
        if (!int.TryParse(digits, System.Globalization.NumberStyles.None,
                System.Globalization.CultureInfo.InvariantCulture, out var n)
            || n < 1 || n > MaxMonths / factor) return null;
        return n * factor;
    }
}
