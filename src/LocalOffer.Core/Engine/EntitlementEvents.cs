using NodaTime;

namespace LocalOffer.Core.Engine;

public enum EntitlementEventKind { Starts, Continues, Ends }

/// <summary>
/// A change to come in an entitlement run: it starts, it continues under another provision or
/// condition (never an end: the support goes on), or it ends. "What changes next" reads these.
/// </summary>
public sealed record EntitlementEvent(LocalDate On, EntitlementEventKind Kind, Entitlement Run, EntitlementPeriod? Period);

public static class EntitlementEvents
{
    /// <summary>
    /// The changes after <paramref name="asAt"/>, in date order: run starts, changes of provision within
    /// a run, and run ends before <paramref name="endOfDuties"/> (the 25th birthday, when everything ends).
    /// </summary>
    public static IReadOnlyList<EntitlementEvent> After(IEnumerable<Entitlement> runs, LocalDate asAt, LocalDate endOfDuties)
    {
        var events = new List<EntitlementEvent>();
        foreach (var run in runs)
        {
            if (run.From > asAt) events.Add(new(run.From, EntitlementEventKind.Starts, run, run.Periods[0]));
            for (var i = 1; i < run.Periods.Count; i++)
                if (run.Periods[i].From > asAt && run.Periods[i].From > run.From)
                    events.Add(new(run.Periods[i].From, EntitlementEventKind.Continues, run, run.Periods[i]));
            if (run.To > asAt && run.To < endOfDuties) events.Add(new(run.To, EntitlementEventKind.Ends, run, null));
        }
        events.Sort(static (x, y) => x.On.CompareTo(y.On) is var c and not 0 ? c : x.Kind.CompareTo(y.Kind));
        return events;
    }
}
