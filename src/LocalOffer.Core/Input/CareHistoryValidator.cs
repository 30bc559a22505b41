using FluentValidation;
using FluentValidation.Results;
using LocalOffer.Core.Model;
using LocalOffer.Core.Rules;
using NodaTime;

namespace LocalOffer.Core.Input;

/// <summary>
/// The facts of a care history that must hold before the law is applied: known SSDA903 codes,
/// ends not before starts, nothing before birth, no overlapping episodes (a data error: two
/// councils cannot both be looking after the same child on one day in one record).
/// </summary>
public sealed class CareHistoryValidator
{
    private readonly HistoryRules _rules;

    public CareHistoryValidator(Ssda903Codes codes) => _rules = new HistoryRules(codes);

    public IReadOnlyList<InputError> Validate(CareHistory history)
    {
        var result = _rules.Validate(history);
        // The field path travels in CustomState: FluentValidation prefixes PropertyName inside RuleForEach.
        return result.Errors.Select(e => new InputError(e.CustomState as string ?? e.PropertyName, e.ErrorMessage)).ToList();
    }

    private sealed class HistoryRules : AbstractValidator<CareHistory>
    {
        public HistoryRules(Ssda903Codes codes)
        {
            RuleForEach(h => h.Episodes).Custom((e, ctx) =>
            {
                var p = $"episodes[{ctx.Index()}]";
                Period(ctx, p, e.Start, e.End);
                if (!codes.LegalStatus.ContainsKey(e.LegalStatus))
                    Fail(ctx, $"{p}.legalStatus", $"unknown SSDA903 legal status '{e.LegalStatus}'");
                if (e.Placement is not null && !codes.Placement.ContainsKey(e.Placement))
                    Fail(ctx, $"{p}.placement", $"unknown SSDA903 placement '{e.Placement}'");
                if (e.ReasonEnded is not null && !codes.ReasonEnded.ContainsKey(e.ReasonEnded))
                    Fail(ctx, $"{p}.reasonEnded", $"unknown SSDA903 reason ended '{e.ReasonEnded}'");
            });
            RuleForEach(h => h.Detentions).Custom((d, ctx) => Period(ctx, $"detentions[{ctx.Index()}]", d.Start, d.End));
            RuleForEach(h => h.LivingWithParent).Custom((d, ctx) => Period(ctx, $"livingWithParent[{ctx.Index()}]", d.Start, d.End));
            RuleForEach(h => h.OtherCare).Custom((d, ctx) => Period(ctx, $"otherCare[{ctx.Index()}]", d.Start, d.End));
            RuleForEach(h => h.Education).Custom((d, ctx) => Period(ctx, $"education[{ctx.Index()}]", d.Start, d.End));
            RuleForEach(h => h.SupportRequests).Custom((r, ctx) =>
            {
                var dob = ctx.InstanceToValidate.DateOfBirth;
                if (r.Date < dob) Fail(ctx, $"supportRequests[{ctx.Index()}].date", $"{r.Date:yyyy-MM-dd} is before the date of birth {dob:yyyy-MM-dd}");
            });
            RuleFor(h => h.Episodes).Custom((eps, ctx) =>
            {
                for (var i = 0; i < eps.Count; i++)
                    for (var j = i + 1; j < eps.Count; j++)
                        if (Overlap(eps[i], eps[j]))
                            Fail(ctx, $"episodes[{j}]", $"overlaps episodes[{i}] ({Show(eps[i])}): one child cannot be in two episodes on the same day");
            });
            RuleFor(h => h.LivingWithParent).Custom((ps, ctx) =>
            {
                for (var i = 0; i < ps.Count; i++)
                    for (var j = i + 1; j < ps.Count; j++)
                        if (ps[i].Start < (ps[j].End ?? LocalDate.MaxIsoValue) && ps[j].Start < (ps[i].End ?? LocalDate.MaxIsoValue))
                            Fail(ctx, $"livingWithParent[{j}]", $"overlaps livingWithParent[{i}]");
            });
        }

        private static void Period(ValidationContext<CareHistory> ctx, string path, LocalDate start, LocalDate? end)
        {
            var dob = ctx.InstanceToValidate.DateOfBirth;
            if (start < dob) Fail(ctx, $"{path}.start", $"{start:yyyy-MM-dd} is before the date of birth {dob:yyyy-MM-dd}");
            if (end is { } e && e < start) Fail(ctx, $"{path}.end", $"{e:yyyy-MM-dd} is before start {start:yyyy-MM-dd}");
        }

        private static void Fail<T>(ValidationContext<T> ctx, string path, string message) =>
            ctx.AddFailure(new ValidationFailure(path, message) { CustomState = path });

        private static bool Overlap(Episode a, Episode b) =>
            a.Start < (b.End ?? LocalDate.MaxIsoValue) && b.Start < (a.End ?? LocalDate.MaxIsoValue)
            // a zero-length episode overlaps nothing
            && a.End != a.Start && b.End != b.Start;

        private static string Show(Episode e) => $"{e.Start:yyyy-MM-dd} to {(e.End is { } x ? x.ToString("yyyy-MM-dd", null) : "open")}";
    }
}

internal static class ValidationContextExtensions
{
    /// <summary>The collection index of the element a RuleForEach is validating.</summary>
    public static int Index<T>(this ValidationContext<T> ctx) =>
        ctx.MessageFormatter.PlaceholderValues.TryGetValue("CollectionIndex", out var i) ? (int)i : 0;
}
