using LocalOffer.Core.Engine;
using LocalOffer.Indicators;
using LocalOffer.Indicators.Benchmarks;
using LocalOffer.Indicators.Definitions;
using LocalOffer.Indicators.Input;

namespace LocalOffer.Audit;

/// <summary>
/// In touch, activity and accommodation now, from the list itself: the same definitions, age bands
/// and DfE benchmarks as `indicators` (<see cref="IndicatorTable"/>), over the young people on the list
/// whom the engine finds relevant or former relevant on the as-at date, aged 17 to 21 then, and not
/// recorded as died or returned home. The DfE's figures are on the 17th to 21st birthdays; these are
/// on the as-at date, so they compare a list today with the last published year. Staying put needs
/// the birthday's accommodation, which a list does not give: it is left out.
/// </summary>
public static class AuditIndicators
{
    public static List<IndicatorRow> Build(IEnumerable<AuditPerson> people, IndicatorDefinitions defs, DfeTables dfe,
        Council? council)
    {
        var counted = new List<YoungPerson>();
        foreach (var p in people)
        {
            if (p.Row is not { } row || p.Computed is not (Status.Relevant or Status.FormerRelevant)) continue;
            if (defs.Band(p.Age) is not { } band || defs.ExcludedInTouch.Contains(row.InTouch)) continue;
            var accommodation = row.Oc3Accommodation;
            var oc3 = new Oc3Row(row.File, row.Line, row.Child, 0, "", 0, row.InTouch, 0, row.Activity, 0,
                accommodation, 0);
            // A blank in-touch answer is in the band's total and in no category, so the gap shows.
            counted.Add(new YoungPerson(row.Child, p.DateOfBirth, p.Age, p.Since, band, p.Computed, true, oc3, null, "",
                defs.InTouchCategory(row.InTouch), defs.ActivityCategory(row.Activity),
                defs.AccommodationCategory(accommodation), null, false, false, null));
        }
        return IndicatorTable.Build(counted, defs, dfe, council).Where(r => r.Indicator != "staying_put").ToList();
    }
}
