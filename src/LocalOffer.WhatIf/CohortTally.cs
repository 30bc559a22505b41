namespace LocalOffer.WhatIf;

/// <summary>
/// The cohort's counts by month and entitlement (month * entitlements + e), under the law as it stands and as
/// changed, made on one thread for its share of the young people and then added together.
/// </summary>
internal sealed class CohortTally(int months, int entitlements)
{
    public long[] Baseline { get; } = new long[months * entitlements];
    public long[] Changed { get; } = new long[months * entitlements];
    public long[] Gained { get; } = new long[months * entitlements];
    public long[] Lost { get; } = new long[months * entitlements];
    public decimal[] BaselineCost { get; } = new decimal[months * entitlements];
    public decimal[] ChangedCost { get; } = new decimal[months * entitlements];
    /// <summary>Bit e: the e-th entitlement had a cost for somebody, under either law.</summary>
    public int Costed { get; private set; }
    public List<Gainer> Gainers { get; } = [];
    /// <summary>Young people born after the horizon's last month-end: counted nowhere.</summary>
    public int NotYetBorn { get; set; }

    /// <summary>One young person's months under both laws; their gains listed with <paramref name="child"/>.</summary>
    public void Add(string child, PersonMonths baseline, PersonMonths changed, IReadOnlyList<NodaTime.LocalDate> ends)
    {
        Span<int> first = stackalloc int[entitlements];
        Span<int> count = stackalloc int[entitlements];
        first.Fill(-1);
        var anyGain = false;
        for (var m = 0; m < months; m++)
        {
            int b = baseline.Entitled[m], c = changed.Entitled[m];
            if ((b | c) == 0) continue;
            for (var (e, any) = (0, b | c); any != 0; e++, any >>= 1)
            {
                if ((any & 1) == 0) continue;
                var bit = 1 << e;
                var cell = m * entitlements + e;
                if ((b & bit) != 0) Baseline[cell]++;
                if ((c & bit) != 0) Changed[cell]++;
                if ((b & bit) != 0 && (c & bit) == 0) Lost[cell]++;
                if ((c & bit) != 0 && (b & bit) == 0)
                {
                    Gained[cell]++;
                    if (first[e] < 0) first[e] = m;
                    count[e]++;
                    anyGain = true;
                }
            }
        }
        // Only the entitlements with a cost for this young person: decimal sums are dear, and most have none.
        var costed = baseline.Costed | changed.Costed;
        Costed |= costed;
        for (var e = 0; costed != 0; e++, costed >>= 1)
        {
            if ((costed & 1) == 0) continue;
            for (var cell = e; cell < BaselineCost.Length; cell += entitlements)
            {
                BaselineCost[cell] += baseline.Cost[cell];
                ChangedCost[cell] += changed.Cost[cell];
            }
        }
        if (!anyGain) return;
        for (var e = 0; e < entitlements; e++)
            if (first[e] >= 0) Gainers.Add(new Gainer(child, e, ends[first[e]], count[e]));
    }

    public void Add(CohortTally other)
    {
        for (var i = 0; i < Baseline.Length; i++)
        {
            Baseline[i] += other.Baseline[i]; Changed[i] += other.Changed[i];
            Gained[i] += other.Gained[i]; Lost[i] += other.Lost[i];
            BaselineCost[i] += other.BaselineCost[i]; ChangedCost[i] += other.ChangedCost[i];
        }
        Costed |= other.Costed;
        Gainers.AddRange(other.Gainers);
        NotYetBorn += other.NotYetBorn;
    }
}

/// <summary>A young person who gains an entitlement under the changed law: from which month-end, for how many.</summary>
/// <param name="Entitlement">The entitlement's place in the catalogue.</param>
public sealed record Gainer(string Child, int Entitlement, NodaTime.LocalDate FirstMonthEnd, int MonthEnds);
