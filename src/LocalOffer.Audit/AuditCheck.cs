using System.Globalization;
using LocalOffer.Audit.Input;
using LocalOffer.Core;
using LocalOffer.Core.Engine;
using LocalOffer.Core.Model;
using LocalOffer.Core.Rules;
using NodaTime;

namespace LocalOffer.Audit;

/// <summary>
/// One young person checked against the law on the as-at date. Nothing here decides a status or a
/// duty: the status is the batch's answer on the same care history (<see cref="CareLeaverEngine.Classify"/>),
/// a duty is owed when the engine's entitlement run covers the date, and every reason and provision is
/// the engine's own (<see cref="CareLeaverEngine.Assess"/>: the timeline span's reason, the run's period).
/// Only the intervals the law sets for the council's own work are read here, as dated parameters:
/// pathway plan reviews (CPPCR 2010 reg 43(1); CLR 2010 reg 7(1)) and the adviser's visits (CLR 2010 reg 8(2)).
/// </summary>
internal sealed class AuditCheck(RulesCore core)
{
    private EnglandLaw Law => core.Law;

    /// <summary>The person audited, or null when not on the list and not a care leaver (nothing to say).</summary>
    public AuditPerson? Check(CareHistories people, int i, ListRow? row, LocalDate asAt)
    {
        var dob = people.DateOfBirth(i);
        if (asAt < dob)
            return row is null ? null : new AuditPerson(row.Child, dob, 0, row, Status.None, dob,
                [Finding(row, Findings.NotACareLeaver, row.RecordedCategory, Status.None.Wire(),
                    $"born {Show(dob)}, after the as-at date: not yet born on {Show(asAt)}", "")], null);
        var c = people.Classify(core, i, asAt);
        var computed = c.Status;
        var careLeaver = AuditPerson.IsCareLeaver(computed);
        if (row is null && !careLeaver) return null;
        // Asked for only when a finding needs them, each at most once (a cohort builds a history on demand).
        CareHistory? history = null;
        Assessment? full = null, whole = null;
        IReadOnlyList<Entitlement>? onDay = null;
        CareHistory History() => history ??= people.History(i);
        Assessment Full() => full ??= core.Engine.AssessOnDay(History(), asAt);
        // The duties on the day alone (no timeline words): most findings are about a duty.
        IReadOnlyList<Entitlement> OnDay() =>
            onDay ??= full?.Entitlements ?? core.Engine.EntitlementsOnDay(History(), asAt);
        // The runs from their first day, asked for only where a finding says since when a duty is owed.
        Assessment Whole() => whole ??= core.Engine.Assess(History(), asAt);
        var found = new List<AuditFinding>();
        var child = people.Id(i);
        void Add(string finding, string recorded, string now, string detail, IEnumerable<LegalReference> basis) =>
            found.Add(new AuditFinding(child, finding, recorded, now, detail, Cite(basis), row?.Team ?? "",
                row?.Adviser ?? ""));

        // The category: on the list with none, missing from it, or recorded otherwise than the law gives.
        if (row is null)
            Add(Findings.MissingFromList, "", computed.Wire(), StatusNow(Full(), History()) + "; not on the list",
                Basis(Full(), asAt));
        else if (row.Category is not null && !careLeaver)
        {
            var never = History().Episodes.Count == 0 ? " (no episode of care in the care histories)" : "";
            Add(Findings.NotACareLeaver, row.RecordedCategory, computed.Wire(),
                $"{computed.Plain()} on {Show(asAt)}{never}: {Full().StatusReason}; "
                + $"recorded {row.Category.Value.Plain()}",
                Basis(Full(), asAt));
        }
        else if (careLeaver && row.Category != computed)
            Add(Findings.CategoryDiffers, row.RecordedCategory, computed.Wire(),
                StatusNow(Full(), History()) + "; " + WhenRecorded(Full(), row.Category), Basis(Full(), asAt));

        if (row is not null) Duties(row, c, OnDay, Whole, asAt, Add);

        var rejected = people.RejectedRows(i);
        var notes = (rejected > 0
                ? [$"{rejected} row(s) of this young person's care history rejected (see rejects): "
                    + "decided from the rest"]
                : Array.Empty<string>())
            .Concat(c.Warnings).ToList();
        return new AuditPerson(child, dob, c.Age, row, computed, c.StatusSince, found,
            notes.Count == 0 ? null : string.Join(Batch.BatchRunner.WarningSeparator, notes));
    }

    /// <summary>
    /// What the list records against what the council owes on the date: an adviser, a plan reviewed in
    /// time, being in touch and in contact (each owed when the engine's run covers the date); where the
    /// young person lives and what they do, for relevant and former relevant children.
    /// </summary>
    private void Duties(ListRow row, Classification c, Func<IReadOnlyList<Entitlement>> onDay, Func<Assessment> whole,
        LocalDate asAt,
        Action<string, string, string, string, IEnumerable<LegalReference>> add)
    {
        var ids = c.EntitlementIds;
        (EntitlementPeriod Period, bool OnRequest) Duty(string id)
        {
            var period = onDay().First(e => e.Id == id).PeriodOn(asAt)!;
            // From 21 (s.23CZB) the duty arises when the young person asks; a history may record the request.
            var onRequest = period.Basis.Contains(Law.P.S23CZB) && period.Condition?.StartsWith("asked") != true;
            return (period, onRequest);
        }
        LocalDate Since(string id) => whole().Entitlements.First(e => e.Id == id).From;

        if (row.Adviser.Length == 0 && ids.Contains(EntitlementIds.PersonalAdviser))
        {
            var (p, onRequest) = Duty(EntitlementIds.PersonalAdviser);
            add(Findings.NoPersonalAdviser, "", onRequest ? Findings.OnRequest : "owed", onRequest
                ? "no personal adviser recorded; from 21 the council must offer one and appoint one if the young "
                  + "person asks for advice and support: check the offer was made and what they said"
                : "no personal adviser recorded; one is owed", p.Basis);
        }

        if (ids.Contains(EntitlementIds.PathwayPlan))
        {
            var months = Law.PathwayPlanReviewMonths;
            var law = Law.Ref("periods.pathway_plan_review_months");
            if (row.Plan is { } last && last.PlusMonths(months) < asAt)
            {
                var (p, onRequest) = Duty(EntitlementIds.PathwayPlan);
                var due = last.PlusMonths(months);
                add(Findings.PathwayPlanOverdue, Iso(last), Iso(due),
                    $"latest pathway plan {Show(last)}: the next review was due by {Show(due)}, "
                    + $"{Period.DaysBetween(due, asAt)} days before the as-at date; "
                    + $"reviews are at most {months} months apart"
                    + (onRequest ? " (a plan from 21 is owed once the young person asks: s.23CZB)" : ""),
                    law.Concat(p.Basis));
            }
            else if (row.Plan is null)
            {
                var (p, onRequest) = Duty(EntitlementIds.PathwayPlan);
                var since = Since(EntitlementIds.PathwayPlan);
                // An eligible child's plan follows the needs assessment, due within 3 months (CPPCR 2010 reg 42(1)).
                var due = since.PlusMonths(Law.NeedsAssessmentMonths);
                if (due < asAt)
                    add(Findings.PathwayPlanOverdue, "", Iso(due),
                        $"no pathway plan recorded; one has been owed since {Show(since)}"
                        + (onRequest ? " (from 21, once the young person asks: s.23CZB)" : ""),
                        Law.Ref("periods.needs_assessment_months").Concat(law).Concat(p.Basis));
            }
        }

        if (ids.Contains(EntitlementIds.KeepInTouch))
        {
            if (row.InTouch is "NO" or "")
            {
                var (p, _) = Duty(EntitlementIds.KeepInTouch);
                add(Findings.NotInTouch, row.InTouch, "keep in touch",
                    (row.InTouch == "" ? "in touch not recorded" : "recorded not in touch")
                    + ", while the council has a duty to keep in touch", p.Basis);
            }
            var months = Law.PersonalAdviserVisitMonths;
            if (row.InTouch is "YES" or "" && (row.Contact is not { } contact || contact.PlusMonths(months) < asAt))
            {
                var (p, _) = Duty(EntitlementIds.KeepInTouch);
                var age = row.Contact is { } d ? $"latest contact {Show(d)}, {Period.DaysBetween(d, asAt)} days before "
                    + "the as-at date" : "no latest contact recorded";
                add(Findings.ContactOverdue, row.Contact is { } r ? Iso(r) : "",
                    row.Contact is { } when ? $"{Period.DaysBetween(when, asAt)} days" : "none",
                    $"{age}. The one interval the law sets is a personal adviser's visit at least every "
                    + $"{months} months "
                    + "where the council provides the accommodation (s.23B or s.24B); the list does not say who "
                    + "provides it, and no other interval of contact was found in statute or statutory guidance",
                    Law.Ref("periods.personal_adviser_visit_months").Concat(p.Basis));
            }
        }

        if (c.Status is not (Status.Relevant or Status.FormerRelevant) || row.InTouch is "DIED" or "RHOM") return;
        var relevant = c.Status == Status.Relevant;
        IEnumerable<LegalReference> Accommodation() => relevant
            ? onDay().First(e => e.Id == EntitlementIds.AccommodationAndMaintenance).PeriodOn(asAt)!.Basis
            : [Law.P.S23C4];
        var duty = relevant
            ? "the council must provide or maintain suitable accommodation for a relevant child"
            : "the council gives a former relevant child other assistance to the extent their welfare requires it";
        var recordedPlace = row.Accommodation + row.Suitability;
        var (unsuitable, what) = row.Accommodation switch
        {
            "" => (false, "no accommodation type recorded"),
            "R" => (false, "residence not known (R)"),
            "S" => (true, "no fixed abode or homeless (S): never counted suitable"),
            "X" => (true, "in custody (X): never counted suitable"),
            "G" or "H" => (false, ""), // gone abroad, deported: suitability is not judged (SSDA903 OC3)
            _ => row.Suitability switch
            {
                "2" => (true, $"accommodation type {row.Accommodation} recorded unsuitable"),
                "" => (false, $"accommodation type {row.Accommodation}, suitability not recorded"),
                _ => (false, ""),
            },
        };
        if (what.Length > 0)
            add(Findings.AccommodationUnsuitableOrUnknown, recordedPlace, unsuitable ? "unsuitable" : "not known",
                $"{what}; {duty}", Accommodation());

        if (row.Activity is "" or "0")
        {
            var help = onDay().FirstOrDefault(e => e.Id == EntitlementIds.EducationTrainingAssistance);
            add(Findings.ActivityUnknown, row.Activity, "not known",
                "no activity recorded (education, employment or training)"
                + (help is null ? "" : "; the council assists with education, training and employment"),
                help?.PeriodOn(asAt)?.Basis ?? []);
        }
    }

    /// <summary>"former relevant child ... since 15 June 2026 (18th birthday): {the engine's reason}".</summary>
    private string StatusNow(Assessment a, CareHistory history)
    {
        var since = a.StatusSince;
        var dob = history.DateOfBirth;
        var milestone = new[] { Law.AgeEligibleFrom, Law.AgeAdult, Law.AgeCoreDutiesUntil }
            .FirstOrDefault(age => Law.Birthdays.Birthday(dob, age) == since);
        var episodes = history.Episodes;
        var change = milestone > 0 ? $" ({Ordinal(milestone)} birthday)"
            : episodes.Any(e => e.End == since) ? " (care ended that day)"
            : episodes.Any(e => e.Start == since) ? " (looked after from that day)" : "";
        return $"{a.Status.Plain()} since {Show(since)}{change}: {a.StatusReason}";
    }

    /// <summary>
    /// When the category recorded last applied in the care history, or from when it will (the timeline runs
    /// to 25 as the history stands), or that it never does.
    /// </summary>
    private static string WhenRecorded(Assessment a, Status? recorded)
    {
        if (recorded is not { } r) return "no category recorded";
        var past = a.Timeline.LastOrDefault(t => t.Status == r && t.From <= a.AsAt);
        if (past is not null)
            return $"recorded {r.Plain()}, which applied from {Show(past.From)} until {Show(past.To.PlusDays(-1))}";
        var next = a.Timeline.FirstOrDefault(t => t.Status == r && t.From > a.AsAt);
        return next is not null
            ? $"recorded {r.Plain()}, which the care history gives only from {Show(next.From)}, after the as-at date"
            : $"recorded {r.Plain()}, which the care history never gives";
    }

    /// <summary>The provisions of the timeline's part covering the date.</summary>
    private static IReadOnlyList<LegalReference> Basis(Assessment a, LocalDate on)
    {
        var span = a.Timeline.FirstOrDefault(s => s.From <= on && on < s.To);
        return span?.Parts.FirstOrDefault(p => p.From <= on && on < p.To)?.Basis ?? span?.Basis ?? [];
    }

    private AuditFinding Finding(ListRow row, string finding, string recorded, string computed, string detail,
        string provisions) => new(row.Child, finding, recorded, computed, detail, provisions, row.Team, row.Adviser);

    /// <summary>Provisions in order, each once, as a lawyer writes them, separated by "; ".</summary>
    public static string Cite(IEnumerable<LegalReference> basis) =>
        string.Join("; ", basis.Select(b => b.Citation).Distinct());

    private static string Show(LocalDate d) => d.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
    private static string Iso(LocalDate d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Ordinal(int n) =>
        n + (n % 100 is 11 or 12 or 13 ? "th" : (n % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" });
}
