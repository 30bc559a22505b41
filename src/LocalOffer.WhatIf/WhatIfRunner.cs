using System.Diagnostics;
using LocalOffer.Batch;
using LocalOffer.Batch.Caseload;
using LocalOffer.Batch.Input;
using LocalOffer.Core;
using LocalOffer.Core.Engine;
using LocalOffer.Core.Model;
using LocalOffer.Core.Rules;
using LocalOffer.Core.Safety;

namespace LocalOffer.WhatIf;

/// <summary>
/// `localoffer whatif`: every young person of a cohort under the law as it stands and under the law with the
/// changes given (<see cref="ParameterOverrides"/>), on every month-end of the horizon, by entitlement: how many
/// are entitled under each, how many gain and lose, and what the change costs. The two laws run through the same
/// engine; with no change they are built from the same parameters the same way, so nothing can differ.
/// </summary>
/// <param name="offers">The councils' local offers, to list what CWSA 2026 s.8 would add to each (none: not listed).</param>
public sealed class WhatIfRunner(RulesCore core, LocalOffer.Offers.Policy.OfferCatalog? offers = null)
{
    /// <summary>
    /// The law with the changes, checked as the rule files are (<see cref="ParameterOverrideException"/> names the
    /// change a file would refuse), and the council's unit costs, read before any young person is.
    /// </summary>
    public (EnglandLaw Law, IReadOnlyList<UnitCost> Costs) Prepare(WhatIfOptions o)
    {
        var law = ParameterOverrides.Apply(core.Law, o.Sets);
        var costs = new List<UnitCost>();
        foreach (var text in o.Costs)
        {
            UnitCost cost;
            try
            {
                cost = UnitCost.Parse(text, core.Law.Entitlements);
            }
            catch (FormatException e)
            {
                throw new UnreadableInputException(e.Message);
            }
            if (costs.Any(c => c.Entitlement == cost.Entitlement))
                throw new UnreadableInputException($"--cost {cost.Entitlement} is given twice");
            costs.Add(cost);
        }
        return (law, costs);
    }

    /// <summary>Reads the young people and counts them under both laws, without writing anything.</summary>
    public WhatIfResult Compute(WhatIfOptions o, IProgress<BatchProgress>? progress = null)
    {
        var clock = Stopwatch.StartNew();
        if (!DateLimits.InRange(o.AsAt)) throw new UnreadableInputException($"--as-at {DateLimits.OutOfRange(o.AsAt)}");
        if (o.HorizonMonths is < 1 or > Horizon.MaxMonths)
            throw new UnreadableInputException($"--horizon must be 1 to {Horizon.MaxMonths} months");
        var horizon = new Horizon(o.AsAt, o.HorizonMonths);
        if (!DateLimits.InRange(horizon.MonthEnds[^1]))
            throw new UnreadableInputException($"--horizon ends after {DateLimits.Max:yyyy-MM-dd}");
        var (law, costs) = Prepare(o);
        var changed = new CareLeaverEngine(law, core.Codes);
        progress?.Report(new BatchProgress("reading", 0, 1));
        var rejects = new List<Reject>();
        var caseload = new CaseloadOptions(o.Header, o.Episodes, o.Xml, o.HistoriesDir, o.CaseloadCsv, o.AsAt, 1)
            { Sources = o.Sources, Documents = o.Documents };
        var people = new CaseloadRunner(core).Load(caseload, rejects);
        var extras = CaseloadRunner.Extras(caseload, people, rejects);
        var read = clock.Elapsed;

        var ids = core.Law.Entitlements.Ids;
        var index = ids.Select((id, k) => (id, k)).ToDictionary(x => x.id, x => x.k, StringComparer.Ordinal);
        var rates = ids.Select(id => costs.FirstOrDefault(c => c.Entitlement == id)).ToArray();
        var tally = Count(people, horizon, index, rates, changed, progress);

        var gainers = tally.Gainers
            .OrderBy(g => g.Entitlement).ThenBy(g => g.FirstMonthEnd).ThenBy(g => g.Child, StringComparer.Ordinal)
            .Select(g =>
            {
                var x = extras is not null && extras.TryGetValue(g.Child, out var e) ? e.Extras : null;
                return new GainerRow(g.Child, ids[g.Entitlement], g.FirstMonthEnd, g.MonthEnds, x?.Adviser, x?.Team);
            }).ToList();
        return new WhatIfResult(horizon, Changes(o.Sets, law), costs, ids, Rows(tally, horizon, ids, rates), gainers, rejects,
            people.Count, tally.NotYetBorn, clock.Elapsed)
        {
            Phases = new Dictionary<string, TimeSpan> { ["read"] = read, ["count"] = clock.Elapsed - read },
            LocalOffers = offers is null ? [] : LocalOfferGaps.For(offers, law, o.AsAt),
        };
    }

    // Every young person on every core: each thread fills its own months under both laws and its own tally.
    private CohortTally Count(List<CareHistory> people, Horizon horizon, IReadOnlyDictionary<string, int> index,
        UnitCost?[] rates, CareLeaverEngine changed, IProgress<BatchProgress>? progress)
    {
        var (months, entitlements) = (horizon.MonthEnds.Count, rates.Length);
        var all = new CohortTally(months, entitlements);
        progress?.Report(new BatchProgress("counting", 0, people.Count));
        Parallel.For(0, people.Count,
            () => (Baseline: new PersonMonths(horizon, index, rates), Changed: new PersonMonths(horizon, index, rates),
                Tally: new CohortTally(months, entitlements)),
            (i, _, w) =>
            {
                var h = people[i];
                if (h.DateOfBirth > horizon.MonthEnds[^1]) { w.Tally.NotYetBorn++; return w; }
                w.Baseline.Fill(core.Engine, h);
                w.Changed.Fill(changed, h);
                w.Tally.Add(h.Id ?? "", w.Baseline, w.Changed, horizon.MonthEnds);
                return w;
            },
            w => { lock (all) all.Add(w.Tally); });
        progress?.Report(new BatchProgress("counting", people.Count, people.Count));
        return all;
    }

    private static List<WhatIfRow> Rows(CohortTally t, Horizon horizon, IReadOnlyList<string> ids, UnitCost?[] rates)
    {
        var rows = new List<WhatIfRow>(horizon.MonthEnds.Count * ids.Count);
        for (var m = 0; m < horizon.MonthEnds.Count; m++)
            for (var e = 0; e < ids.Count; e++)
            {
                var cell = m * ids.Count + e;
                var costed = rates[e] is not null || (t.Costed & (1 << e)) != 0;
                rows.Add(new WhatIfRow(horizon.MonthEnds[m], ids[e], t.Baseline[cell], t.Changed[cell], t.Gained[cell],
                    t.Lost[cell], costed ? decimal.Round(t.ChangedCost[cell] - t.BaselineCost[cell], 2) : null));
            }
        return rows;
    }

    /// <summary>Each parameter changed, with its values before and after (several --set of one parameter together).</summary>
    private IReadOnlyList<LawChange> Changes(IReadOnlyList<string> sets, EnglandLaw changed) =>
        sets.GroupBy(s => s[..s.IndexOf('=')].Trim(), StringComparer.Ordinal).Select(g =>
        {
            var before = core.Law.Book.Get(g.Key);
            return new LawChange(string.Join(" ", g), g.Key, before.Description, Values(before), Values(changed.Book.Get(g.Key)),
                before.References);
        }).ToList();

    internal static string LongDate(NodaTime.LocalDate d) =>
        d.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A parameter's dated values in words: "from 22 August 2009: 2000", or "not in force (no date yet)".</summary>
    internal static string Values(Parameter p) =>
        p.Values.Count == 0 ? "not in force (no date yet)"
        : string.Join("; ", p.Values.Select(v => $"from {LongDate(v.From)}: {v.Value switch
        {
            null => "not in force",
            true => "in force",
            false => "not in force",
            string[] list => string.Join(", ", list),
            NodaTime.LocalDate d => LongDate(d),
            var x => Convert.ToString(x, System.Globalization.CultureInfo.InvariantCulture),
        }}"));
}
