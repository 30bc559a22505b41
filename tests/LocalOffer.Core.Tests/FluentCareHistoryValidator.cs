using FluentValidation;
using FluentValidation.Results;
using LocalOffer.Core.Input;
using LocalOffer.Core.Model;
using LocalOffer.Core.Rules;
using NodaTime;

namespace LocalOffer.Core.Tests;

/// <summary>
/// The FluentValidation validator as it was until issue 30, kept as the reference <see cref="CareHistoryValidator"/>
/// is held to (ValidatorAgreementTests). What it checked:
/// the facts of a care history that must hold before the law is applied: known SSDA903 codes,
/// ends not before starts, nothing before birth, no overlapping episodes (a data error: two
/// councils cannot both be looking after the same child on one day in one record), and, given the
/// law, no episode the law makes impossible (starting on or after the 18th birthday or the death).
/// </summary>
public sealed class FluentCareHistoryValidator
{
    private readonly HistoryRules _rules;

    public FluentCareHistoryValidator(Ssda903Codes codes, EnglandLaw? law = null) =>
        _rules = new HistoryRules(codes, law);

    public IReadOnlyList<InputError> Validate(CareHistory history)
    {
        var result = _rules.Validate(history);
        // The field path (and how many problems a line stands for) travels in CustomState: FluentValidation
        // prefixes PropertyName inside RuleForEach.
        return result.Errors.Select(e => e.CustomState is State st
            ? new InputError(st.Path, e.ErrorMessage, st.Counts)
            : new InputError(e.PropertyName, e.ErrorMessage)).ToList();
    }

    private sealed record State(string Path, int Counts);

    private sealed class HistoryRules : AbstractValidator<CareHistory>
    {
        public HistoryRules(Ssda903Codes codes, EnglandLaw? law)
        {
            if (law is not null) RuleFor(h => h.Episodes).Custom((eps, ctx) => Impossible(ctx, eps, law));
            RuleForEach(h => h.Episodes).Custom((e, ctx) =>
            {
                var p = $"episodes[{ctx.Index()}]";
                Period(ctx, p, e.Start, e.End);
                if (!codes.LegalStatus.ContainsKey(e.LegalStatus))
                    Fail(ctx, $"{p}.legalStatus",
                        $"unknown SSDA903 legal status '{LocalOffer.Core.Safety.Printable.Clean(e.LegalStatus, 60)}'");
                if (e.Placement is not null && !codes.Placement.ContainsKey(e.Placement))
                    Fail(ctx, $"{p}.placement",
                        $"unknown SSDA903 placement '{LocalOffer.Core.Safety.Printable.Clean(e.Placement, 60)}'");
                if (e.ReasonEnded is not null && !codes.ReasonEnded.ContainsKey(e.ReasonEnded))
                    Fail(ctx, $"{p}.reasonEnded",
                        $"unknown SSDA903 reason ended '{LocalOffer.Core.Safety.Printable.Clean(e.ReasonEnded, 60)}'");
            });
            RuleForEach(h => h.Detentions).Custom((d, ctx) =>
                Period(ctx, $"detentions[{ctx.Index()}]", d.Start, d.End));
            RuleForEach(h => h.LivingWithParent).Custom((d, ctx) =>
                Period(ctx, $"livingWithParent[{ctx.Index()}]", d.Start, d.End));
            RuleForEach(h => h.OtherCare).Custom((d, ctx) => Period(ctx, $"otherCare[{ctx.Index()}]", d.Start, d.End));
            RuleForEach(h => h.Education).Custom((d, ctx) => Period(ctx, $"education[{ctx.Index()}]", d.Start, d.End));
            RuleForEach(h => h.SupportRequests).Custom((r, ctx) =>
            {
                var dob = ctx.InstanceToValidate.DateOfBirth;
                if (r.Date < dob)
                    Fail(ctx, $"supportRequests[{ctx.Index()}].date",
                        $"{r.Date:yyyy-MM-dd} is before the date of birth {dob:yyyy-MM-dd}");
            });
            RuleForEach(h => h.HousingApplications).Custom((a, ctx) =>
            {
                var p = $"housingApplications[{ctx.Index()}]";
                var dob = ctx.InstanceToValidate.DateOfBirth;
                if (a.Applied < dob)
                    Fail(ctx, $"{p}.applied", $"{a.Applied:yyyy-MM-dd} is before the date of birth {dob:yyyy-MM-dd}");
                if (a.Decided is { } d && d < a.Applied)
                    Fail(ctx, $"{p}.decided",
                        $"{d:yyyy-MM-dd} is before the application was made ({a.Applied:yyyy-MM-dd})");
            });
            // Overlaps by one sweep in order of start (O(n log n)), not every pair: a 64 KB document of
            // overlapping periods once built a 135 MB error list. At most MaxOverlapErrors are named.
            RuleFor(h => h.Episodes).Custom((eps, ctx) =>
                Overlaps(ctx, "episodes", eps.Select(e => (e.Start, e.End)).ToList(), skipEmpty: true,
                    (j, i) => $"overlaps episodes[{i}] ({Show(eps[i])}): "
                        + "one child cannot be in two episodes on the same day"));
            RuleFor(h => h.LivingWithParent).Custom((ps, ctx) =>
                Overlaps(ctx, "livingWithParent", ps.Select(p => (p.Start, p.End)).ToList(), skipEmpty: false,
                    (j, i) => $"overlaps livingWithParent[{i}]"));
        }

        /// <summary>The most overlap errors named; the rest are counted in one more error.</summary>
        public const int MaxOverlapErrors = 50;

        /// <summary>
        /// Each period that starts before the latest end of the periods starting earlier (or at the same
        /// time, earlier in the list) overlaps the one with that end. Zero-length periods overlap nothing
        /// when <paramref name="skipEmpty"/>.
        /// </summary>
        private static void Overlaps(ValidationContext<CareHistory> ctx, string name,
            List<(LocalDate Start, LocalDate? End)> periods, bool skipEmpty, Func<int, int, string> message)
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
                        Fail(ctx, $"{name}[{second}]", message(second, first));
                    }
                }
                if (latest < 0 || end > latestEnd) (latest, latestEnd) = (j, end);
            }
            if (found > MaxOverlapErrors)
                Fail(ctx, name, $"... and {found - MaxOverlapErrors:N0} more overlaps", found - MaxOverlapErrors);
        }

        private static void Period(ValidationContext<CareHistory> ctx, string path, LocalDate start, LocalDate? end)
        {
            var dob = ctx.InstanceToValidate.DateOfBirth;
            if (start < dob)
                Fail(ctx, $"{path}.start", $"{start:yyyy-MM-dd} is before the date of birth {dob:yyyy-MM-dd}");
            if (end is { } e && e < start)
                Fail(ctx, $"{path}.end", $"{e:yyyy-MM-dd} is before start {start:yyyy-MM-dd}");
        }

        private static void Fail<T>(ValidationContext<T> ctx, string path, string message, int counts = 1) =>
            ctx.AddFailure(new ValidationFailure(path, message) { CustomState = new State(path, counts) });

        /// <summary>
        /// Episodes the law makes impossible, refused rather than silently left out: one starting on or after
        /// the 18th birthday (CA 1989 s.105(1): "child" means a person under 18, and only a child is looked
        /// after as one), unless it ended with the age assessed as 18 or over (left out, with a warning), and
        /// one starting on or after the date of death recorded by another episode (REC E2).
        /// </summary>
        private static void Impossible(ValidationContext<CareHistory> ctx, IReadOnlyList<Episode> eps, EnglandLaw law)
        {
            var dob = ctx.InstanceToValidate.DateOfBirth;
            var b18 = law.Birthdays.Birthday(dob, law.AgeAdult);
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
                    Fail(ctx, p, $"{e.Start:yyyy-MM-dd} is on or after the 18th birthday ({b18:yyyy-MM-dd}): nobody " +
                        "is looked after as a child from 18 (Children Act 1989 s.105(1))");
                else if (died is { } d && i != diedIn && e.Start >= d)
                    Fail(ctx, p, $"{e.Start:yyyy-MM-dd} is on or after the death recorded by episodes[{diedIn}] " +
                        $"({d:yyyy-MM-dd}, reason ended {eps[diedIn].ReasonEnded})");
            }
        }

        private static string Show(Episode e) =>
            $"{e.Start:yyyy-MM-dd} to {(e.End is { } x ? x.ToString("yyyy-MM-dd", null) : "open")}";
    }
}

internal static class FluentValidationContextExtensions
{
    /// <summary>The collection index of the element a RuleForEach is validating.</summary>
    public static int Index<T>(this ValidationContext<T> ctx) =>
        ctx.MessageFormatter.PlaceholderValues.TryGetValue("CollectionIndex", out var i) ? (int)i : 0;
}
