using LocalOffer.Core.Model;
using LocalOffer.Core.Rules;
using NodaTime;

namespace LocalOffer.Core.Input;

/// <summary>
/// The facts of a care history that must hold before the law is applied: known SSDA903 codes,
/// ends not before starts, nothing before birth, no overlapping episodes (a data error: two
/// councils cannot both be looking after the same child on one day in one record), and, given the
/// law, no episode the law makes impossible (starting on or after the 18th birthday or the death).
/// Plain loops, in a fixed order (the errors come out in it): impossible episodes, then each episode, each
/// detention, period living with a parent, other care, education, support request and housing application,
/// then overlapping episodes and overlapping periods with a parent. Until issue 30 these were FluentValidation
/// rules in the same order: under Native AOT its expression trees are interpreted and its rules run through
/// async machinery, about a tenth of an API check's CPU for a one-episode history (bench/README.md).
/// ValidatorAgreementTests holds this to that validator's errors, word for word and in order.
/// </summary>
public sealed class CareHistoryValidator(Ssda903Codes codes, EnglandLaw? law = null)
{
    /// <summary>The most overlap errors named; the rest are counted in one more error.</summary>
    public const int MaxOverlapErrors = 50;

    public IReadOnlyList<InputError> Validate(CareHistory h)
    {
        var errors = new List<InputError>();
        var dob = h.DateOfBirth;
        if (law is not null) Impossible(errors, h, law);
        for (var i = 0; i < h.Episodes.Count; i++)
        {
            var e = h.Episodes[i];
            var p = $"episodes[{i}]";
            Period(errors, dob, p, e.Start, e.End);
            if (!codes.LegalStatus.ContainsKey(e.LegalStatus))
                errors.Add(new($"{p}.legalStatus",
                    $"unknown SSDA903 legal status '{Safety.Printable.Clean(e.LegalStatus, 60)}'"));
            if (e.Placement is not null && !codes.Placement.ContainsKey(e.Placement))
                errors.Add(new($"{p}.placement",
                    $"unknown SSDA903 placement '{Safety.Printable.Clean(e.Placement, 60)}'"));
            if (e.ReasonEnded is not null && !codes.ReasonEnded.ContainsKey(e.ReasonEnded))
                errors.Add(new($"{p}.reasonEnded",
                    $"unknown SSDA903 reason ended '{Safety.Printable.Clean(e.ReasonEnded, 60)}'"));
        }
        for (var i = 0; i < h.Detentions.Count; i++)
            Period(errors, dob, $"detentions[{i}]", h.Detentions[i].Start, h.Detentions[i].End);
        for (var i = 0; i < h.LivingWithParent.Count; i++)
            Period(errors, dob, $"livingWithParent[{i}]", h.LivingWithParent[i].Start, h.LivingWithParent[i].End);
        for (var i = 0; i < h.OtherCare.Count; i++)
            Period(errors, dob, $"otherCare[{i}]", h.OtherCare[i].Start, h.OtherCare[i].End);
        for (var i = 0; i < h.Education.Count; i++)
            Period(errors, dob, $"education[{i}]", h.Education[i].Start, h.Education[i].End);
        for (var i = 0; i < h.SupportRequests.Count; i++)
            if (h.SupportRequests[i].Date is var d && d < dob)
                errors.Add(new($"supportRequests[{i}].date",
                    $"{d:yyyy-MM-dd} is before the date of birth {dob:yyyy-MM-dd}"));
        for (var i = 0; i < h.HousingApplications.Count; i++)
        {
            var a = h.HousingApplications[i];
            var p = $"housingApplications[{i}]";
            if (a.Applied < dob)
                errors.Add(new($"{p}.applied",
                    $"{a.Applied:yyyy-MM-dd} is before the date of birth {dob:yyyy-MM-dd}"));
            if (a.Decided is { } d && d < a.Applied)
                errors.Add(new($"{p}.decided",
                    $"{d:yyyy-MM-dd} is before the application was made ({a.Applied:yyyy-MM-dd})"));
        }
        // Overlaps by one sweep in order of start (O(n log n)), not every pair: a 64 KB document of
        // overlapping periods once built a 135 MB error list. At most MaxOverlapErrors are named.
        var eps = h.Episodes;
        if (eps.Count > 1) Overlaps(errors, "episodes", eps.Select(e => (e.Start, e.End)).ToList(), skipEmpty: true,
            (j, i) => $"overlaps episodes[{i}] ({Show(eps[i])}): one child cannot be in two episodes on the same day");
        if (h.LivingWithParent.Count > 1)
            Overlaps(errors, "livingWithParent", h.LivingWithParent.Select(p => (p.Start, p.End)).ToList(),
                skipEmpty: false, (j, i) => $"overlaps livingWithParent[{i}]");
        return errors;
    }

    /// <summary>
    /// Each period that starts before the latest end of the periods starting earlier (or at the same
    /// time, earlier in the list) overlaps the one with that end. Zero-length periods overlap nothing
    /// when <paramref name="skipEmpty"/>.
    /// </summary>
    private static void Overlaps(List<InputError> errors, string name, List<(LocalDate Start, LocalDate? End)> periods,
        bool skipEmpty, Func<int, int, string> message)
    {
        var order = Enumerable.Range(0, periods.Count)
            .Where(i => !(skipEmpty && periods[i].End == periods[i].Start))
            .OrderBy(i => periods[i].Start).ThenBy(i => i).ToList();
        var latest = -1;
        LocalDate latestEnd = default;
        var found = 0;
        foreach (var j in order)
        {
            var end = periods[j].End ?? LocalDate.MaxIsoValue;
            if (latest >= 0 && periods[j].Start < latestEnd)
            {
                if (++found <= MaxOverlapErrors)
                {
                    var (first, second) = latest < j ? (latest, j) : (j, latest);
                    errors.Add(new($"{name}[{second}]", message(second, first)));
                }
            }
            if (latest < 0 || end > latestEnd) (latest, latestEnd) = (j, end);
        }
        if (found > MaxOverlapErrors)
            errors.Add(new(name, $"... and {found - MaxOverlapErrors:N0} more overlaps", found - MaxOverlapErrors));
    }

    private static void Period(List<InputError> errors, LocalDate dob, string path, LocalDate start, LocalDate? end)
    {
        if (start < dob)
            errors.Add(new($"{path}.start", $"{start:yyyy-MM-dd} is before the date of birth {dob:yyyy-MM-dd}"));
        if (end is { } e && e < start)
            errors.Add(new($"{path}.end", $"{e:yyyy-MM-dd} is before start {start:yyyy-MM-dd}"));
    }

    /// <summary>
    /// Episodes the law makes impossible, refused rather than silently left out: one starting on or after
    /// the 18th birthday (CA 1989 s.105(1): "child" means a person under 18, and only a child is looked
    /// after as one), unless it ended with the age assessed as 18 or over (left out, with a warning), and
    /// one starting on or after the date of death recorded by another episode (REC E2).
    /// </summary>
    private static void Impossible(List<InputError> errors, CareHistory h, EnglandLaw law)
    {
        var eps = h.Episodes;
        var b18 = law.Birthdays.Birthday(h.DateOfBirth, law.AgeAdult);
        LocalDate? died = null;
        var diedIn = -1;
        for (var i = 0; i < eps.Count; i++)
            if (eps[i] is { End: { } end, ReasonEnded: { } r } && law.DeathReasons.Contains(r)
                && (died is null || end < died))
                (died, diedIn) = (end, i);
        for (var i = 0; i < eps.Count; i++)
        {
            var e = eps[i];
            var p = $"episodes[{i}].start";
            if (e.Start >= b18 && !(e.ReasonEnded is { } r && law.AgeAssessedAdultReasons.Contains(r)))
                errors.Add(new(p, $"{e.Start:yyyy-MM-dd} is on or after the 18th birthday ({b18:yyyy-MM-dd}): nobody " +
                    "is looked after as a child from 18 (Children Act 1989 s.105(1))"));
            else if (died is { } d && i != diedIn && e.Start >= d)
                errors.Add(new(p, $"{e.Start:yyyy-MM-dd} is on or after the death recorded by episodes[{diedIn}] " +
                    $"({d:yyyy-MM-dd}, reason ended {eps[diedIn].ReasonEnded})"));
        }
    }

    private static string Show(Episode e) =>
        $"{e.Start:yyyy-MM-dd} to {(e.End is { } x ? x.ToString("yyyy-MM-dd", null) : "open")}";
}
