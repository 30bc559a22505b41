namespace LocalOffer.Batch.Caseload;

/// <summary>A caseload calendar's name as a calendar app lists it.</summary>
public static class CaseloadCalendar
{
    public static string Name(string? adviser, string? team) =>
        adviser is { Length: > 0 } a ? $"Caseload: {a}"
        : team is { Length: > 0 } t ? $"Caseload: team {t}"
        : "Caseload: all advisers";
}
