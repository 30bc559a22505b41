using LocalOffer.Core.Input;
using LocalOffer.Core.Model;
using LocalOffer.Core.Rules;
using System.Text;
using NodaTime;

namespace LocalOffer.Core.Engine;

/// <summary>
/// Words for the engine's decisions: the reason and law for each timeline span (each limb of law
/// inside it), and the explanation a lawyer can check line by line: the facts, near misses, each
/// change of status and why it changed, then each entitlement run with the provisions behind it.
/// </summary>
internal sealed class Explainer(EnglandLaw law, Ssda903Labels? labels)
{
    private Provisions P => law.P;
    // Dates formatted into the line being built, not made strings first (LongDate).
    private static LongDate D(LocalDate d) => new(d);
    private static LongDate D(LocalDate? d) => new(d);

    public (string Reason, IReadOnlyList<LegalReference> Basis) Reason(Span s, PersonFacts f) => s.Route switch
    {
        Route.NoneApplies when s.From >= f.B25 =>
            ("aged 25 or over: no leaving care duties remain", [law.Ref("ages.care_leaver_until")[0]]),
        Route.NoneApplies => ("not looked after, and no care leaver category applies", []),
        Route.BeforeRegime when s.Status == Status.LookedAfter =>
            ($"looked after, before the leaving care regime began on {D(law.RegimeStart)}", [P.S22, P.Regime]),
        Route.BeforeRegime => ($"before the leaving care regime began on {D(law.RegimeStart)}", [P.Regime]),
        Route.Died => ($"died (episode ended {Words.Codes(law.DeathReasons)})", []),
        Route.LookedAfterUnder16 => ("looked after by the council, under 16", [P.S22]),
        Route.LookedAfterUnder13Weeks =>
            ($"looked after at 16 or 17, but fewer than {law.EligibleDays} days (13 weeks) counted since the " +
             $"{law.AgeCountingFrom}th birthday",
             [P.S22, P.Cppcr40]),
        Route.LookedAfterShortBreak =>
            ($"looked after on a pre-planned series of short breaks ({Words.Codes(law.ShortBreakStatuses)}), " +
             "which cannot make an eligible child",
             [P.Cppcr40, P.Cppcr48]),
        Route.ShortBreakBetweenRelevant =>
            ($"looked after on a short break ({Words.Codes(law.ShortBreakStatuses)}), so not a relevant child " +
             "for its days; an eligible child before care last ended, so a relevant child again when the " +
             "break ends",
             [P.S22, P.S23A, P.Cppcr48]),
        Route.RelevantShortBreakAgreement =>
            ("aged 16 or 17, an eligible child before care last ended, and on the days of a series of short breaks " +
             $"recorded as an agreement ({Words.Codes(law.ShortBreakAgreementStatuses)}): at home on most of them, " +
             "so a relevant child; on the breaks themselves, which are not recorded, looked after",
             [P.S23A, P.S22, P.Cppcr48]),
        Route.Eligible =>
            ($"aged 16 or 17, looked after, with at least {law.EligibleDays} days (13 weeks) looked after " +
             $"since the {law.AgeCountingFrom}th birthday (short breaks left out)",
             [P.Sch2Para19B, P.Cppcr40]),
        Route.RelevantLeftCare =>
            ("aged 16 or 17, not looked after, and an eligible child immediately before last ceasing to be " +
             "looked after (short breaks left out)",
             [P.S23A, P.Clr3]),
        Route.RelevantDetainedAt16 =>
            ($"{Detained(f)} on the 16th birthday, not subject to a care order, having been looked after for " +
             $"at least {law.EligibleDays} days since 14 before that began",
             [P.Clr3_2]),
        Route.FormerRelevantWasRelevant =>
            ("aged 18 or over, was a relevant child and would still be one if under 18",
             [P.S23C1a]),
        Route.FormerRelevantCareTo18 =>
            ("looked after until the 18th birthday and an eligible child immediately before care ended",
             [P.S23C1b]),
        Route.QualifyingSpecialGuardianship =>
            ("aged 16 to 20, a special guardianship order was made (episode ended " +
             $"{Words.Codes(law.SpecialGuardianshipReasons)}) after being looked after",
             [P.S24_1A]),
        Route.QualifyingCouncilCare =>
            ("aged 16 to 20, looked after by a council after 16 while a child, but no longer",
             [P.S24_2]),
        Route.QualifyingOtherCare =>
            ("aged 16 to 20, accommodated or privately fostered after 16 while a child, but no longer " +
             "(advice and befriending only: not help with education or training under s.24B)",
             [P.S24_2, P.S24A]),
        Route.ExcludedLivingWithParent =>
            ("has lived with a parent or a person with parental responsibility for a continuous period of " +
             $"{law.LivingWithParentMonths} months or more, so is not a relevant child while that lasts",
             [P.Clr3]),
        Route.Adopted =>
            ($"adopted (episode ended {Words.Codes(law.AdoptionReasons)}): care before the adoption is left out " +
             "by the SSDA903 care leaver return's convention, which settings.adoption_ends_care_leaver_status " +
             "turns on for statistics; under the law, care after 16 would make a qualifying care leaver",
             [P.Aca67, law.Ref("settings.adoption_ends_care_leaver_status")[0]]),
        _ => throw new ArgumentOutOfRangeException(nameof(s)),
    };

    private const string AtSixteen = ", including the 16th birthday";

    private static string Detained(PersonFacts f) =>
        f.DetentionAt16?.Kind == DetentionKind.Hospital ? "in hospital" : "in custody (detained)";

    /// <summary>
    /// The public timeline: adjacent spans of one status are one span, with a part for each limb of
    /// law (so 2001 to 2014 reads "before the regime began", then "no category applies", each dated).
    /// </summary>
    public TimelineSpan[] Timeline(Span[] spans, Func<LocalDate, PersonFacts> epochOf)
    {
        var result = new List<TimelineSpan>(spans.Length);
        var first = 0;
        for (var i = 0; i < spans.Length; i++)
        {
            if (i + 1 < spans.Length && spans[i + 1].Status == spans[i].Status) continue;
            result.Add(Worded(spans.AsSpan(first, i + 1 - first), epochOf));
            first = i + 1;
        }
        return result.ToArray();
    }

    /// <summary>
    /// <see cref="Timeline"/> with the words (reason, law, parts) only for the spans that begin after
    /// <paramref name="after"/> up to <paramref name="upTo"/>; every other span has its status and dates and no
    /// words (an empty reason, no law, no parts). For `caseload` (issue 30), whose events word only a change of
    /// status in its window: the rest of the timeline is read for its statuses and dates alone. One epoch (no
    /// adoption disregarding care), so the facts are the whole history's.
    /// </summary>
    public TimelineSpan[] TimelineWordedIn(ReadOnlySpan<Span> spans, PersonFacts f, LocalDate after, LocalDate upTo)
    {
        var n = 0;
        for (var i = 0; i < spans.Length; i++)
            if (i + 1 == spans.Length || spans[i + 1].Status != spans[i].Status) n++;
        var result = new TimelineSpan[n];
        var (k, first) = (0, 0);
        Func<LocalDate, PersonFacts>? epoch = null; // one epoch: the whole history's facts
        for (var i = 0; i < spans.Length; i++)
        {
            if (i + 1 < spans.Length && spans[i + 1].Status == spans[i].Status) continue;
            var from = spans[first].From;
            result[k++] = from > after && from <= upTo
                ? Worded(spans[first..(i + 1)], epoch ??= _ => f)
                : new TimelineSpan(spans[i].Status, from, spans[i].To, "", [], []);
            first = i + 1;
        }
        return result;
    }

    // One public span from the spans of one status that follow one another: a part for each limb of law, each
    // worded with the facts of its epoch (Timeline and TimelineWordedIn both word spans with it).
    private TimelineSpan Worded(ReadOnlySpan<Span> run, Func<LocalDate, PersonFacts> epochOf)
    {
        var parts = new TimelinePart[run.Length];
        for (var i = 0; i < run.Length; i++)
        {
            var (reason, basis) = Reason(run[i], epochOf(run[i].From));
            parts[i] = new TimelinePart(run[i].From, run[i].To, reason, basis);
        }
        var (status, from, to) = (run[0].Status, run[0].From, run[^1].To);
        return parts.Length == 1
            ? new TimelineSpan(status, from, to, parts[0].Reason, parts[0].Basis, parts)
            : new TimelineSpan(status, from, to,
                string.Join("; ", parts.Select((p, k) =>
                    k == 0 ? $"until {D(p.To)}: {p.Reason}" : $"from {D(p.From)}: {p.Reason}")),
                parts.SelectMany(p => p.Basis).Distinct().ToArray(), parts);
    }

    public (List<string> Explanation, IReadOnlyList<string> Warnings) Explain(CareHistory h, PersonFacts f,
        Span[] spans, IReadOnlyList<TimelineSpan> timeline, IReadOnlyList<Entitlement> runs, LocalDate asAt, int age,
        Status status)
    {
        var lines = new List<string>();
        var warnings = HistoryWarnings.For(f.History, law, f.DeathDate, asAt);
        Facts(h, f, asAt, age, lines);
        NearMisses(f, lines);
        Changes(f, spans, asAt, lines);
        lines.Add($"So on {D(asAt)} the status is {status.Wire()} ({status.Plain()}).");
        foreach (var run in runs) lines.Add(Run(run));
        Limits(age, status, lines);
        return (lines, warnings);
    }

    private void Facts(CareHistory h, PersonFacts f, LocalDate asAt, int age, List<string> lines)
    {
        var leap = h.DateOfBirth.Month == 2 && h.DateOfBirth.Day == 29
            ? " Born on 29 February: birthdays in common years fall on " +
              (law.Birthdays.LeapDay == Time.LeapDayBirthday.March1 ? "1 March" : "28 February") +
              " (settings.leap_day_birthday; the law is unsettled)."
            : "";
        lines.Add($"Born {D(h.DateOfBirth)}; aged {age} on {D(asAt)}. An age is attained at the start of the " +
            $"birthday ({P.Flra9.Citation}).{leap}");
        lines.Add($"Birthdays that matter: 14th {D(f.B14)}, 16th {D(f.B16)}, 18th {D(f.B18)}, 21st {D(f.B21)}, " +
            $"25th {D(f.B25)}.");
        foreach (var i in StartOrder(h.Episodes))
        {
            var e = h.Episodes[i];
            var ended = e.ReasonEnded is { } r ? $", ended {Label(labels?.ReasonEnded, r)}" : "";
            var place = e.Placement is { } p ? $", placement {Label(labels?.Placement, p)}" : "";
            var endWord = e.End is null ? "open" : "end date is the day care ceased";
            lines.Add($"Episode {i + 1}: looked after from {D(e.Start)} to {D(e.End)} ({endWord}) under " +
                $"{Label(labels?.LegalStatus, e.LegalStatus)}{place}{ended} ({P.S22.Citation}).");
            if (law.ShortBreakStatuses.Contains(e.LegalStatus))
                lines.Add($"  Episode {i + 1} is a series of short breaks: its days do not count towards the 13 " +
                    $"weeks, and it is left out when deciding when care last ended ({P.Cppcr40.Citation}(2), reg 48).");
            if (e.ReasonEnded is { } home && law.ReturnedHomeReasons.Contains(home) && e.End > f.B16
                && h.LivingWithParent.Count == 0)
                lines.Add($"  Episode {i + 1} ended with a return home. Six months living with a parent would end " +
                    $"relevant child status ({P.Clr3.Citation}(3)); no livingWithParent period is recorded, so none " +
                    "is assumed.");
            if ((e.End ?? LocalDate.MaxIsoValue) > f.B18 && e.Start < f.B18)
                lines.Add($"  Episode {i + 1} {(e.End is null ? "is open" : "runs")} past the 18th birthday: nobody " +
                    $"is looked after on or after it, so care is taken to end on {D(f.B18)} ({P.S105.Citation}).");
        }
        foreach (var x in h.Detentions)
            lines.Add($"{(x.Kind == DetentionKind.Custody ? "Detained" : "In hospital")} from {D(x.Start)} to " +
                $"{D(x.End)}{(x.Start <= f.B16 && (x.End is null || x.End > f.B16) ? AtSixteen : "")}.");
        foreach (var e in f.History.Episodes)
            if (PersonFacts.CareOrderGoesOn(e, f.History, law))
                lines.Add($"Care under a care order ({e.LegalStatus}) ended on {D(e.End)} with a detention or a " +
                    "sentence to custody, but the order stands: a child in a council's care is looked after " +
                    $"({P.S22.Citation}(a)), so care is taken to go on until the next episode or the 18th birthday. " +
                    "If the order was discharged, record careOrderDischarged on the detention.");
        foreach (var adopted in f.AdoptionDates)
            lines.Add($"Adopted on {D(adopted)}: the adopters are the young person's parents ({P.Aca67.Citation}), " +
                $"with parental responsibility from any placement for adoption before it ({P.Aca25_3.Citation}), " +
                $"so six months living with them end relevant child status ({P.Clr3.Citation}(3)); care after 16 " +
                $"still makes a qualifying care leaver ({P.S24_2.Citation}(a)).");
        foreach (var sgo in f.SpecialGuardianshipDates)
            lines.Add($"A special guardianship order was made on {D(sgo)}: the special guardian has parental " +
                $"responsibility ({P.S14C.Citation}), and the young person was looked after immediately before the " +
                $"order ({P.S24_1A.Citation}). Assumed living with the special guardian from the order until care " +
                $"began again, so six months there end relevant child status ({P.Clr3.Citation}(3)(b)).");
        foreach (var cao in f.ChildArrangementsOrderDates)
            lines.Add($"A child arrangements order was made on {D(cao)} (episode ended " +
                $"{Words.Codes(law.ChildArrangementsOrderReasons)}): the person named as the one the young person " +
                $"lives with has parental responsibility ({P.S12_2.Citation}). Assumed living with the carer from " +
                "the order until care began again, so six months there end relevant child status " +
                $"({P.Clr3.Citation}(3)(b)).");
        foreach (var hp in f.HomePeriods)
            lines.Add($"Living with a parent or person with parental responsibility from {D(hp.Start)}" +
                $"{(hp.End == LocalDate.MaxIsoValue ? "" : $" to {D(hp.End)}")} (including any placement with " +
                $"parents running straight into it); six months are complete on " +
                $"{D(hp.Start.PlusMonths(law.LivingWithParentMonths))} ({P.Clr3.Citation}(3)).");
        foreach (var o in h.OtherCare)
            lines.Add($"Other care ({CareHistoryReader.OtherCareKinds.First(k => k.Value == o.Kind).Key}) from " +
                $"{D(o.Start)} to {D(o.End)} ({P.S24_2.Citation}).");
        foreach (var e in h.Education)
            lines.Add($"Education or training ({CareHistoryReader.EducationKinds.First(k => k.Value == e.Kind).Key}, " +
                $"{(e.FullTime ? "full time" : "part time")}) from {D(e.Start)} to {D(e.End)}.");
        foreach (var r in h.SupportRequests)
            lines.Add($"Asked for support on {D(r.Date)}.");
        lines.Add($"Days looked after from the 14th birthday to {D(asAt)}, short breaks left out: " +
            $"{f.CountedBefore(asAt)}. " +
            (f.ThirteenWeeksDate is { } t13
                ? $"13 weeks ({law.EligibleDays} days) counted by {D(t13)}"
                : "13 weeks never counted") +
            $" ({P.Cppcr40.Citation}(1); a day counts when looked after for it; on a date the whole days before it " +
            "count).");
    }

    // The episodes' indexes by start date, ties in the order given (a stable sort); most histories come in order,
    // and then no sort is made (issue 30).
    private static IEnumerable<int> StartOrder(IReadOnlyList<Episode> episodes)
    {
        for (var k = 1; k < episodes.Count; k++)
            if (episodes[k].Start < episodes[k - 1].Start)
                return Enumerable.Range(0, episodes.Count).OrderBy(i => episodes[i].Start);
        return Enumerable.Range(0, episodes.Count);
    }

    /// <summary>What nearly made a difference: days short of 13 weeks, care ending just before 16.</summary>
    private void NearMisses(PersonFacts f, List<string> lines)
    {
        var careAfter16 = false;
        foreach (var c in f.Care) careAfter16 |= c.Range.End > f.B16;
        foreach (var ceased in f.CessationsOfCountedCare)
        {
            var lastDay = ceased.PlusDays(-1);
            if (lastDay >= f.B16 && lastDay < f.B18 && !f.EligibleAtCessation(ceased)
                && f.CountedBefore(ceased) is var n && n < law.EligibleDays)
                lines.Add($"Near miss: care ended on {D(ceased)} with {n} days counted since the 14th birthday: " +
                    $"{Words.Days(law.EligibleDays - n)} short of 13 weeks, so not an eligible child immediately " +
                    $"before ({P.Sch2Para19B.Citation}; {P.Cppcr40.Citation}).");
            var before16 = Period.Between(ceased, f.B16, PeriodUnits.Days).Days;
            if (!careAfter16 && before16 is >= 0 and <= 28)
                lines.Add(before16 == 0
                    ? $"Near miss: care ended on the 16th birthday ({D(ceased)}, the day care ceased): the last day " +
                      "looked after was the day before, so never looked after at 16 or over, and never an eligible " +
                      $"or relevant child ({P.Sch2Para19B.Citation})."
                    : $"Near miss: care ended on {D(ceased)}, {Words.Days(before16)} before the 16th birthday: " +
                      "never looked after at 16 or over, so never an eligible or relevant child " +
                      $"({P.Sch2Para19B.Citation}).");
        }
    }

    /// <summary>Each change of status, or of the limb of law behind it, up to the date, and why.</summary>
    private void Changes(PersonFacts f, Span[] spans, LocalDate asAt, List<string> lines)
    {
        for (var i = 0; i < spans.Length && spans[i].From <= asAt; i++)
        {
            var s = spans[i];
            var (reason, basis) = Reason(s, f);
            var law = new Citations(basis);
            if (i > 0 && spans[i - 1].Status == s.Status)
            {
                lines.Add($"From {D(s.From)}: still {s.Status.Plain()} [{s.Status.Wire()}], now because: " +
                    $"{reason}{law}.");
                continue;
            }
            var why = i == 0 ? null : Why(spans[i - 1], s, f);
            var because = why is null ? "" : $", because {why}";
            lines.Add($"From {D(s.From)}: {s.Status.Plain()} [{s.Status.Wire()}]{because}: {reason}{law}.");
        }
    }

    /// <summary>Why the status changed between two spans, in words.</summary>
    private string? Why(Span previous, Span next, PersonFacts f)
    {
        var d = next.From;
        if (next.Route == Route.Died) return "the young person died";
        if (next.Route == Route.Adopted) return "the young person was adopted";
        if (d == law.RegimeStart) return "the leaving care regime began";
        if (f.ExcludedAtHomeOn(d) && !f.ExcludedAtHomeOn(d.PlusDays(-1)))
            return $"{law.LivingWithParentMonths} months living with a parent or a person with parental " +
                "responsibility were complete";
        if (previous.Route == Route.ExcludedLivingWithParent
            || (f.ExcludedAtHomeOn(d.PlusDays(-1)) && !f.ExcludedAtHomeOn(d)))
            return "living with the parent or person with parental responsibility ended (the arrangement broke down)";
        if (d == f.B25) return "the 25th birthday: leaving care duties end";
        if (d == f.B21 && previous.Status == Status.Qualifying)
            return $"the 21st birthday: qualifying status ends ({P.S24_1b.Citation})";
        if (d == f.B21) return "the 21st birthday";
        if (d == f.B18) return "the 18th birthday";
        if (d == f.B16) return "the 16th birthday";
        if (next.Status == Status.Eligible && f.ThirteenWeeksDate == d) return "13 weeks of care were counted";
        var wasInCare = previous.Status is Status.LookedAfter or Status.Eligible;
        var isInCare = next.Status is Status.LookedAfter or Status.Eligible;
        if (wasInCare && !isInCare) return "care ended";
        if (isInCare && !wasInCare) return "care began";
        return null;
    }

    /// <summary>
    /// One entitlement run: its dates, each provision with its own dates and condition ("Entitlement: A personal
    /// adviser, from 15 June 2024 until 15 June 2033: Children Act 1989 Sch 2 para 19C from ... to ...; then ...").
    /// Built in one buffer, kept by the thread: the line a provision, joined, was half the explanation's CPU
    /// (issue 30). ExplanationLineTests holds it to the words it had.
    /// </summary>
    internal static string Run(Entitlement e)
    {
        var b = RunBuilder ??= new StringBuilder(1024);
        b.Clear();
        b.Append("Entitlement: ").Append(e.Title).Append(", from ").AppendLong(e.From)
            .Append(" until ").AppendLong(e.To);
        if (e.Amount is { } m) b.Append(", ").Append(m.ToString());
        b.Append(": ");
        for (var i = 0; i < e.Periods.Count; i++)
        {
            var p = e.Periods[i];
            if (i > 0) b.Append("; then ");
            for (var k = 0; k < p.Basis.Count; k++) (k > 0 ? b.Append(" and ") : b).Append(p.Basis[k].Citation);
            b.Append(" from ").AppendLong(p.From).Append(" to ").AppendLong(p.To);
            if (p.Condition is { } c) b.Append(" (").Append(c).Append(')');
        }
        var line = b.Append('.').ToString();
        if (b.Capacity > 16 * 1024) RunBuilder = null; // a huge line's buffer is not kept
        return line;
    }

    // One buffer a thread for the entitlement lines: a fresh one a line, cleared by the runtime, was a fifth of the
    // explanation's CPU under Native AOT (issue 30). Run finishes with it before it returns.
    [ThreadStatic] private static StringBuilder? RunBuilder;

    private void Limits(int age, Status status, List<string> lines)
    {
        if (status is Status.FormerRelevant && law.StayingCloseStart is null)
            lines.Add($"Staying close support ({P.S23CZAA.Citation}) is not yet in force: no commencement date has " +
                "been made.");
        if (status is Status.Relevant or Status.FormerRelevant && law.IntentionallyHomelessStart is null)
            lines.Add("Not yet in force: the rule that a care leaver under 25 is not found intentionally homeless " +
                $"({P.IntentionallyHomeless.Citation}) has no commencement date.");
        if (status is Status.FormerRelevant or Status.Qualifying or Status.Relevant)
            lines.Add("Not decided here: an adult in an excluded immigration class may be barred from support under " +
                "ss.23C, 23CA, 23CZA, 24A and 24B unless a human rights assessment finds it necessary " +
                $"({P.Nia2002Sch3.Citation}).");
        if (age >= law.AgeCoreDutiesUntil && age < law.AgeCareLeaverUntil && status != Status.None)
            lines.Add("Not decided here: priority need for housing at 21 or over depends on vulnerability because " +
                $"of care ({P.PriorityNeedArt5.Citation}), a judgement.");
    }

    private static string Label(IReadOnlyDictionary<string, string>? labels, string code) =>
        labels is not null && labels.TryGetValue(code, out var l) ? $"{code} ({l})" : code;
}

/// <summary>Plain words for SSDA903 codes, for the explanation.</summary>
internal sealed record Ssda903Labels(
    IReadOnlyDictionary<string, string> LegalStatus,
    IReadOnlyDictionary<string, string> Placement,
    IReadOnlyDictionary<string, string> ReasonEnded);
