using LocalOffer.Core.Rules;
using NodaTime;

namespace LocalOffer.Core.Engine.Entitlements;

/// <summary>
/// Joins the pieces the rules produce into runs: pieces of one entitlement that touch or overlap
/// form one run from its first day to its last, whatever provision carries each piece; the pieces
/// become the run's periods, in date order. Runs are kept apart only where the support itself
/// differs: another amount, or another payment (an instance: one bursary per course).
/// </summary>
internal static class EntitlementRuns
{
    public static List<Entitlement> Join(List<Piece> pieces, EntitlementCatalog catalog)
    {
        var result = new List<Entitlement>();
        if (pieces.Count == 0) return result;
        pieces.Sort(static (x, y) =>
        {
            var c = string.CompareOrdinal(x.Id, y.Id);
            if (c != 0) return c;
            c = x.Instance.CompareTo(y.Instance);
            return c != 0 ? c : x.Range.Start.CompareTo(y.Range.Start);
        });
        var start = 0;
        var end = pieces[0].Range.End; // the latest end of the run so far
        for (var i = 1; i < pieces.Count; i++)
        {
            var p = pieces[i];
            var q = pieces[start];
            if (p.Id == q.Id && p.Instance == q.Instance && p.Amount == q.Amount && p.Range.Start <= end)
            {
                if (p.Range.End > end) end = p.Range.End;
                continue;
            }
            result.Add(Run(pieces, start, i, catalog));
            start = i;
            end = p.Range.End;
        }
        result.Add(Run(pieces, start, pieces.Count, catalog));
        result.Sort(static (x, y) => x.From.CompareTo(y.From) is var c and not 0 ? c : string.CompareOrdinal(x.Id, y.Id));
        return result;
    }

    /// <summary>
    /// Whether a run made from <paramref name="pieces"/> can start, end or continue under another provision on a day
    /// after <paramref name="after"/> up to <paramref name="upTo"/>: <see cref="Join"/> makes each run's first day the
    /// first day of one of its pieces, its end the end of one (the latest), and each period's first day the first
    /// day of one, so when no piece begins or ends in that window, no run changes in it (`caseload`, issue 30).
    /// </summary>
    public static bool AnyChangeIn(List<Piece> pieces, LocalDate after, LocalDate upTo)
    {
        foreach (var p in pieces)
            if ((p.Range.Start > after && p.Range.Start <= upTo) || (p.Range.End > after && p.Range.End <= upTo))
                return true;
        return false;
    }

    /// <summary>
    /// The ids of the entitlements holding on <paramref name="day"/>, in ordinal order: a run covers a day when one of
    /// its pieces does (<see cref="Join"/> makes a run of pieces that touch or overlap, from the first to the last).
    /// </summary>
    public static IReadOnlyList<string> IdsOn(List<Piece> pieces, LocalDate day)
    {
        List<string>? ids = null;
        foreach (var p in pieces)
            if (p.Range.Contains(day) && !(ids ??= new List<string>(8)).Contains(p.Id)) ids.Add(p.Id);
        if (ids is null) return [];
        ids.Sort(StringComparer.Ordinal);
        return ids;
    }

    private static Entitlement Run(List<Piece> pieces, int from, int to, EntitlementCatalog catalog)
    {
        var periods = new List<EntitlementPeriod>(to - from);
        var basis = new List<LegalReference>(4);
        var first = pieces[from].Range.Start;
        var last = pieces[from].Range.End;
        for (var k = from; k < to; k++)
        {
            var p = pieces[k];
            if (p.Range.End > last) last = p.Range.End;
            // Touching periods under the same provisions and condition are one period.
            if (periods.Count > 0 && periods[^1] is var prev && prev.To == p.Range.Start && prev.Condition == p.Condition
                && ReferenceEquals(prev.Basis, p.Basis))
                periods[^1] = prev with { To = p.Range.End };
            else periods.Add(new EntitlementPeriod(p.Range.Start, p.Range.End, p.Basis, p.Condition));
            foreach (var b in p.Basis) if (!basis.Contains(b)) basis.Add(b);
        }
        var id = pieces[from].Id;
        return new Entitlement(id, catalog[id].Title, first, last, pieces[from].Amount, basis, Condition(periods), periods);
    }

    /// <summary>
    /// The run's condition: the one condition of all its periods, or each period's condition with the
    /// date it applies from ("from 15 June 2029: available on request ...").
    /// </summary>
    private static string? Condition(List<EntitlementPeriod> periods)
    {
        var same = true;
        foreach (var p in periods) same &= p.Condition == periods[0].Condition;
        if (same) return periods[0].Condition;
        var parts = new List<string>();
        foreach (var p in periods)
            if (p.Condition is { } c) parts.Add($"from {Words.Date(p.From)}: {c}");
        return string.Join("; ", parts);
    }
}
