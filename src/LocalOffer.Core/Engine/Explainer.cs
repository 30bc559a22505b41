using System.Globalization;
using LocalOffer.Core.Input;
using LocalOffer.Core.Model;
using LocalOffer.Core.Rules;
using NodaTime;
using P = LocalOffer.Core.Engine.Provisions;

namespace LocalOffer.Core.Engine;

/// <summary>
/// Words for the engine's decisions: the reason and law for each timeline span, and the
/// explanation a lawyer can check line by line (facts first, then each change of status).
/// </summary>
internal sealed class Explainer(EnglandLaw law, Ssda903Labels? labels)
{
    private static string D(LocalDate d) => d.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
    private static string D(LocalDate? d) => d is { } x ? D(x) : "still open";

    public (string Reason, IReadOnlyList<LegalReference> Basis) Reason(Span s, PersonFacts f) => s.Route switch
    {
        Route.NoneApplies when s.From >= f.B25 => ("aged 25 or over: no leaving care duties remain", [law.Ref("ages.care_leaver_until")[0]]),
        Route.NoneApplies => ("not looked after, and no care leaver category applies", []),
        Route.BeforeRegime when s.Status == Status.LookedAfter => ("looked after, before the leaving care regime began on " + D(law.RegimeStart), [P.S22, P.Regime]),
        Route.BeforeRegime => ("before the leaving care regime began on " + D(law.RegimeStart), [P.Regime]),
        Route.Died => ("died (episode ended E2)", []),
        Route.LookedAfterUnder16 => ("looked after by the council, under 16", [P.S22]),
        Route.LookedAfterUnder13Weeks => ($"looked after at 16 or 17, but fewer than {law.EligibleDays} days (13 weeks) counted since the {law.AgeCountingFrom}th birthday", [P.S22, P.Cppcr40]),
        Route.LookedAfterShortBreak => ("looked after on a pre-planned series of short breaks (V3/V4), which cannot make an eligible child", [P.Cppcr40, P.Cppcr48]),
        Route.Eligible => ($"aged 16 or 17, looked after, with at least {law.EligibleDays} days (13 weeks) looked after since the {law.AgeCountingFrom}th birthday (short breaks left out)", [P.Sch2Para19B, P.Cppcr40]),
        Route.RelevantLeftCare => ("aged 16 or 17, not looked after, and an eligible child immediately before last ceasing to be looked after", [P.S23A, P.Clr3]),
        Route.RelevantDetainedAt16 => ($"detained or in hospital on the 16th birthday, having been looked after for at least {law.EligibleDays} days since 14 before that began", [P.Clr3]),
        Route.FormerRelevantWasRelevant => ("aged 18 or over, was a relevant child and would still be one if under 18", [P.S23C1a]),
        Route.FormerRelevantCareTo18 => ("looked after until the 18th birthday and an eligible child immediately before care ended", [P.S23C1b]),
        Route.QualifyingSpecialGuardianship => ("aged 16 to 20, a special guardianship order was made (episode ended E43-E48) after being looked after", [P.S24_1A]),
        Route.QualifyingCouncilCare => ("aged 16 to 20, looked after by a council after 16 while a child, but no longer", [P.S24_2]),
        Route.QualifyingOtherCare => ("aged 16 to 20, accommodated or privately fostered after 16 while a child, but no longer", [P.S24_2]),
        Route.ExcludedLivingWithParent => ($"has lived with a parent for a continuous period of {law.LivingWithParentMonths} months or more, so is not a relevant child while that lasts", [P.Clr3]),
        Route.Adopted => ("adopted (episode ended E11 or E12): care before the adoption gives no care leaver status (settings.adoption_ends_care_leaver_status)", [P.Aca67, law.Ref("settings.adoption_ends_care_leaver_status")[0]]),
        _ => throw new ArgumentOutOfRangeException(nameof(s)),
    };

    public (List<string> Explanation, List<string> Warnings) Explain(CareHistory h, PersonFacts f, IReadOnlyList<TimelineSpan> timeline, LocalDate asAt, int age, Status status)
    {
        var lines = new List<string>();
        var warnings = new List<string>();
        var leap = h.DateOfBirth.Month == 2 && h.DateOfBirth.Day == 29
            ? $" Born on 29 February: birthdays in common years fall on {(law.Birthdays.LeapDay == Time.LeapDayBirthday.March1 ? "1 March" : "28 February")} (settings.leap_day_birthday; the law is unsettled)."
            : "";
        lines.Add($"Born {D(h.DateOfBirth)}; aged {age} on {D(asAt)}. An age is attained at the start of the birthday ({P.Flra9.Citation}).{leap}");
        lines.Add($"Birthdays that matter: 14th {D(f.B14)}, 16th {D(f.B16)}, 18th {D(f.B18)}, 21st {D(f.B21)}, 25th {D(f.B25)}.");
        foreach (var (e, i) in h.Episodes.Select((e, i) => (e, i)).OrderBy(x => x.e.Start))
        {
            var ended = e.ReasonEnded is { } r ? $", ended {Label(labels?.ReasonEnded, r)}" : "";
            var place = e.Placement is { } p ? $", placement {Label(labels?.Placement, p)}" : "";
            lines.Add($"Episode {i + 1}: looked after from {D(e.Start)} to {D(e.End)} ({(e.End is null ? "open" : "end date is the day care ceased")}) under {Label(labels?.LegalStatus, e.LegalStatus)}{place}{ended} ({P.S22.Citation}).");
            if (law.ShortBreakStatuses.Contains(e.LegalStatus))
                lines.Add($"  Episode {i + 1} is a series of short breaks: its days do not count towards the 13 weeks ({P.Cppcr40.Citation}(2), reg 48).");
            if (e.ReasonEnded is { } rec && law.AgeAssessedAdultReasons.Contains(rec))
                warnings.Add($"Episode {i + 1} ended E15 (age assessed as 18 or over): the person was found not to be a child, so this episode is left out of every count.");
            if (e.ReasonEnded is { } t && law.TransferReasons.Contains(t))
                warnings.Add($"Episode {i + 1} ended E3: care was taken over by another council. LocalOffer assumes that council went on looking after the young person until the next episode here or the 18th birthday; they are a care leaver of that council.");
            if (e.ReasonEnded is { } home && law.ReturnedHomeReasons.Contains(home) && e.End > f.B16 && h.LivingWithParent.Count == 0)
                lines.Add($"  Episode {i + 1} ended with a return home. Six months living with a parent would end relevant child status ({P.Clr3.Citation}(3)); no livingWithParent period is recorded, so none is assumed.");
            if ((e.End ?? LocalDate.MaxIsoValue) > f.B18 && e.Start < f.B18)
                lines.Add($"  Episode {i + 1} {(e.End is null ? "is open" : "runs")} past the 18th birthday: nobody is looked after on or after it, so care is taken to end on {D(f.B18)} ({P.S105.Citation}).");
        }
        foreach (var (x, i) in h.Detentions.Select((x, i) => (x, i)))
            lines.Add($"{(x.Kind == DetentionKind.Custody ? "Detained" : "In hospital")} from {D(x.Start)} to {D(x.End)}{(x.Start <= f.B16 && (x.End is null || x.End > f.B16) ? ", including the 16th birthday" : "")}.");
        foreach (var sgo in f.SpecialGuardianshipDates)
            lines.Add($"A special guardianship order was made on {D(sgo)}: the special guardian has parental responsibility (Children Act 1989 s.14C), so living with them counts as living with a person with parental responsibility ({P.Clr3.Citation}(3)(b)), and the young person was looked after immediately before the order ({P.S24_1A.Citation}).");
        foreach (var hp in f.HomePeriods)
            lines.Add($"Living with a parent or person with parental responsibility from {D(hp.Start)}{(hp.End == LocalDate.MaxIsoValue ? "" : $" to {D(hp.End)}")} (including any placement with parents running straight into it); six months are complete on {D(hp.Start.PlusMonths(law.LivingWithParentMonths))} ({P.Clr3.Citation}(3)).");
        foreach (var o in h.OtherCare)
            lines.Add($"Other care ({CareHistoryReader.OtherCareKinds.First(k => k.Value == o.Kind).Key}) from {D(o.Start)} to {D(o.End)} ({P.S24_2.Citation}).");
        foreach (var e in h.Education)
            lines.Add($"Education or training ({CareHistoryReader.EducationKinds.First(k => k.Value == e.Kind).Key}, {(e.FullTime ? "full time" : "part time")}) from {D(e.Start)} to {D(e.End)}.");
        foreach (var r in h.SupportRequests)
            lines.Add($"Asked for support on {D(r.Date)}.");

        var since14 = f.CountedBefore(asAt);
        lines.Add($"Days looked after from the 14th birthday to {D(asAt)}, short breaks left out: {since14}. " +
            (f.ThirteenWeeksDate is { } t13 ? $"13 weeks ({law.EligibleDays} days) counted by {D(t13)}" : "13 weeks never counted") +
            $" ({P.Cppcr40.Citation}(1); a day counts when looked after for it; on a date the whole days before it count).");

        foreach (var s in timeline.Where(s => s.From <= asAt))
            lines.Add($"From {D(s.From)}: {s.Status.Plain()} [{s.Status.Wire()}]: {s.Reason}{(s.Basis.Count > 0 ? $" ({string.Join("; ", s.Basis.Select(b => b.Citation))})" : "")}.");
        lines.Add($"So on {D(asAt)} the status is {status.Wire()} ({status.Plain()}).");

        if (status is Status.FormerRelevant && law.StayingCloseStart is null)
            lines.Add($"Staying close support ({law.Ref("commencement.staying_close")[0].Citation}) is not yet in force: no commencement date has been made.");
        if (status is Status.FormerRelevant or Status.Qualifying or Status.Relevant)
            lines.Add($"Not decided here: an adult in an excluded immigration class may be barred from support under ss.23C, 23CA, 23CZA, 24A and 24B unless a human rights assessment finds it necessary ({P.Nia2002Sch3.Citation}).");
        if (age >= law.AgeCoreDutiesUntil && age < law.AgeCareLeaverUntil && status != Status.None)
            lines.Add("Not decided here: priority need for housing at 21 or over depends on vulnerability because of care (SI 2002/2051 art 5), a judgement.");
        if (f.DeathDate is { } died && died <= asAt)
            warnings.Add($"The young person died on {D(died)} (episode ended E2).");
        if (asAt < law.RegimeStart)
            warnings.Add($"{D(asAt)} is before the leaving care regime began ({D(law.RegimeStart)}).");
        return (lines, warnings);
    }

    private static string Label(IReadOnlyDictionary<string, string>? labels, string code) =>
        labels is not null && labels.TryGetValue(code, out var l) ? $"{code} ({l})" : code;
}

/// <summary>Plain words for SSDA903 codes, for the explanation.</summary>
internal sealed record Ssda903Labels(IReadOnlyDictionary<string, string> LegalStatus, IReadOnlyDictionary<string, string> Placement, IReadOnlyDictionary<string, string> ReasonEnded);
