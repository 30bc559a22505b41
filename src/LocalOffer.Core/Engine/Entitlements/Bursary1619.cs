using LocalOffer.Core.Model;
using LocalOffer.Core.Rules;
using LocalOffer.Core.Time;

namespace LocalOffer.Core.Engine.Entitlements;

/// <summary>The 16-19 Bursary Fund vulnerable group bursary, one academic year at a time.</summary>
internal sealed class Bursary1619(EnglandLaw law) : EntitlementRule
{
    private readonly LegalReference[] _basis = [law.P.Bursary1619];

    public override string Id => EntitlementIds.Bursary1619;

    // "31 August", from periods.bursary_16_19_age_on.
    private string AgeDay => law.Bursary1619AgeOn.InYear(2001).ToString("d MMMM", System.Globalization.CultureInfo.InvariantCulture);

    public override void Apply(EntitlementContext c)
    {
        var post16 = c.Education(e => e.Kind is EducationKind.FurtherEducation or EducationKind.Training);
        if (post16.IsEmpty) return;
        var f = c.Facts;
        // DfE 16 to 19 Bursary Fund guide: young people "in care" or "care leavers", in post-16 education,
        // "aged 16 or over but under 19 at 31 August" at the start of the academic year, for that year
        // (to 31 July).
        var inCareOrLeaver = c.Status(Status.LookedAfter).Union(c.Eligible).Union(c.Relevant).Union(c.FormerRelevant);
        var from = f.Dob.Year + law.AgeBursary1619From - 1;
        for (var year = from; year <= f.Dob.Year + law.AgeBursary1619Until; year++)
        {
            var age = law.Birthdays.AgeOn(f.Dob, law.Bursary1619AgeOn.InYear(year));
            if (age < law.AgeBursary1619From || age >= law.AgeBursary1619Until) continue;
            var start = law.AcademicYearStart.InYear(year);
            var days = post16.Intersect(inCareOrLeaver).Intersect(c.Days(new DateRange(start, start.PlusYears(1))))
                .Intersect(c.InForce(law.Bursary1619Start));
            if (days.IsEmpty) continue;
            var amount = law.Bursary1619.On(start);
            c.Add(days, _basis, $"up to this amount a year, paid by the school or college, for each academic year " +
                $"that starts when aged {law.AgeBursary1619From} to {law.AgeBursary1619Until - 1} on {AgeDay}",
                amount is { } a ? new Money(a, "yearly") : null);
        }
    }
}
