using NodaTime;

namespace LocalOffer.Core.Model;

/// <summary>
/// An episode as a value: what <see cref="Episode"/> holds, without an object. The batch hands the
/// engine each child's episodes as a span of these from one buffer per thread, so a million children
/// need no object per episode (issue 14). Codes are the SSDA903 codes (LS, PLACE, REC), as in Episode.
/// </summary>
public readonly record struct EpisodeValue(
    LocalDate Start, LocalDate? End, string LegalStatus, string? Placement = null, string? ReasonEnded = null)
{
    public static EpisodeValue Of(Episode e) => new(e.Start, e.End, e.LegalStatus, e.Placement, e.ReasonEnded);
}
