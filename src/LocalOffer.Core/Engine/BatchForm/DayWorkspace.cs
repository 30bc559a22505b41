using LocalOffer.Core.Rules;

namespace LocalOffer.Core.Engine;

/// <summary>
/// What one thread reuses from one child's batch answer to the next (issue 14): the facts and the
/// timeline's spans, filled again for each child. Nothing in it outlives the answer it was made for.
/// </summary>
internal sealed class DayWorkspace
{
    private PersonFacts? _facts;

    public List<Span> Spans { get; } = new(16);

    /// <summary>
    /// Whether the buffers have grown past what a thread keeps (<see cref="CareLeaverEngine.KeptEpisodeCapacity"/>).
    /// </summary>
    public bool Oversized => _facts?.Oversized == true || Spans.Capacity > CareLeaverEngine.KeptEpisodeCapacity;

    /// <summary>Facts to fill for <paramref name="history"/>: the kept ones when made under the same law.</summary>
    public PersonFacts FactsFor(HistoryView history, EnglandLaw law) =>
        _facts is { } f && f.Law == law ? f : _facts = new PersonFacts(history, law);
}
