using LocalOffer.Core.Model;
using LocalOffer.Core.Rules;
using LocalOffer.Core.Time;
using NodaTime;

namespace LocalOffer.Core.Engine.Entitlements;

/// <summary>Priority need for housing if homeless, 18 to 20.</summary>
internal sealed class PriorityNeedHousing(EnglandLaw law) : EntitlementRule
{
    private readonly LegalReference[] _basis = [law.P.PriorityNeed];

    public override string Id => EntitlementIds.PriorityNeedHousing;

    public override void Apply(EntitlementContext c)
    {
        var f = c.Facts;
        // Art 4: a person "who (a) is not less than eighteen years old but is under the age of twenty-one;
        // and (b) at any time after reaching the age of sixteen, but while still under eighteen, was, but
        // is no longer, looked after, accommodated or fostered" (not a relevant student). Art 1(3): "looked
        // after, accommodated or fostered" has the meaning in s.24(2), so health, education or care home
        // accommodation counts only after three consecutive months. f holds every care fact, adoption or
        // not: the Order asks only about care.
        var child = new DateRange(f.B16, f.B18);
        var was = false;
        foreach (var care in f.Care) was |= care.Range.Overlaps(child);
        List<DateRange>? stillAccommodated = null; // most histories have no other care: no list
        foreach (var o in c.History.OtherCare)
        {
            if (!CountsUnderS24(o)) continue;
            var range = new DateRange(o.Start, o.End ?? LocalDate.MaxIsoValue);
            was |= range.Overlaps(child);
            // "is no longer": not while still accommodated (care homes and hospitals can go on past 18).
            (stillAccommodated ??= []).Add(range);
        }
        if (!was) return;
        var days = c.Between(f.B18, law.Birthdays.Birthday(f.Dob, law.AgePriorityNeedUntil))
            .Intersect(c.InForce(law.PriorityNeedStart))
            .Except(stillAccommodated is null ? DateRangeSet.Empty : DateRangeSet.Of(stillAccommodated));
        c.Add(days, _basis, "not a 'relevant student' (under 24, in full-time further or higher education, with no " +
            "term-time home in the vacation)");
    }

    // s.24(2)(d)-(e): accommodation by a health or education body, or in a care home or independent
    // hospital, "for a consecutive period of at least three months".
    private bool CountsUnderS24(OtherCare o) =>
        o.Kind is not (OtherCareKind.HealthOrEducationAccommodation or OtherCareKind.CareHomeOrHospital)
        || o.End is not { } end || o.Start.PlusMonths(law.HealthOrEducationMonths) <= end;
}
