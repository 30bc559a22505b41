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
        from dobDays in Gen.Choose(0, 26 * 365)
        from episodeCount in Gen.Choose(0, 6)
        from gaps in Gen.ArrayOf(Gen.Frequency((1, Gen.Constant(0)), (2, Gen.Choose(0, 900))), episodeCount)
        from lengths in Gen.ArrayOf(Gen.Choose(0, 700), episodeCount)
        from statuses in Gen.ArrayOf(Gen.Elements(LegalStatuses), episodeCount)
        from places in Gen.ArrayOf(Gen.Elements(Placements), episodeCount)
        from reasons in Gen.ArrayOf(Gen.Elements(Reasons), episodeCount)
        from lastOpen in Gen.Elements(true, false)
        from firstStartAge in Gen.Choose(0, 18 * 365)
        from extras in Gen.Choose(0, 63)
        from extraOffset in Gen.Choose(13 * 365, 20 * 365)
        from extraLength in Gen.Choose(1, 400)
        select Build(new LocalDate(1990, 1, 1).PlusDays(dobDays), firstStartAge, gaps, lengths, statuses, places, reasons, lastOpen, extras, extraOffset, extraLength);

    private static CareHistory Build(LocalDate dob, int firstStartAge, int[] gaps, int[] lengths, string[] ls, string[] pl, string[] rec,
        bool lastOpen, int extras, int extraOffset, int extraLength)
    {
        var episodes = new List<Episode>();
        var start = dob.PlusDays(firstStartAge);
        for (var i = 0; i < gaps.Length; i++)
        {
            start = start.PlusDays(i == 0 ? 0 : gaps[i]);
            var open = lastOpen && i == gaps.Length - 1;
            var end = start.PlusDays(lengths[i]);
            episodes.Add(new Episode(start, open ? null : end, ls[i], pl[i], open ? null : rec[i]));
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
        (from dobDays in Gen.Choose(0, 26 * 365)
         from episodeCount in Gen.Choose(0, 4)
         from gaps in Gen.ArrayOf(Gen.Choose(0, 400), episodeCount)
         from lengths in Gen.ArrayOf(Gen.Choose(0, 500), episodeCount)
         from statuses in Gen.ArrayOf(Gen.Elements(LegalStatuses), episodeCount)
         from places in Gen.ArrayOf(Gen.Elements(Placements), episodeCount)
         from reasons in Gen.ArrayOf(Gen.Elements(Reasons), episodeCount)
         from lastOpen in Gen.Frequency((3, Gen.Constant(true)), (7, Gen.Constant(false)))
         from firstStartAge in Gen.Choose(-30, 15 * 365)
         from extras in Gen.Frequency((4, Gen.Constant(0)), (1, Gen.Choose(0, 63)))
         from extraOffset in Gen.Choose(13 * 365, 20 * 365)
         from extraLength in Gen.Choose(1, 400)
         from day in Gen.Choose(0, 26 * 366)
         select (Build(new LocalDate(1990, 1, 1).PlusDays(dobDays), firstStartAge, gaps, lengths, statuses, places, reasons,
             lastOpen, extras, extraOffset, extraLength), day)).ToArbitrary();

    /// <summary>
    /// Children in care from before 14, mostly through placement moves, asked about on a day before 14
    /// (the batch's second short cut), with every legal status and reason ended.
    /// </summary>
    public static Arbitrary<(CareHistory History, int Offset)> InCareBefore14WithDay() =>
        (from dobDays in Gen.Choose(0, 30 * 365)
         from episodeCount in Gen.Choose(1, 5)
         from gaps in Gen.ArrayOf(Gen.Frequency((3, Gen.Constant(0)), (1, Gen.Choose(0, 300))), episodeCount)
         from lengths in Gen.ArrayOf(Gen.Choose(0, 1500), episodeCount)
         from statuses in Gen.ArrayOf(Gen.Elements(LegalStatuses), episodeCount)
         from places in Gen.ArrayOf(Gen.Elements(Placements), episodeCount)
         from reasons in Gen.ArrayOf(Gen.Elements(Reasons), episodeCount)
         from lastOpen in Gen.Frequency((3, Gen.Constant(true)), (2, Gen.Constant(false)))
         from firstStartAge in Gen.Choose(0, 12 * 365)
         from extras in Gen.Frequency((6, Gen.Constant(0)), (1, Gen.Choose(0, 63)))
         from extraOffset in Gen.Choose(13 * 365, 20 * 365)
         from extraLength in Gen.Choose(1, 400)
         from day in Gen.Choose(firstStartAge, 14 * 365)
         select (Build(new LocalDate(1985, 1, 1).PlusDays(dobDays), firstStartAge, gaps, lengths, statuses, places, reasons,
             lastOpen, extras, extraOffset, extraLength), day)).ToArbitrary();

    public static Arbitrary<CareHistory> Arbitrary() => Histories().ToArbitrary();

    /// <summary>A history and a day offset from birth (0 to 26 years).</summary>
    public static Arbitrary<(CareHistory History, int Offset)> WithDay() =>
        (from h in Histories() from d in Gen.Choose(0, 26 * 366) select (h, d)).ToArbitrary();
}
