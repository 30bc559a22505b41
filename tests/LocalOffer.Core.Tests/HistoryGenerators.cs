using FsCheck;
using FsCheck.Fluent;
using LocalOffer.Core.Model;
using NodaTime;

namespace LocalOffer.Core.Tests;

/// <summary>
/// Random but valid care histories for property tests: a birth between 1990 and 2016, up to six
/// non-overlapping episodes (a third of them placement moves, starting the day the last ended) with
/// any legal status, placement and reason ended, and sometimes detention, living with a parent,
/// other care and education.
/// </summary>
public static class HistoryGenerators
{
    private static readonly string[] LegalStatuses = ["C1", "C2", "D1", "E1", "V2", "V3", "V4", "L1", "L2", "L3", "J1", "J2", "J3"];
    private static readonly string[] Placements = ["U1", "U4", "U6", "K2", "P1", "H5", "R5", "A5", "T0"];
    private static readonly string[] Reasons = ["X1", "E4A", "E4B", "E5", "E6", "E8", "E9", "E13", "E17", "E41", "E45", "E47", "E11", "E2", "E3", "E15"];

    public static Gen<CareHistory> Histories() =>
        Shaped(new Shape(new LocalDate(1990, 1, 1), 26 * 365, 0, 6,
            Gen.Frequency((1, Gen.Constant(0)), (2, Gen.Choose(0, 900))), 700, Gen.Elements(true, false), 0, 18 * 365,
            Gen.Choose(0, 63))).Select(x => x.History);

    // One recipe for every generator here: the ranges differ, the making is the same.
    private sealed record Shape(LocalDate Born, int BornWithinDays, int MinEpisodes, int MaxEpisodes, Gen<int> Gap,
        int MaxLength, Gen<bool> LastOpen, int FirstStartFrom, int FirstStartTo, Gen<int> Extras);

    private static Gen<(CareHistory History, int FirstStartAge)> Shaped(Shape s) =>
        from dobDays in Gen.Choose(0, s.BornWithinDays)
        from episodeCount in Gen.Choose(s.MinEpisodes, s.MaxEpisodes)
        from gaps in Gen.ArrayOf(s.Gap, episodeCount)
        from lengths in Gen.ArrayOf(Gen.Choose(0, s.MaxLength), episodeCount)
        from statuses in Gen.ArrayOf(Gen.Elements(LegalStatuses), episodeCount)
        from places in Gen.ArrayOf(Gen.Elements(Placements), episodeCount)
        from reasons in Gen.ArrayOf(Gen.Elements(Reasons), episodeCount)
        from lastOpen in s.LastOpen
        from firstStartAge in Gen.Choose(s.FirstStartFrom, s.FirstStartTo)
        from extras in s.Extras
        from extraOffset in Gen.Choose(13 * 365, 20 * 365)
        from extraLength in Gen.Choose(1, 400)
        select (Build(s.Born.PlusDays(dobDays), firstStartAge, gaps, lengths, statuses, places, reasons, lastOpen,
            extras, extraOffset, extraLength), firstStartAge);

    private static CareHistory Build(LocalDate dob, int firstStartAge, int[] gaps, int[] lengths, string[] ls, string[] pl, string[] rec,
        bool lastOpen, int extras, int extraOffset, int extraLength)
    {
        var episodes = new List<Episode>();
        var start = dob.PlusDays(firstStartAge);
        // No episode starts on or after the 18th birthday (s.105(1)), or after a death (E2): both are refused.
        var adult = dob.PlusYears(18);
        for (var i = 0; i < gaps.Length; i++)
        {
            start = start.PlusDays(i == 0 ? 0 : gaps[i]);
            if (start >= adult) break;
            var open = lastOpen && i == gaps.Length - 1;
            var end = start.PlusDays(lengths[i]);
            episodes.Add(new Episode(start, open ? null : end, ls[i], pl[i], open ? null : rec[i]));
            if (!open && rec[i] == "E2") break;
            start = end;
        }
        var extraStart = dob.PlusDays(extraOffset);
        var extraEnd = extraStart.PlusDays(extraLength);
        // Bits of 'extras' switch on the other kinds of fact.
        return new CareHistory("P", dob, episodes,
            (extras & 1) != 0 ? [new Detention(extraStart, extraEnd, DetentionKind.Custody)] : [],
            (extras & 2) != 0 ? [new LivingWithParent(extraStart, (extras & 8) != 0 ? null : extraEnd.PlusDays(200))] : [],
            (extras & 4) != 0 ? [new OtherCare(extraStart, extraEnd, (extras & 32) != 0 ? OtherCareKind.CareHomeOrHospital : OtherCareKind.PrivateFostering)] : [],
            (extras & 8) != 0 ? [new Education(extraStart, null, EducationKind.HigherEducation, true)]
            : (extras & 16) != 0 ? [new Education(extraStart, extraEnd.PlusDays(700), EducationKind.FurtherEducation, true),
                new Education(extraEnd.PlusDays(700), null, EducationKind.Apprenticeship, false)] : [],
            (extras & 8) != 0 ? [new SupportRequest(dob.PlusYears(22))] : []);
    }

    /// <summary>
    /// Histories whose care mostly ends before 16 or goes on from before 14 (the batch's short cuts),
    /// with every reason ended, often an open episode or another kind of fact; with a day from birth to 26.
    /// </summary>
    public static Arbitrary<(CareHistory History, int Offset)> EarlyCareWithDay() =>
        (from x in Shaped(new Shape(new LocalDate(1990, 1, 1), 26 * 365, 0, 4, Gen.Choose(0, 400), 500,
             Gen.Frequency((3, Gen.Constant(true)), (7, Gen.Constant(false))), -30, 15 * 365,
             Gen.Frequency((4, Gen.Constant(0)), (1, Gen.Choose(0, 63)))))
         from day in Gen.Choose(0, 26 * 366)
         select (x.History, day)).ToArbitrary();

    /// <summary>
    /// Children in care from before 14, mostly through placement moves, asked about on a day before 14
    /// (the batch's second short cut), with every legal status and reason ended.
    /// </summary>
    public static Arbitrary<(CareHistory History, int Offset)> InCareBefore14WithDay() =>
        (from x in Shaped(new Shape(new LocalDate(1985, 1, 1), 30 * 365, 1, 5,
             Gen.Frequency((3, Gen.Constant(0)), (1, Gen.Choose(0, 300))), 1500,
             Gen.Frequency((3, Gen.Constant(true)), (2, Gen.Constant(false))), 0, 12 * 365,
             Gen.Frequency((6, Gen.Constant(0)), (1, Gen.Choose(0, 63)))))
         from day in Gen.Choose(x.FirstStartAge, 14 * 365)
         select (x.History, day)).ToArbitrary();

    public static Arbitrary<CareHistory> Arbitrary() => Histories().ToArbitrary();

    /// <summary>A history and a day offset from birth (0 to 26 years).</summary>
    public static Arbitrary<(CareHistory History, int Offset)> WithDay() =>
        (from h in Histories() from d in Gen.Choose(0, 26 * 366) select (h, d)).ToArbitrary();
}
