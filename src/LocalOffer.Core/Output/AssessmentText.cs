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
        w.WriteLine($"  because: {a.StatusReason}");
        if (a.NextChange is { } n) w.WriteLine($"Next change: on {AssessmentJson.Iso(n.On)} becomes {n.To.Wire()} - {n.To.Plain()}");
        w.WriteLine();
        w.WriteLine("Timeline (each status applies from the first date until the day before the second)");
        foreach (var t in a.Timeline)
            w.WriteLine($"  {AssessmentJson.Iso(t.From)} until {AssessmentJson.Iso(t.To)}  {t.Status.Wire(),-16} {t.Reason}");
        w.WriteLine();
        w.WriteLine(a.Entitlements.Count == 0 ? "Statutory entitlements now: none" : "Statutory entitlements now");
        foreach (var e in a.Entitlements)
        {
            w.WriteLine($"  {e.Title}");
            w.WriteLine($"    from {AssessmentJson.Iso(e.From)} until {AssessmentJson.Iso(e.To)}{(e.Amount is { } m ? $", {m}" : "")}");
            // Each provision that carries the run, with its own dates; the one in force now is marked.
            foreach (var p in e.Periods)
            {
                var now = p.From <= a.AsAt && a.AsAt < p.To ? "*" : " ";
                var condition = p.Condition is { } c ? $" ({c})" : "";
                w.WriteLine($"    {now} {AssessmentJson.Iso(p.From)} until {AssessmentJson.Iso(p.To)}  " +
                    $"{string.Join("; ", p.Basis.Select(b => b.Citation))}{condition}");
            }
        }
        var coming = EntitlementEvents.After(a.AllEntitlements, a.AsAt, a.Timeline[^1].To).Take(12).ToList();
        if (coming.Count > 0)
        {
            w.WriteLine();
            w.WriteLine("Coming up (as the history stands today)");
            foreach (var ev in coming) w.WriteLine($"  {AssessmentJson.Iso(ev.On)}  {Describe(ev)}");
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

    private static string Describe(EntitlementEvent ev) => ev.Kind switch
    {
        EntitlementEventKind.Starts => $"starts: {ev.Run.Title}{(ev.Run.Amount is { } m ? $", {m}" : "")}",
        EntitlementEventKind.Continues => $"continues: {ev.Run.Title}, now under {string.Join("; ", ev.Period!.Basis.Select(b => b.Citation))}" +
            (ev.Period.Condition is { } c ? $" ({c})" : ""),
        _ => $"ends: {ev.Run.Title}",
    };
}
