using LocalOffer.Core.Model;
using LocalOffer.Core.Time;

namespace LocalOffer.Core.Engine;

/// <summary>
/// A looked-after period as the law sees it: an episode's days, clipped at the 18th birthday
/// (nobody is looked after on or after it), with whether its days count towards the 13 weeks.
/// </summary>
internal readonly record struct CarePeriod(DateRange Range, bool ShortBreak, EpisodeValue Episode, int Index);
