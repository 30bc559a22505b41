using LocalOffer.Core.Model;
using LocalOffer.Core.Rules;
using LocalOffer.Core.Time;
using NodaTime;

namespace LocalOffer.Core.Engine.Entitlements;

/// <summary>Priority need for housing if homeless, under 21, once care after 16 has ended.</summary>
internal sealed class PriorityNeedHousing(EnglandLaw law) : EntitlementRule
{
    private readonly LegalReference[] _basis = [law.P.PriorityNeed];

    public override string Id => EntitlementIds.PriorityNeedHousing;

    public override void Apply(EntitlementContext c)
    {
        var f = c.Facts;
        // Art 4(1): a person (other than a relevant student) who "(a) is under twenty-one; and (b) at any time
        // after reaching the age of sixteen, but while still under eighteen, was, but is no longer, looked
        // after, accommodated or fostered". No lower age: a qualifying 16- or 17-year-old can have it. Art 1(3):
        // "looked after, accommodated or fostered" has the meaning in s.24(2), so health, education or care home
        // accommodation counts only after three consecutive months. Every such record ends at 18 at the latest
        // for (b): a child is privately fostered only while a child (s.66), and "while still under eighteen"
        // asks about care as a child. f holds every care fact, adoption or not: the Order asks only about care.
        var child = new DateRange(f.B16, f.B18);
        LocalDate? firstEnd = null; // the first day on which some care after 16 "is no longer"
        // Runs of care, not episodes: a placement move is not care ending.
        foreach (var run in f.LookedAfter)
            if (run.Overlaps(child) && (firstEnd is null || run.End < firstEnd)) firstEnd = run.End;
        foreach (var o in c.History.OtherCare)
            if (AsChild(o, f.B18) is { IsEmpty: false } r && r.Overlaps(child)
                && (firstEnd is null || r.End < firstEnd))
                firstEnd = r.End;
        if (firstEnd is not { } from) return;
        var days = c.Between(from, law.Birthdays.Birthday(f.Dob, law.AgePriorityNeedUntil))
            .Intersect(c.InForce(law.PriorityNeedStart));
        // "is no longer": not on a later day looked after or accommodated again (most histories have none:
        // no list is made for them).
        List<DateRange>? again = null;
        foreach (var run in f.LookedAfter) if (run.End > from) (again ??= []).Add(run);
        foreach (var o in c.History.OtherCare)
            if (AsChild(o, f.B18) is { IsEmpty: false } r && r.End > from) (again ??= []).Add(r);
        if (again is not null) days = days.Except(DateRangeSet.Of(again));
        c.Add(days, _basis, "not a 'relevant student' (under 24, in full-time further or higher education, with no " +
            "term-time home in the vacation)");
    }

    // The days of other care that count under s.24(2), ending at 18 at the latest; empty if it does not count.
    private DateRange? AsChild(OtherCare o, LocalDate b18) =>
        CountsUnderS24(o) ? new DateRange(o.Start, o.End is { } e && e < b18 ? e : b18) : null;

    // s.24(2)(d)-(e): accommodation by a health or education body, or in a care home or independent
    // hospital, "for a consecutive period of at least three months".
    private bool CountsUnderS24(OtherCare o) =>
        o.Kind is not (OtherCareKind.HealthOrEducationAccommodation or OtherCareKind.CareHomeOrHospital)
        || o.End is not { } end || o.Start.PlusMonths(law.HealthOrEducationMonths) <= end;
}
