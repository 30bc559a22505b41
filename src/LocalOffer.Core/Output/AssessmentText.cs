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
        if (a.NextChange is { } n) w.WriteLine($"Next change: {n.To.Wire()} on {AssessmentJson.Iso(n.On)}");
        w.WriteLine();
        w.WriteLine("Timeline (to = first day no longer in that status)");
        foreach (var t in a.Timeline)
            w.WriteLine($"  {AssessmentJson.Iso(t.From)} to {AssessmentJson.Iso(t.To)}  {t.Status.Wire(),-16} {t.Reason}");
        w.WriteLine();
        w.WriteLine(a.Entitlements.Count == 0 ? "Statutory entitlements now: none" : "Statutory entitlements now");
        foreach (var e in a.Entitlements)
        {
            w.WriteLine($"  {e.Title} [{e.Id}]");
            w.WriteLine($"    from {AssessmentJson.Iso(e.From)} to {AssessmentJson.Iso(e.To)}{(e.Amount is { } m ? $", {m}" : "")}");
            if (e.Condition is not null) w.WriteLine($"    condition: {e.Condition}");
            w.WriteLine($"    law: {string.Join("; ", e.Basis.Select(b => b.Citation))}");
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
