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
        // One episode in ten holds no whole day (it ends the day it starts): accepted, counted as nothing.
        from lengths in Gen.ArrayOf(Gen.Frequency((1, Gen.Constant(0)), (9, Gen.Choose(1, s.MaxLength))), episodeCount)
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
            (extras & 8) != 0 ? [new SupportRequest(dob.PlusYears(22))] : [],
            (extras & 17) == 17 ? [new HousingApplication(extraStart, (extras & 32) != 0 ? null : extraEnd)] : []);
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
         from onBoundary in Gen.Elements(false, false, true)
         from which in Gen.Choose(0, 9)
         select (x.History, onBoundary ? Boundary(x.History, which) ?? day : day)).ToArbitrary();

    /// <summary>
    /// Histories mostly of episodes alone, with care at any age before 18 (often to 18, often ended by a special
    /// guardianship order, a death, an adoption or a transfer), asked about on a day from 18 to just past 25
    /// (`caseload`'s short cut for adults whose care is over), sometimes on the day an episode ends. With
    /// <paramref name="late"/>, care from 16 and a half to 18 asked about in the months after 18: eligible late,
    /// so a needs assessment falls due after 18 (CPPCR 2010 reg 42(1)).
    /// </summary>
    public static Arbitrary<(CareHistory History, int Offset)> CareOverAsAdultWithDay(bool late = false) =>
        (from x in Shaped(new Shape(new LocalDate(1985, 1, 1), 25 * 365, 1, 5,
             Gen.Frequency((3, Gen.Constant(0)), (2, Gen.Choose(0, late ? 30 : 400))), late ? 400 : 2500,
             Gen.Frequency((1, Gen.Constant(true)), (6, Gen.Constant(false))), late ? 33 * 183 : 0, 18 * 365 - 20,
             Gen.Frequency((8, Gen.Constant(0)), (1, Gen.Choose(0, 63)))))
         from sgo in Gen.Elements(new[] { null, null, "E43", "E44", "E12" })
         from day in late ? Gen.Choose(18 * 365 - 3, 18 * 365 + 130) : Gen.Choose(18 * 365 - 3, 25 * 366 + 3)
         from onBoundary in Gen.Elements(false, false, false, true)
         from which in Gen.Choose(0, 9)
         let last = x.History.Episodes.LastOrDefault()
         let h = sgo is null || last?.End is null ? x.History
             : x.History with { Episodes = [.. x.History.Episodes.SkipLast(1), last with { ReasonEnded = sgo }] }
         select (h, onBoundary ? Boundary(h, which) ?? day : day)).ToArbitrary();

    // The day (as an offset from birth) an episode starts or ends: care ending that very day is a line too.
    private static int? Boundary(CareHistory h, int which)
    {
        var days = h.Episodes.SelectMany(e => e.End is { } end ? new[] { e.Start, end } : [e.Start]).ToArray();
        return days.Length == 0 ? null : Period.DaysBetween(h.DateOfBirth, days[which % days.Length]);
    }

    /// <summary>
    /// Histories whose every date sits on a line the law draws: episode starts and ends, the other facts and
    /// the day asked about fall on the 14th, 16th, 18th, 21st and 25th birthdays or one day either side, with
    /// episodes touching or a day apart, a quarter of births on 29 February, and any legal status (short
    /// breaks among them) and reason ended. Random dates almost never land on a birthday: a one-character
    /// change of the law at one (care ending on the 16th birthday counted as after 16) passed every other
    /// property test.
    /// </summary>
    public static Arbitrary<(CareHistory History, LocalDate Day)> OnBirthdayLines(Time.Birthdays birthdays) =>
        (from leap in Gen.Frequency((1, Gen.Constant(true)), (3, Gen.Constant(false)))
         from year in Gen.Choose(1988, 2012)
         from dayOfYear in Gen.Choose(0, 364)
         let dob = leap ? new LocalDate(year - year % 4, 2, 29) : new LocalDate(year, 1, 1).PlusDays(dayOfYear)
         let lines = Lines(birthdays, dob)
         from n in Gen.Choose(1, 4)
         from cuts in Gen.ArrayOf(Gen.Choose(0, lines.Length - 1), n + 1)
         from gaps in Gen.ArrayOf(Gen.Frequency((3, Gen.Constant(0)), (2, Gen.Constant(1))), n)
         from statuses in Gen.ArrayOf(Gen.Elements(LegalStatuses), n)
         from places in Gen.ArrayOf(Gen.Elements(Placements), n)
         from reasons in Gen.ArrayOf(Gen.Elements(Reasons), n)
         from lastOpen in Gen.Elements(true, false, false)
         from extras in Gen.Frequency((3, Gen.Constant(0)), (2, Gen.Choose(0, 63)))
         from extraFrom in Gen.Choose(0, lines.Length - 1)
         from extraTo in Gen.Choose(0, lines.Length - 1)
         from day in Gen.Choose(0, lines.Length - 1)
         from exactly13Weeks in Gen.Elements(false, false, false, true)
         let h = OnLines(dob, lines, exactly13Weeks ? Exactly13WeeksTo16(birthdays, dob, cuts) : cuts, gaps, statuses,
             places, reasons, lastOpen, extras, lines[Math.Min(extraFrom, extraTo)], lines[Math.Max(extraFrom, extraTo)])
         // Often the day an episode ends: the count, and care, end on that very day.
         from onEnd in Gen.Elements(false, true)
         select (h, onEnd && h.Episodes.LastOrDefault(e => e.End is not null)?.End is { } end ? end : lines[day]))
        .ToArbitrary();

    // The cuts with the first episode from 91 days before the 16th birthday to it: 13 weeks reached on the day
    // care ends, the 16th birthday itself.
    private static int[] Exactly13WeeksTo16(Time.Birthdays b, LocalDate dob, int[] cuts)
    {
        var lines = Lines(b, dob);
        var b16 = b.Birthday(dob, 16);
        return [Array.IndexOf(lines, b16.PlusDays(-91)), Array.IndexOf(lines, b16), .. cuts.Skip(2)];
    }

    // The lines: each milestone birthday and a day either side, and a few days between them for care to span.
    private static LocalDate[] Lines(Time.Birthdays b, LocalDate dob) =>
        new[] { 14, 16, 18, 21, 25 }.Select(age => b.Birthday(dob, age))
            .SelectMany(d => new[] { d.PlusDays(-1), d, d.PlusDays(1) })
            .Concat([dob.PlusYears(13), dob.PlusYears(15).PlusDays(100), dob.PlusYears(17), dob.PlusYears(17).PlusDays(91)])
            // 13 weeks exactly: care from a line to 91 days later reaches the count on the day it ends.
            .Concat([b.Birthday(dob, 16).PlusDays(-91), b.Birthday(dob, 14).PlusDays(91)])
            .Order().ToArray();

    private static CareHistory OnLines(LocalDate dob, LocalDate[] lines, int[] cuts, int[] gaps, string[] ls, string[] pl,
        string[] rec, bool lastOpen, int extras, LocalDate extraStart, LocalDate extraEnd)
    {
        var at = cuts.Order().Distinct().Select(i => lines[i]).ToArray();
        var episodes = new List<Episode>();
        var adult = dob.PlusYears(18);
        for (var i = 0; i + 1 < at.Length && i < gaps.Length; i++)
        {
            var start = at[i].PlusDays(i == 0 ? 0 : gaps[i]); // touching the last episode, or a day apart
            if (start >= adult || start >= at[i + 1]) break;
            var open = lastOpen && i + 2 == at.Length;
            episodes.Add(new Episode(start, open ? null : at[i + 1], ls[i], pl[i], open ? null : rec[i]));
            if (open || rec[i] == "E2") break;
        }
        return new CareHistory("B", dob, episodes,
            (extras & 1) != 0 ? [new Detention(extraStart, extraEnd, DetentionKind.Custody, (extras & 16) != 0)] : [],
            (extras & 2) != 0 ? [new LivingWithParent(extraStart, extraEnd)] : [],
            (extras & 4) != 0 ? [new OtherCare(extraStart, (extras & 8) != 0 ? null : extraEnd,
                (extras & 32) != 0 ? OtherCareKind.CareHomeOrHospital : OtherCareKind.PrivateFostering)] : [],
            (extras & 8) != 0 ? [new Education(extraStart, null, EducationKind.HigherEducation, true)] : [],
            [], (extras & 17) == 17 ? [new HousingApplication(extraStart, null)] : []);
    }

    public static Arbitrary<CareHistory> Arbitrary() => Histories().ToArbitrary();

    /// <summary>A history and a day offset from birth (0 to 26 years).</summary>
    public static Arbitrary<(CareHistory History, int Offset)> WithDay() =>
        (from h in Histories() from d in Gen.Choose(0, 26 * 366) select (h, d)).ToArbitrary();
}
