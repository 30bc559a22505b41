using System.Globalization;
using NodaTime;

namespace LocalOffer.Batch.Synth;

/// <summary>
/// What the synthetic OC3 table should give, known by construction (the generator's own choices,
/// not the engine's answer): per age band the rows counted and each category's count; staying put;
/// the cohort check's findings; and the OC3 rows written to be rejected.
/// </summary>
public sealed class SyntheticOc3Expected
{
    /// <summary>(band, category) → count; band "17-18" or "19-21"; the key (band, "total") is the band's total.</summary>
    public Dictionary<(string Band, string Category), int> Counts { get; } = [];
    /// <summary>Staying put: band "18" or "19-20" → (ceased in foster care on the 18th birthday, still with the former carers).</summary>
    public Dictionary<string, (int Total, int StayingPut)> StayingPut { get; } = new() { ["18"] = (0, 0), ["19-20"] = (0, 0) };
    public Dictionary<string, int> Findings { get; } = new() { ["missing_oc3"] = 0, ["not_a_care_leaver"] = 0, ["died_or_returned_home"] = 0 };
    public int RowsWritten { get; set; }
    public int RowsRejected { get; set; }

    internal void Add(string band, string category) => Counts[(band, category)] = Counts.GetValueOrDefault((band, category)) + 1;
}

/// <summary>
/// The synthetic return's young people aged 17 to 21 at the year end (so whose 17th to 21st birthday
/// fell in the collection year) are built to a design, with an OC3 row each: care leavers who were in
/// foster care from 13 and left at 16 and a bit or on their 18th birthday (some staying put, E17),
/// codes for IN_TOUCH, ACTIV and ACCOM taken in turn from every category; every 11th care leaver with
/// no OC3 row (missing); and extra rows for young people who are not care leavers (never in care,
/// still in care at 17, or in care for a month at 15). Two rows more are written to be rejected.
/// </summary>
internal sealed class SyntheticOc3(StreamWriter oc3, SyntheticOc3Expected expected)
{
    private static readonly (string Code, string Category)[] InTouch =
        [("YES", "in_touch"), ("YES", "in_touch"), ("yes", "in_touch"), ("YES", "in_touch"), ("NO", "not_in_touch"),
         ("REFU", "refuses_contact"), ("NREQ", "no_longer_requires_services"), ("DIED", "died"), ("RHOM", "returned_home")];
    private static readonly (string Code, string Category)[] Activity =
        [("F1", "eet"), ("P1", "eet"), ("F2", "eet"), ("P2", "eet"), ("F4", "eet"), ("P4", "eet"), ("F5", "eet"), ("P5", "eet"),
         ("G4", "neet"), ("G5", "neet"), ("G6", "neet"), ("0", "not_known"), ("F3", "not_known")];
    private static readonly (string Code, string Category)[] Accommodation =
        [("Z1", "suitable"), ("B1", "suitable"), ("U1", "suitable"), ("K2", "unsuitable"), ("S2", "unsuitable"), ("R0", "no_information"), ("", "no_information")];

    private int _designed;
    private int _leavers;

    public static bool InDesign(int ageAtYearEnd) => ageAtYearEnd is >= 17 and <= 21;

    /// <summary>A 17 to 21 year old of the design: writes the episodes and the OC3 row, and tallies what they should give.</summary>
    public int Child(StreamWriter episodes, string id, LocalDate dob, int age)
    {
        var kind = _designed++ % 20;
        if (kind == 0) // never looked after, but in OC3
        {
            Row(id, dob, "YES", "F1", "U1");
            expected.Findings["not_a_care_leaver"]++;
            return 0;
        }
        var from13 = dob.PlusYears(13).PlusDays(10);
        if (kind == 1) // still looked after at 17, or looked after for a month at 15: not a care leaver
        {
            if (age == 17) SyntheticReturn.Episode(episodes, id, from13, null, "C2", "U4", "");
            else SyntheticReturn.Episode(episodes, id, dob.PlusYears(15), dob.PlusYears(15).PlusDays(30), "V2", "U4", "E4A");
            Row(id, dob, "NO", "G5", "K2");
            expected.Findings["not_a_care_leaver"]++;
            return 1;
        }
        // A care leaver: foster care from 13, leaving after 16 (relevant) or on the 18th birthday (former relevant).
        var l = _leavers++;
        var at18 = age >= 18 && l % 3 != 0;
        var end = at18 ? dob.PlusYears(18) : dob.PlusYears(16).PlusDays(120);
        var e17 = at18 && l % 2 == 0;
        SyntheticReturn.Episode(episodes, id, from13, end, "C2", "U4", e17 ? "E17" : "E5");
        var band = age <= 18 ? "17-18" : "19-21";
        var spBand = !at18 ? null : age == 18 ? "18" : age <= 20 ? "19-20" : null;
        if (l % 11 == 4) // chosen missing: every 11th care leaver
        {
            expected.Findings["missing_oc3"]++;
            if (spBand is not null) StayingPut(spBand, age == 18 && e17);
            return 1;
        }
        var (touch, touchCat) = InTouch[l % InTouch.Length];
        var (act, actCat) = Activity[l % Activity.Length];
        var (acc, accCat) = Accommodation[l % Accommodation.Length];
        Row(id, dob, touch, act, acc);
        if (touchCat is "died" or "returned_home") { expected.Findings["died_or_returned_home"]++; return 1; }
        expected.Add(band, "total");
        expected.Add(band, touchCat);
        expected.Add(band, actCat);
        expected.Add(band, accCat);
        if (spBand is not null) StayingPut(spBand, acc.StartsWith('Z') || (age == 18 && e17));
        return 1;
    }

    /// <summary>Two rows that must be rejected: a CHILD with no header row, and an unknown IN_TOUCH code.</summary>
    public void RejectedRows(string someChild, LocalDate dob)
    {
        Row("NO-SUCH-CHILD", dob, "YES", "F1", "U1");
        Row(someChild, dob, "MAYBE", "F1", "U1");
        expected.RowsRejected += 2;
    }

    private void StayingPut(string band, bool stayed)
    {
        var (total, sp) = expected.StayingPut[band];
        expected.StayingPut[band] = (total + 1, sp + (stayed ? 1 : 0));
    }

    private void Row(string id, LocalDate dob, string inTouch, string activ, string accom)
    {
        // Every 7th row gives the DOB in ISO form, as regional extracts do.
        var d = expected.RowsWritten % 7 == 3 ? dob.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : dob.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        oc3.Write($"{id},{d},{inTouch},{activ},{accom}\n");
        expected.RowsWritten++;
    }
}
