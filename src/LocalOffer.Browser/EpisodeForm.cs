using LocalOffer.Core.Model;
using NodaTime;

namespace LocalOffer.Browser;

/// <summary>
/// One episode as the adviser types it on the Check page (issue 28): start and end as GOV.UK date inputs,
/// and the SSDA903 codes chosen by their words. <see cref="Read"/> gives the episode or the page's errors,
/// each linked to its field; the history it makes still goes through the one reader (CareHistoryReader).
/// </summary>
public sealed class EpisodeForm
{
    public DateParts Start { get; } = new();
    public DateParts End { get; } = new();
    public bool Ended { get; set; }
    public string LegalStatus { get; set; } = "";
    public string Placement { get; set; } = "";
    public string ReasonEnded { get; set; } = "";

    public (Episode? Episode, List<(string Href, string Text)> Errors) Read(int n)
    {
        var errors = new List<(string, string)>();
        var (start, startError) = Start.Parse($"Episode {n} start date");
        if (startError is not null) errors.Add(($"#ep{n}-start-day", startError));
        LocalDate? end = null;
        if (Ended)
        {
            var (e, endError) = End.Parse($"Episode {n} end date");
            if (endError is not null) errors.Add(($"#ep{n}-end-day", endError));
            else if (start is { } s && e <= s) errors.Add(($"#ep{n}-end-day", $"Episode {n} end date must be after its start date"));
            end = e;
            if (ReasonEnded.Length == 0) errors.Add(($"#ep{n}-reason", $"Select why episode {n} ended"));
        }
        if (LegalStatus.Length == 0) errors.Add(($"#ep{n}-legal", $"Select the legal status of episode {n}"));
        if (errors.Count > 0) return (null, errors);
        return (new Episode(start!.Value, end, LegalStatus, Placement.Length == 0 ? null : Placement,
            Ended ? ReasonEnded : null), errors);
    }
}
