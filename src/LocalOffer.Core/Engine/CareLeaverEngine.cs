using LocalOffer.Core.Model;
using LocalOffer.Core.Rules;
using NodaTime;

namespace LocalOffer.Core.Engine;

/// <summary>
/// Decides the care leaver category of a young person on any date, the timeline from birth to
/// 25, and the statutory entitlements. Pure and thread-safe: same input, same output.
/// </summary>
public sealed class CareLeaverEngine(EnglandLaw law)
{
    public EnglandLaw Law { get; } = law;

    /// <summary>The full answer for one young person on <paramref name="asAt"/>.</summary>
    public Assessment Assess(CareHistory history, LocalDate asAt)
    {
        // STUB: replaced by the real engine.
        var age = Law.Birthdays.AgeOn(history.DateOfBirth, asAt);
        var to = Law.Birthdays.Birthday(history.DateOfBirth, Law.AgeCareLeaverUntil);
        return new Assessment(history.Id, history.DateOfBirth, asAt, age, Status.None, history.DateOfBirth, null,
            [new TimelineSpan(Status.None, history.DateOfBirth, to, "stub", [])], [], [], ["stub"], [],
            new CareFacts(0, 0, false, null));
    }
}
