using LocalOffer.Core.Model;
using LocalOffer.Core.Rules;
using NodaTime;

namespace LocalOffer.Core.Engine;

/// <summary>
/// The warnings about a history that a person must see beside the answer, the same for `check`,
/// the web app and every batch row (the batch `warning` column): an episode left out (E15), care
/// assumed to continue elsewhere (E3), an episode with no whole day, a reason ended on an episode
/// that has not ended, a death, a date before the regime. Computed without the words of the
/// explanation, so the batch can afford it for every child.
/// </summary>
internal static class HistoryWarnings
{
    /// <summary>
    /// The most episodes named in warnings of one kind; the rest of that kind are counted in one more
    /// line. A record of thousands of episodes of no whole day (a broken extract, or a hostile one)
    /// otherwise wrote megabytes into one CSV cell, where a spreadsheet holds 32,767 characters.
    /// </summary>
    public const int MaxNamedPerKind = 5;

    private enum Kind { NoWholeDay, ReasonOnOpen, AgeAssessedAdult, Transfer, CustodyUnderCareOrder }

    /// <returns>The warnings, or the shared empty list when there are none (most histories).</returns>
    public static IReadOnlyList<string> For(HistoryView h, EnglandLaw law, LocalDate? deathDate, LocalDate asAt)
    {
        List<string>? warnings = null;
        Span<int> seen = stackalloc int[5]; // episodes of each kind met, named or not
        void Add(string w) => (warnings ??= new List<string>(2)).Add(w);
        var episodes = h.Episodes;
        for (var i = 0; i < episodes.Length; i++)
        {
            var e = episodes[i];
            if (e.End == e.Start && ++seen[(int)Kind.NoWholeDay] <= MaxNamedPerKind)
                Add($"Episode {i + 1} ends on the day it starts ({Words.Date(e.Start)}): it holds no whole day, " +
                    $"so no day of it counts.");
            if (e.ReasonEnded is not { } rec) continue;
            // An open episode has not ended, so its reason ended means nothing: it is ignored (X1 is the
            // SSDA903 code for "continues", which an open episode may carry).
            if (e.End is null)
            {
                if (!law.ContinuesReasons.Contains(rec) && ++seen[(int)Kind.ReasonOnOpen] <= MaxNamedPerKind)
                    Add($"Episode {i + 1} has no end date but a reason ended ({rec}): the episode is taken as " +
                        $"still open and the reason is ignored.");
                continue;
            }
            if (!law.CarePeriodReasons.Contains(rec)) continue; // most episodes: no warning
            if (law.AgeAssessedAdultReasons.Contains(rec) && ++seen[(int)Kind.AgeAssessedAdult] <= MaxNamedPerKind)
                Add($"Episode {i + 1} ended {rec} (age assessed as 18 or over): the person was found not to be " +
                    $"a child, so this episode is left out of every count.");
            if (law.TransferReasons.Contains(rec) && ++seen[(int)Kind.Transfer] <= MaxNamedPerKind)
                Add($"Episode {i + 1} ended {rec}: care was taken over by another council. LocalOffer assumes " +
                    $"that council went on looking after the young person until the next episode here or the " +
                    $"18th birthday; they are a care leaver of that council.");
            if (law.CustodyReasons.Contains(rec) && PersonFacts.CareOrderGoesOn(e, h, law)
                && ++seen[(int)Kind.CustodyUnderCareOrder] <= MaxNamedPerKind)
                Add($"Episode {i + 1} ended {rec} (sentenced to custody) under a care order ({e.LegalStatus}): the " +
                    $"order stands unless discharged, so LocalOffer takes the young person as still looked after " +
                    $"until the next episode here or the 18th birthday. If the order was discharged, say so.");
        }
        AddUnnamed(seen, ref warnings);
        if (deathDate is { } died && died <= asAt)
            Add($"The young person died on {Words.Date(died)} (episode ended {Words.Codes(law.DeathReasons)}).");
        if (asAt < law.RegimeStart)
            Add($"{Words.Date(asAt)} is before the leaving care regime began ({Words.Date(law.RegimeStart)}).");
        return warnings ?? (IReadOnlyList<string>)[];
    }

    // The words of each kind's count line, in the order of Kind.
    private static readonly string[] More =
    [
        "end on the day they start: no day of them counts",
        "have no end date but a reason ended: each is taken as still open and the reason is ignored",
        "ended with the age assessed as 18 or over: each is left out of every count",
        "ended with care taken over by another council, assumed to go on as above",
        "ended with a sentence to custody under a care order, taken as still looked after as above",
    ];

    // One line for each kind with more episodes than were named.
    private static void AddUnnamed(ReadOnlySpan<int> seen, ref List<string>? warnings)
    {
        for (var k = 0; k < seen.Length; k++)
            if (seen[k] > MaxNamedPerKind)
                (warnings ??= []).Add($"{seen[k] - MaxNamedPerKind} more episodes {More[k]}.");
    }
}
