using LocalOffer.Batch.Input;
using LocalOffer.Core;
using LocalOffer.Core.Engine;
using LocalOffer.Core.Model;
using LocalOffer.Indicators.Definitions;
using LocalOffer.Indicators.Input;
using NodaTime;

namespace LocalOffer.Indicators;

/// <summary>The cohort check's findings (cohort-check.csv).</summary>
public static class Findings
{
    public const string MissingOc3 = "missing_oc3";
    public const string NotACareLeaver = "not_a_care_leaver";
    public const string DiedOrReturnedHome = "died_or_returned_home";
    public const string CareTransferred = "care_transferred";
    public static readonly string[] All = [MissingOc3, NotACareLeaver, DiedOrReturnedHome, CareTransferred];
}

/// <summary>
/// One young person of the collection year: a care leaver the engine finds on their 17th to 21st
/// birthday in the year, or anyone with an OC3 row. Categories are null when the OC3 row is not used.
/// </summary>
public sealed record YoungPerson(
    string Child, LocalDate DateOfBirth, int Age, LocalDate Birthday, string Band, Status Status, bool CareLeaver,
    Oc3Row? Oc3, string? Finding, string Detail, string? InTouch, string? Activity, string? Accommodation,
    string? StayingPutBand, bool LeftFosterCareAt18, bool StayingPut, string? Warning)
{
    // LeftFosterCareAt18 is the rules core's staying put entitlement (CA 1989 s.23CZA) on the birthday:
    // a former relevant child placed with a council foster parent when care ended on the 18th birthday.

    /// <summary>In the indicators: an OC3 row, a care leaver, not died or returned home.</summary>
    public bool Counted => Oc3 is not null && Finding is null;
}

/// <summary>
/// Checks the OC3 rows against the care histories with the rules core: for every child whose 17th
/// to 21st birthday falls in the collection year, the engine's status on that birthday
/// (<see cref="CareLeaverEngine.Classify"/>) says whether they are a relevant or former relevant child,
/// so who is missing from OC3 and which OC3 rows are not care leavers. Every OC3 row ends used, in a
/// finding, or in the rejects (file, line, column, reason), like the batch rows.
/// </summary>
public sealed class CohortCheck(RulesCore core, IndicatorDefinitions defs)
{
    private const int ParallelChunk = 4096;

    public sealed record Result(IReadOnlyList<YoungPerson> People, long Oc3RowsRead, long Oc3RowsRejected);

    public Result Run(Batch.Cohort.Cohort cohort, IReadOnlyList<Oc3Row> oc3, LocalDate yearEnd, List<Reject> rejects)
    {
        var yearStart = yearEnd.PlusYears(-1).PlusDays(1);
        var birthdays = core.Law.Birthdays;
        var rejectedBefore = rejects.Count;
        var byChild = Oc3RowIndex.Build(oc3, defs.Codes.For(yearEnd), yearEnd, rejects);
        // Asked once, not once a child: each is a walk over the age bands (a twentieth of a cold run at 100k).
        var (minAge, maxAge) = (defs.MinAge, defs.MaxAge);

        // Who to ask the engine about: aged 17 to 21 at the year end (so that birthday fell in the
        // year), or with an OC3 row. Each is classified on that birthday, in parallel (the engine is pure).
        var candidates = new List<(int Index, int Oc3, int Age, LocalDate Birthday)>();
        var matched = new bool[oc3.Count];
        for (var i = 0; i < cohort.Count; i++)
        {
            var dob = cohort.DateOfBirth(i);
            var hasRow = byChild.TryGetValue(cohort.ChildId(i), out var k);
            if (yearEnd < dob)
            {
                if (!hasRow) continue;
                matched[k] = true;
                rejects.Add(Oc3RowIndex.Rej(oc3[k], oc3[k].DobColumn, "DOB", oc3[k].Child,
                    "born after the collection year"));
                continue;
            }
            var age = birthdays.AgeOn(dob, yearEnd);
            var birthday = birthdays.Birthday(dob, age);
            var inBand = age >= minAge && age <= maxAge && birthday >= yearStart;
            if (hasRow)
            {
                matched[k] = true;
                var r = oc3[k];
                var reason = r.Dob.Length == 0 ? "no DOB"
                    : !Ssda903Date.TryParse(r.Dob, out var oc3Dob)
                        ? $"'{r.Dob}' is not a date (DD/MM/YYYY or YYYY-MM-DD)"
                    : oc3Dob != dob ? $"DOB {oc3Dob:yyyy-MM-dd} differs from the header's {dob:yyyy-MM-dd}"
                    : !inBand ? $"aged {age} at the end of the collection year: OC3 is for young people whose "
                        + $"{Ordinal(defs.MinAge)} to {Ordinal(defs.MaxAge)} birthday falls in it"
                    : null;
                if (reason is not null)
                {
                    rejects.Add(Oc3RowIndex.Rej(r, r.DobColumn, "DOB", r.Child, reason));
                    hasRow = false;
                }
            }
            if (inBand || hasRow) candidates.Add((i, hasRow ? k : -1, age, birthday));
        }
        foreach (var k in byChild.Values)
            if (!matched[k])
                rejects.Add(Oc3RowIndex.Rej(oc3[k], oc3[k].ChildColumn, "CHILD", oc3[k].Child,
                    "no header row (or a rejected one) for this CHILD"));

        var people = new YoungPerson?[candidates.Count];
        Parallel.For(0, (candidates.Count + ParallelChunk - 1) / ParallelChunk, chunk =>
        {
            var end = Math.Min(candidates.Count, (chunk + 1) * ParallelChunk);
            for (var j = chunk * ParallelChunk; j < end; j++)
            {
                var (i, k, age, birthday) = candidates[j];
                people[j] = Decide(cohort, i, k < 0 ? null : oc3[k], age, birthday);
            }
        });
        var kept = people.Where(p => p is not null).Select(p => p!).ToList();
        return new Result(kept, oc3.Count, rejects.Count - rejectedBefore);
    }

    /// <summary>One young person: the engine's answer on the birthday, the finding and the OC3 categories.</summary>
    private YoungPerson? Decide(Batch.Cohort.Cohort cohort, int i, Oc3Row? row, int age, LocalDate birthday)
    {
        // The same call on the same episodes as `batch` (BatchRunner.ClassifyOne), so the status and the
        // entitlements are the batch's answer for this young person on this date, not a restatement.
        var dob = cohort.DateOfBirth(i);
        var episodes = cohort.Episodes(i);
        var answer = core.Engine.Classify(dob, episodes, birthday);
        var status = answer.Status;
        var careLeaver = status is Status.Relevant or Status.FormerRelevant;
        var transferred = LastEpisodeTransferred(episodes);
        var b18 = core.Law.Birthdays.Birthday(dob, core.Law.AgeAdult);
        var e17 = EndedAt18With(episodes, b18, defs.StayingPut.ReasonsEnded);
        if (!careLeaver && row is null) return null;

        var band = defs.Band(age)!;
        var rejected = cohort.RejectedRows(i);
        var warning = rejected > 0
            ? $"{rejected} row(s) of this young person's history rejected (see rejects): decided from the rest"
            : null;
        var on = $"{Ordinal(age)} birthday ({Core.Time.DateText.Iso(birthday)})";
        string? finding = null;
        string detail;
        if (transferred)
        {
            // DfE validator rule 1011: a young person whose care was transferred to another council in the
            // final episode has no OC3 row; the DfE tables leave them out. Not missing, never counted.
            finding = Findings.CareTransferred;
            detail = "last episode ended E3 (care transferred to another council): "
                + (row is null ? "not in OC3, as the DfE counts"
                    : "should have no OC3 row (DfE validator rule 1011); left out of the indicators");
        }
        else if (row is null)
        {
            finding = Findings.MissingOc3;
            detail = $"{status.Plain()} on their {on}, but no OC3 row";
        }
        else if (!careLeaver)
        {
            finding = Findings.NotACareLeaver;
            // The engine's reason for the status on the birthday; a history with no episode at all is
            // said first, since the reason of a span that began at birth can describe its start only.
            var history = cohort.History(i);
            var never = history.Episodes.Count == 0 ? "no episode of care in the return; " : "";
            detail = $"{status.Plain()} on their {on}, not a relevant or former relevant child: "
                + never + Reason(history, birthday);
        }
        else if (defs.ExcludedInTouch.Contains(row.InTouch))
        {
            finding = Findings.DiedOrReturnedHome;
            detail = $"IN_TOUCH {row.InTouch}: left out of the indicators (for information)";
        }
        else detail = $"{status.Plain()} on their {on}";

        // Staying put (DfE): of those counted who ceased to be looked after in a foster placement on the
        // 18th birthday (the engine's staying put entitlement, s.23CZA), those still with the former carers.
        var leftFoster = answer.EntitlementIds.Contains(EntitlementIds.StayingPut);
        var counted = row is not null && finding is null;
        var withFormerCarers = counted && row!.Accommodation.Length > 0
            && IndicatorDefinitions.IsTypeLetterOf(row.Accommodation, defs.StayingPut.FormerCarerAccommodation);
        var spBand = counted && leftFoster ? defs.StayingPutBand(age) : null;
        var stayingPut = spBand is not null && (withFormerCarers || (age == core.Law.AgeAdult && e17));

        return new YoungPerson(cohort.ChildId(i), dob, age, birthday, band, status, careLeaver, row, finding, detail,
            counted ? defs.InTouchCategory(row!.InTouch) : null, counted ? defs.ActivityCategory(row!.Activity) : null,
            counted ? defs.AccommodationCategory(row!.Accommodation) : null, spBand, leftFoster, stayingPut, warning);
    }

    /// <summary>The latest episode (by start, as the validator's rule 1011 takes it) ended by a transfer.</summary>
    private bool LastEpisodeTransferred(ReadOnlySpan<EpisodeValue> episodes)
    {
        if (episodes.IsEmpty) return false;
        var last = episodes[0];
        foreach (var e in episodes) if (e.Start >= last.Start) last = e;
        return last.End is not null && last.ReasonEnded is { } rec && defs.CareTransferredReasons.Contains(rec);
    }

    /// <summary>An episode that ended on the 18th birthday with one of the reasons (E17: staying put).</summary>
    private static bool EndedAt18With(ReadOnlySpan<EpisodeValue> episodes, LocalDate b18, string[] reasons)
    {
        foreach (var e in episodes)
            if (e.End == b18 && e.ReasonEnded is { } rec && reasons.Contains(rec)) return true;
        return false;
    }

    /// <summary>The engine's own reason for the status on the date (the timeline span covering it).</summary>
    private string Reason(Core.Model.CareHistory history, LocalDate on)
    {
        // The timeline of AssessOnDay is Assess's own (one call makes both), without the explanation and the
        // runs to 25 that are most of Assess's time and that a reason never reads (issue 30).
        var a = core.Engine.AssessOnDay(history, on);
        var span = a.Timeline.FirstOrDefault(s => s.From <= on && on < s.To);
        if (span is null) return "aged 25 or over";
        // Where the limb of law changes inside the span, the part covering the birthday has the reason.
        return span.Parts.FirstOrDefault(p => p.From <= on && on < p.To)?.Reason ?? span.Reason;
    }

    private static string Ordinal(int n) =>
        n + (n % 100 is 11 or 12 or 13 ? "th" : (n % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" });
}
