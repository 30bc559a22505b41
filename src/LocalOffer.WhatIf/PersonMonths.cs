using LocalOffer.Core.Engine;
using LocalOffer.Core.Model;

namespace LocalOffer.WhatIf;

/// <summary>
/// One young person under one law, month by month: on each month-end of the horizon, which entitlements hold
/// (bit e for the catalogue's e-th entitlement) and what they cost in that month. Filled again for each young
/// person (one per thread and law), so a cohort allocates only the engine's own answers.
/// </summary>
internal sealed class PersonMonths
{
    private readonly Horizon _horizon;
    private readonly IReadOnlyDictionary<string, int> _index;
    private readonly UnitCost?[] _rates;

    public PersonMonths(Horizon horizon, IReadOnlyDictionary<string, int> index, UnitCost?[] rates)
    {
        (_horizon, _index, _rates) = (horizon, index, rates);
        var n = horizon.MonthEnds.Count;
        Entitled = new int[n];
        Cost = new decimal[n * rates.Length];
    }

    /// <summary>By month: bit e set when the e-th entitlement holds on that month-end.</summary>
    public int[] Entitled { get; }
    /// <summary>By month and entitlement (month * entitlements + e): the cost in that month, in pounds.</summary>
    public decimal[] Cost { get; }
    /// <summary>Entitlements given any cost (a unit cost, or an amount of the law) for this young person.</summary>
    public int Costed { get; private set; }

    public void Fill(CareLeaverEngine engine, CareHistory history)
    {
        Array.Clear(Entitled);
        if (Costed != 0) Array.Clear(Cost);
        Costed = 0;
        if (history.DateOfBirth > _horizon.MonthEnds[^1]) return;
        // Care that ended by 16, before the horizon: nothing can hold from the day before it (most of a return).
        if (engine.NothingHoldsFrom(history, _horizon.Before)) return;
        var ends = _horizon.MonthEnds;
        var e = _rates.Length;
        // Whole-life runs: most end before or begin after the horizon, and are passed over month by month.
        foreach (var run in engine.EntitlementRuns(history))
        {
            var k = _index[run.Id];
            var perMonth = _rates[k]?.PerMonth ?? PerMonth(run.Amount);
            if (run.Amount is not null) Costed |= 1 << k; // the law gives an amount, even if none falls in the horizon
            for (var m = 0; m < ends.Count; m++)
            {
                if (!run.CoversDate(ends[m])) continue;
                Entitled[m] |= 1 << k;
                if (perMonth is { } c) Add(m * e + k, c, k);
            }
            // A payment made once counts in the month its run begins, when that is in the horizon.
            if (_rates[k] is null && run.Amount is { Period: "once" } once && run.From > _horizon.Before
                && run.From <= ends[^1])
                Add(MonthOf(run.From) * e + k, once.Amount, k);
        }
    }

    private void Add(int cell, decimal amount, int k)
    {
        Cost[cell] += amount;
        Costed |= 1 << k;
    }

    // The month of the horizon a day falls in (the first month-end on or after it).
    private int MonthOf(NodaTime.LocalDate d)
    {
        var ends = _horizon.MonthEnds;
        for (var m = 0; m < ends.Count; m++) if (d <= ends[m]) return m;
        return ends.Count - 1;
    }

    /// <summary>An amount of the law as a month's cost: a twelfth of a yearly one, 52 twelfths of a weekly one.</summary>
    private static decimal? PerMonth(Money? amount) => amount switch
    {
        { Period: "yearly" } a => a.Amount / 12,
        { Period: "weekly" } a => a.Amount * 52 / 12,
        _ => null,
    };
}
