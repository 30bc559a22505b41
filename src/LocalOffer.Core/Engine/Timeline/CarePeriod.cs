using LocalOffer.Core.Time;

namespace LocalOffer.Core.Engine;

/// <summary>
/// A looked-after period as the law sees it: an episode's days, clipped at the 18th birthday
/// (nobody is looked after on or after it), with whether its days count towards the 13 weeks and the
/// index of the episode it was made from (<see cref="PersonFacts.EpisodeOf"/>): a small value, no copy of it.
/// </summary>
internal readonly record struct CarePeriod(DateRange Range, bool ShortBreak, int Index);
