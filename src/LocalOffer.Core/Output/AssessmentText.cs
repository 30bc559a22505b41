using LocalOffer.Core.Engine;

namespace LocalOffer.Core.Output;

/// <summary>The plain text report of an assessment, for a personal adviser.</summary>
public static class AssessmentText
{
    public static string Render(Assessment a)
    {
        var w = new StringWriter();
        w.WriteLine($"Young person: {a.Id ?? "(no id)"}");
        w.WriteLine($"As at {AssessmentJson.Iso(a.AsAt)}: aged {a.Age}");
        w.WriteLine($"Status: {a.Status.Wire()} - {a.Status.Plain()} (since {AssessmentJson.Iso(a.StatusSince)})");
        if (a.NextChange is { } n) w.WriteLine($"Next change: on {AssessmentJson.Iso(n.On)} becomes {n.To.Wire()} - {n.To.Plain()}");
        w.WriteLine();
        w.WriteLine("Timeline (each status applies from the first date until the day before the second)");
        foreach (var t in a.Timeline)
            w.WriteLine($"  {AssessmentJson.Iso(t.From)} until {AssessmentJson.Iso(t.To)}  {t.Status.Wire(),-16} {t.Reason}");
        w.WriteLine();
        w.WriteLine(a.Entitlements.Count == 0 ? "Statutory entitlements now: none" : "Statutory entitlements now");
        foreach (var e in a.Entitlements)
        {
            w.WriteLine($"  {e.Title} [{e.Id}]");
            w.WriteLine($"    from {AssessmentJson.Iso(e.From)} until {AssessmentJson.Iso(e.To)}{(e.Amount is { } m ? $", {m}" : "")}");
            if (e.Condition is not null) w.WriteLine($"    condition: {e.Condition}");
            w.WriteLine($"    law: {string.Join("; ", e.Basis.Select(b => b.Citation))}");
        }
        // Starts and ends after the date; a change of legal basis with no gap is neither.
        var coming = a.AllEntitlements.Where(e => e.From > a.AsAt && !a.AllEntitlements.Any(x => x.Id == e.Id && x.To == e.From)).Select(e => (On: e.From, Text: $"starts: {e.Title} [{e.Id}]{(e.Amount is { } m ? $", {m}" : "")}"))
            .Concat(a.AllEntitlements.Where(e => e.To > a.AsAt && e.To < a.Timeline[^1].To && !a.AllEntitlements.Any(x => x.Id == e.Id && x.From == e.To)).Select(e => (On: e.To, Text: $"ends: {e.Title} [{e.Id}]")))
            .OrderBy(x => x.On).Take(12).ToList();
        if (coming.Count > 0)
        {
            w.WriteLine();
            w.WriteLine("Coming up (as the history stands today)");
            foreach (var (on, text) in coming) w.WriteLine($"  {AssessmentJson.Iso(on)}  {text}");
        }
        w.WriteLine();
        w.WriteLine("Explanation");
        var i = 1;
        foreach (var line in a.Explanation) w.WriteLine($"  {i++}. {line}");
        if (a.Warnings.Count > 0)
        {
            w.WriteLine();
            w.WriteLine("Warnings");
            foreach (var line in a.Warnings) w.WriteLine($"  ! {line}");
        }
        return w.ToString().TrimEnd();
    }
}
