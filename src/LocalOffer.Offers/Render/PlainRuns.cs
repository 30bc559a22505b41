using System.Globalization;
using LocalOffer.Core.Engine;
using LocalOffer.Core.Rules;
using NodaTime;

namespace LocalOffer.Offers.Render;

/// <summary>
/// An entitlement run (the engine's, never worked out again here) told to a young person: how long
/// it lasts and on what condition ("until you are 21, then while you are in education or training,
/// until you are 25"), never an end date without the condition it depends on (issue 25).
/// </summary>
public static class PlainRuns
{
    private static readonly CultureInfo En = CultureInfo.InvariantCulture;

    /// <summary>
    /// The kind of a period: in education or training (s.23C(7), s.23CA carry it only while a
    /// programme of education or training goes on), on request, another condition, or none.
    /// </summary>
    public static (PlainWords.ConditionKind Kind, string? Words, bool Ask) Kind(EntitlementPeriod p, EnglandLaw law) =>
        p.Basis.Contains(law.P.S23C7) || p.Basis.Contains(law.P.S23CA)
            ? (PlainWords.ConditionKind.Education, null, false)
            : PlainWords.Condition(p.Condition);

    /// <summary>"until you are 21" on a birthday, else "until 14 June 2029" (the last day, as the exclusive end's eve).</summary>
    public static string Until(LocalDate end, LocalDate dob, EnglandLaw law)
    {
        for (var age = 16; age <= law.AgeCareLeaverUntil; age++)
            if (law.Birthdays.Birthday(dob, age) == end) return $"until you are {age}";
        return "until " + end.PlusDays(-1).ToString("d MMMM yyyy", En);
    }

    /// <summary>
    /// How long a run lasts from <paramref name="asAt"/>, each change of condition said: "until you
    /// are 21, then while you are in education or training, until you are 25". A payment gives its
    /// amount and the condition it is paid on instead.
    /// </summary>
    public static string HowLong(Entitlement run, LocalDate asAt, LocalDate dob, EnglandLaw law)
    {
        if (run.Amount is { } money)
        {
            var (_, words, _) = PlainWords.Condition(run.Periods[^1].Condition);
            var upTo = run.Periods[^1].Condition?.StartsWith("up to", StringComparison.Ordinal) == true ? "up to " : "";
            return upTo + money + (words is null ? "" : ", " + words);
        }
        var segments = new List<(PlainWords.ConditionKind Kind, string? Words, LocalDate To)>();
        foreach (var p in run.Periods.Where(p => p.To > asAt))
        {
            var (kind, words, _) = Kind(p, law);
            if (segments.Count > 0 && segments[^1].Kind == kind && segments[^1].Words == words) segments[^1] = (kind, words, p.To);
            else segments.Add((kind, words, p.To));
        }
        var parts = segments.Select(s => Segment(s.Kind, s.Words, Until(s.To, dob, law))).ToList();
        var text = string.Join(", then ", parts);
        return run.From > asAt ? $"from {When(run.From, dob, law)}, {text}" : text;
    }

    private static string Segment(PlainWords.ConditionKind kind, string? words, string until) => kind switch
    {
        PlainWords.ConditionKind.Education => "while you are in education or training, " + until,
        PlainWords.ConditionKind.OnRequest => "if you ask for it, " + until,
        _ when words is not null => words + ", " + until,
        _ => until,
    };

    /// <summary>"your 21st birthday" on a birthday, else the date.</summary>
    public static string When(LocalDate on, LocalDate dob, EnglandLaw law)
    {
        for (var age = 16; age <= law.AgeCareLeaverUntil; age++)
            if (law.Birthdays.Birthday(dob, age) == on) return $"your {OfferViews.Ordinal(age)} birthday";
        return on.ToString("d MMMM yyyy", En);
    }

    /// <summary>
    /// What changes next, one sentence a date (at most <paramref name="dates"/> dates): what starts,
    /// what stops, what carries on only in education or training or if you ask. A change of legal
    /// basis alone is not told: the support goes on the same.
    /// </summary>
    public static IReadOnlyList<string> NextChanges(Assessment a, EnglandLaw law, int dates = 3)
    {
        var b25 = law.Birthdays.Birthday(a.DateOfBirth, law.AgeCareLeaverUntil);
        var byDate = new SortedDictionary<LocalDate, (List<string> Starts, List<string> Stops, List<string> Education, List<string> Ask)>();
        (List<string>, List<string>, List<string>, List<string>) On(LocalDate d) =>
            byDate.TryGetValue(d, out var x) ? x : byDate[d] = ([], [], [], []);
        foreach (var ev in EntitlementEvents.After(a.AllEntitlements, a.AsAt, b25))
        {
            var name = Short(ev.Run.Id, ev.Run.Title, law);
            var (starts, stops, education, ask) = On(ev.On);
            switch (ev.Kind)
            {
                case EntitlementEventKind.Starts: starts.Add(name); break;
                case EntitlementEventKind.Ends: stops.Add(name); break;
                default:
                    var (kind, _, _) = Kind(ev.Period!, law);
                    if (kind == PlainWords.ConditionKind.Education) education.Add(name);
                    else if (kind == PlainWords.ConditionKind.OnRequest) ask.Add(name);
                    break;
            }
        }
        var sentences = new List<string>();
        foreach (var (on, (starts, stops, education, ask)) in byDate)
        {
            var parts = new List<string>();
            if (starts.Count > 0) parts.Add(List(starts) + (starts.Count == 1 ? " starts" : " start"));
            if (stops.Count > 0) parts.Add(List(stops) + (stops.Count == 1 ? " stops" : " stop"));
            if (education.Count > 0) parts.Add(List(education) + (education.Count == 1 ? " carries" : " carry") + " on only while you are in education or training");
            if (ask.Count > 0) parts.Add(List(ask) + (ask.Count == 1 ? " carries" : " carry") + " on if you ask for " + (ask.Count == 1 ? "it" : "them"));
            if (parts.Count == 0) continue;
            sentences.Add($"On {When(on, a.DateOfBirth, law)}{DateAfter(on, a.DateOfBirth, law)}: {string.Join("; ", parts)}.");
            if (sentences.Count == dates) return sentences;
        }
        if (a.AllEntitlements.Any(e => e.To == b25) && b25 > a.AsAt)
            sentences.Add($"On your {OfferViews.Ordinal(law.AgeCareLeaverUntil)} birthday, {b25.ToString("d MMMM yyyy", En)}: your leaving care support ends.");
        return sentences;
    }

    // A birthday is told with its date too ("your 21st birthday, 15 June 2029").
    private static string DateAfter(LocalDate on, LocalDate dob, EnglandLaw law) =>
        When(on, dob, law).StartsWith("your ", StringComparison.Ordinal) ? ", " + on.ToString("d MMMM yyyy", En) : "";

    /// <summary>The catalogue's short name for a sentence ("your personal adviser").</summary>
    public static string Short(string id, string title, EnglandLaw law) =>
        law.Entitlements.Contains(id) && law.Entitlements[id].Short.Length > 0 ? law.Entitlements[id].Short : title;

    /// <summary>"a, b and c".</summary>
    public static string List(IReadOnlyList<string> items) =>
        items.Count <= 1 ? string.Concat(items) : string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1];

    /// <summary>The first letter in capitals, for a list item made from a short name.</summary>
    public static string Capital(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
