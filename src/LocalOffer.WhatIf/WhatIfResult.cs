using LocalOffer.Batch.Input;
using LocalOffer.Core.Rules;
using NodaTime;

namespace LocalOffer.WhatIf;

/// <summary>One row of whatif.csv: an entitlement on a month-end under both laws (counts of young people).</summary>
/// <param name="Cost">What the changed law costs more than the law as it stands in that month (pounds; negative:
/// less), or null where neither the law nor a unit cost gives an amount.</param>
public sealed record WhatIfRow(LocalDate MonthEnd, string Entitlement, long Baseline, long Changed, long Gained, long Lost,
    decimal? Cost);

/// <summary>One change to the law, with the values before and after, for the report.</summary>
public sealed record LawChange(string Set, string Parameter, string Description, string Before, string After,
    IReadOnlyList<LegalReference> References);

/// <summary>The answer: the rows, who gains, what changed, and the accounting of the inputs.</summary>
public sealed record WhatIfResult(
    Horizon Horizon,
    IReadOnlyList<LawChange> Changes,
    IReadOnlyList<UnitCost> Costs,
    IReadOnlyList<string> EntitlementIds,
    IReadOnlyList<WhatIfRow> Rows,
    IReadOnlyList<GainerRow> Gainers,
    IReadOnlyList<Reject> Rejects,
    int YoungPeople,
    int NotYetBorn,
    TimeSpan Elapsed)
{
    /// <summary>What each council's local offer lacks of the items CWSA 2026 s.8 adds, when the change dates s.8.</summary>
    public IReadOnlyList<LocalOfferGap> LocalOffers { get; init; } = [];

    /// <summary>Time by phase: reading the young people, counting them under both laws.</summary>
    public IReadOnlyDictionary<string, TimeSpan> Phases { get; init; } = new Dictionary<string, TimeSpan>();
}

/// <summary>A row of gainers.csv: the young person, the entitlement gained, from when and for how many month-ends.</summary>
public sealed record GainerRow(string Child, string Entitlement, LocalDate FirstMonthEnd, int MonthEnds, string? Adviser,
    string? Team);
