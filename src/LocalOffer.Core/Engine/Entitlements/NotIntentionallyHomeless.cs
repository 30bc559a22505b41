using LocalOffer.Core.Model;
using LocalOffer.Core.Rules;

namespace LocalOffer.Core.Engine.Entitlements;

/// <summary>Not to be found intentionally homeless: prospective until commencement.yaml gives it a date.</summary>
internal sealed class NotIntentionallyHomeless(EnglandLaw law) : EntitlementRule
{
    private readonly LegalReference[] _basis = [law.P.IntentionallyHomeless];

    // Without applications recorded, the words are the same for everyone: made once.
    private readonly string? _turnsOn = law.IntentionallyHomelessStart is { } s
        ? $"for a homelessness application made from {Words.Date(s)}, or made before then and not yet decided " +
          $"(whether there is a right to help, and what duty is owed) on {Words.Date(s)}"
        : null;

    public override string Id => EntitlementIds.NotIntentionallyHomeless;

    // Housing Act 1996 s.191(1ZA)-(1C) (CWSA 2026 s.9(1)): "a person does not become homeless intentionally" where
    // "the person is a relevant child" (1B) or "a former relevant child ... aged under 25" (1C). Commencement by
    // regulations (s.78(5)). s.9(2): the amendments "do not apply in relation to an application ... made before the
    // date on which this section comes into force, except where the local housing authority ... has not yet decided
    // the matters set out in section 184(1)(a) and (b)" (eligibility for assistance; what duty is owed).
    public override void Apply(EntitlementContext c)
    {
        if (law.IntentionallyHomelessStart is not { } start) return;
        var days = c.Relevant.Union(c.FormerRelevant).Intersect(c.InForce(start));
        if (days.IsEmpty) return;
        var applications = c.History.HousingApplications;
        c.Add(days, _basis, applications.Count == 0 ? _turnsOn : Covering(applications, start, LastDayOwed(c.Spans)));
    }

    /// <summary>
    /// The day after the young person's last day as a relevant or former relevant child, read from the whole
    /// timeline (the uncut spans): the applications the words name are those made while the protection can apply,
    /// whatever window the rules are asked about. Cut to a window (the batch's day, the audit's), `days` ends with
    /// the window, and the words named fewer applications than the whole run's (a property test found it).
    /// </summary>
    private static NodaTime.LocalDate LastDayOwed(ReadOnlySpan<Span> spans)
    {
        for (var i = spans.Length - 1; i >= 0; i--)
            if (spans[i].Status is Status.Relevant or Status.FormerRelevant) return spans[i].To;
        return NodaTime.LocalDate.MinIsoValue; // not reached: `days` is not empty, so such a span exists
    }

    /// <summary>Which applications the protection covers (s.9(2)), each with why, then any made from the start.</summary>
    private static string Covering(IReadOnlyList<HousingApplication> applications, NodaTime.LocalDate start,
        NodaTime.LocalDate until)
    {
        var parts = new List<string>(applications.Count + 1);
        foreach (var a in applications.OrderBy(a => a.Applied))
        {
            if (a.Applied >= until) continue; // made when the protection no longer applied to the young person
            parts.Add(Cover(a, start) switch
            {
                HomelessApplicationCover.MadeFromStart => $"covers the application made on {Words.Date(a.Applied)}",
                HomelessApplicationCover.UndecidedAtStart =>
                    $"covers the application made on {Words.Date(a.Applied)}, not decided by {Words.Date(start)}"
                    + (a.Decided is { } d ? $" (decided on {Words.Date(d)})" : ""),
                _ => $"does not cover the application made on {Words.Date(a.Applied)}, decided on " +
                    $"{Words.Date(a.Decided!.Value)}, before {Words.Date(start)}",
            });
        }
        parts.Add($"covers any application made from {Words.Date(start)}");
        return string.Join("; ", parts);
    }

    /// <summary>
    /// Whether the protection covers one application (CWSA 2026 s.9(2)): one made on or after the day it comes into
    /// force; one made before, if not decided when it comes into force (no decision recorded, or one on or after that
    /// day: the section is in force from the start of the day); not one decided before.
    /// </summary>
    internal static HomelessApplicationCover Cover(HousingApplication a, NodaTime.LocalDate start) =>
        a.Applied >= start ? HomelessApplicationCover.MadeFromStart
        : a.Decided is not { } d || d >= start ? HomelessApplicationCover.UndecidedAtStart
        : HomelessApplicationCover.DecidedBefore;
}

/// <summary>How CWSA 2026 s.9(2) treats one homelessness application.</summary>
internal enum HomelessApplicationCover { MadeFromStart, UndecidedAtStart, DecidedBefore }
