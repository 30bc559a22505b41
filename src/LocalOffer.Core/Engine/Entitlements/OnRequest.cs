using LocalOffer.Core.Rules;

namespace LocalOffer.Core.Engine.Entitlements;

/// <summary>
/// s.23CZB(2): support from 21 that the young person gets by asking. Shown from the 21st birthday
/// as available on request, and dated from the request where the history records one.
/// </summary>
internal static class OnRequest
{
    /// <summary>
    /// The condition shown for <paramref name="what"/> (made once by each rule, not per young person).
    /// </summary>
    public static string Available(string what) =>
        $"available on request: the council must provide {what} if the young person says they want advice and support";

    /// <param name="available">The rule's <see cref="Available"/> condition.</param>
    public static void Add(EntitlementContext c, Time.DateRangeSet days, LegalReference[] basis, string available)
    {
        if (days.IsEmpty) return;
        if (c.FirstRequestFrom21() is not { } asked)
        {
            c.Add(days, basis, available);
            return;
        }
        c.Add(days.Intersect(c.Facts.B21, asked), basis, available);
        c.Add(days.Intersect(asked, c.Facts.B25), basis,
            $"asked for on {Words.Date(asked)}: until 25, or until the young person says they no longer want it");
    }
}
