using System.Globalization;
using System.Text;
using LocalOffer.Core.Safety;
using NodaTime;

namespace LocalOffer.Batch.Synth;

/// <summary>
/// Writes realistic synthetic SSDA903 files (header.csv, episodes.csv) of any size, the same for
/// the same seed: births over 25 years before the collection year end; children who come into care
/// once or several times, with placement moves (X1), every legal status and reason ceased;
/// series of short breaks (V3, V4); children crossing 16, 18 and 21; some still in care (DEC blank).
/// No real child: ids are sequence numbers. Those aged 17 to 21 at the year end follow a design with
/// an OC3 row each (oc3.csv; see <see cref="SyntheticOc3"/>), so the indicators are known by construction.
/// </summary>
public static class SyntheticReturn
{
    private static readonly (string Code, int Weight)[] LegalStatuses =
        [("C2", 40), ("V2", 25), ("C1", 12), ("E1", 6), ("J1", 3), ("L1", 2), ("L2", 2), ("J2", 1), ("J3", 1), ("L3", 1), ("D1", 1)];
    private static readonly (string Code, int Weight)[] Placements =
        [("U4", 25), ("U6", 20), ("U1", 8), ("U3", 8), ("K2", 12), ("H5", 6), ("P1", 5), ("K3", 3), ("A5", 2), ("A3", 1), ("R1", 1), ("R2", 1), ("R5", 1), ("S1", 1), ("T0", 1), ("Z1", 1), ("K1", 1), ("P2", 2)];
    private static readonly (string Code, int Weight)[] Reasons =
        [("E4A", 20), ("E4B", 6), ("E13", 8), ("E5", 10), ("E6", 4), ("E8", 5), ("E41", 3), ("E45", 2), ("E46", 2), ("E47", 2), ("E48", 2), ("E11", 4), ("E12", 1),
         ("E3", 2), ("E9", 2), ("E14", 2), ("E16", 1), ("E7", 1), ("E15", 1), ("E2", 1)];

    /// <summary>What was written; <see cref="Oc3"/> is what the OC3 table should give, by construction.</summary>
    public sealed record Counts(int Children, long Episodes)
    {
        public SyntheticOc3Expected Oc3 { get; init; } = new();
    }

    /// <summary>The most children one run writes (about 2.5 GB of files): beyond it a typo, not a test.</summary>
    public const int MaxChildren = 10_000_000;

    public static readonly string[] Files = ["header.csv", "episodes.csv", "oc3.csv"];

    /// <summary>
    /// The earliest year end: births go back 25 years, and a birth before 1900 is refused by every
    /// reader (DateLimits), so an earlier year end wrote files its own readers reject (issue 24, low).
    /// Every date written is on or before the year end, so the latest is DateLimits.Max.
    /// </summary>
    public static readonly LocalDate EarliestYearEnd = DateLimits.Min.PlusYears(25);

    /// <summary>Why <paramref name="yearEnd"/> cannot be used, or null.</summary>
    public static string? YearEndProblem(LocalDate yearEnd) =>
        yearEnd < EarliestYearEnd || yearEnd > DateLimits.Max
            ? $"{yearEnd:yyyy-MM-dd}: must be from {EarliestYearEnd:yyyy-MM-dd} to {DateLimits.Max:yyyy-MM-dd}, " +
              "so that " +
              $"every birth (up to 25 years before) is a date the readers accept ({DateLimits.Range})"
            : null;

    /// <summary>The files, written whole or not at all (temporary files renamed at the end).</summary>
    public static Counts Write(string directory, int children, int seed, LocalDate yearEnd)
    {
        if (children is < 1 or > MaxChildren) throw new ArgumentOutOfRangeException(nameof(children), $"1 to {MaxChildren:N0} children");
        if (YearEndProblem(yearEnd) is { } problem) throw new ArgumentOutOfRangeException(nameof(yearEnd), problem);
        Directory.CreateDirectory(directory);
        using var headerFile = LocalOffer.Core.Safety.AtomicFile.Create(Path.Combine(directory, Files[0]));
        using var episodesFile = LocalOffer.Core.Safety.AtomicFile.Create(Path.Combine(directory, Files[1]));
        using var oc3File = LocalOffer.Core.Safety.AtomicFile.Create(Path.Combine(directory, Files[2]));
        Counts counts;
        using (var header = Writer(headerFile.Stream))
        using (var episodes = Writer(episodesFile.Stream))
        using (var oc3 = Writer(oc3File.Stream))
            counts = Write(header, episodes, oc3, children, seed, yearEnd);
        headerFile.Commit();
        episodesFile.Commit();
        oc3File.Commit();
        return counts;
    }

    private static Counts Write(StreamWriter header, StreamWriter episodes, StreamWriter oc3, int children, int seed, LocalDate yearEnd)
    {
        var random = new Random(seed);
        oc3.Write("CHILD,DOB,IN_TOUCH,ACTIV,ACCOM\n");
        var expected = new SyntheticOc3Expected();
        var design = new SyntheticOc3(oc3, expected);
        header.Write("CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n");
        episodes.Write("CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n");
        long episodeCount = 0;
        var span = Period.Between(yearEnd.PlusYears(-25), yearEnd, PeriodUnits.Days).Days;
        for (var i = 0; i < children; i++)
        {
            var id = (100000 + i).ToString(CultureInfo.InvariantCulture);
            var dob = yearEnd.PlusDays(-random.Next(1, span));
            var age = Period.Between(dob, yearEnd, PeriodUnits.Years).Years;
            // 17 to 21 year olds (the OC3 cohort) follow the design; no 29 February birthday there, so
            // the design's birthdays are the rules' birthdays whatever the leap-day setting.
            if (SyntheticOc3.InDesign(age) && dob.Month == 2 && dob.Day == 29) dob = dob.PlusDays(-1);
            header.Write($"{id},{1 + random.Next(2)},{D(dob)},WBRI,,,\n");
            if (SyntheticOc3.InDesign(age)) { episodeCount += design.Child(episodes, id, dob, age); continue; }
            episodeCount += random.Next(10) == 0
                ? ShortBreaks(episodes, random, id, dob, yearEnd)
                : CarePeriods(episodes, random, id, dob, yearEnd);
        }
        design.RejectedRows("100000", yearEnd.PlusYears(-19));
        return new Counts(children, episodeCount) { Oc3 = expected };
    }

    /// <summary>One to three periods of care, each one to six episodes joined by placement moves (X1).</summary>
    private static int CarePeriods(StreamWriter w, Random r, string id, LocalDate dob, LocalDate yearEnd)
    {
        var written = 0;
        var start = dob.PlusDays(r.Next(0, 17 * 365));
        var periods = 1 + (r.Next(3) == 0 ? 1 + r.Next(3) : 0);
        var eighteen = dob.PlusYears(18);
        // After a death (E2) nothing more is written (an episode after it is refused as impossible), but the
        // random numbers are drawn as before, so every other child of a seed stays the same.
        var died = false;
        for (var p = 0; p < periods && start < yearEnd && start < eighteen; p++)
        {
            var moves = 1 + r.Next(10);
            var ls = Pick(r, LegalStatuses);
            for (var m = 0; m < moves && start < yearEnd; m++)
            {
                var end = start.PlusDays(1 + r.Next(m == moves - 1 ? 700 : 200));
                // Care that reaches 18 ends there, often staying put (E17).
                var last = m == moves - 1 || end >= eighteen;
                if (end >= eighteen) end = eighteen;
                var open = end > yearEnd;
                var rec = last ? (end == eighteen ? (r.Next(2) == 0 ? "E17" : "E5") : Pick(r, Reasons)) : "X1";
                var place = Pick(r, Placements);
                if (!died)
                {
                    Episode(w, id, start, open ? null : end, ls, place, open ? "" : rec);
                    written++;
                }
                died |= !open && rec == "E2";
                if (open || last) { start = end; break; }
                start = end;
                if (r.Next(5) == 0) ls = Pick(r, LegalStatuses);
            }
            if (start >= yearEnd) break;
            start = start.PlusDays(30 + r.Next(3 * 365));
        }
        return written;
    }

    /// <summary>A pre-planned series of short breaks (V3 or V4): a few days every few weeks.</summary>
    private static int ShortBreaks(StreamWriter w, Random r, string id, LocalDate dob, LocalDate yearEnd)
    {
        var ls = r.Next(2) == 0 ? "V3" : "V4";
        var start = dob.PlusDays(r.Next(4 * 365, 17 * 365));
        var count = 3 + r.Next(10);
        var written = 0;
        for (var k = 0; k < count && start < yearEnd && start < dob.PlusYears(18); k++)
        {
            var end = start.PlusDays(1 + r.Next(4));
            Episode(w, id, start, end > yearEnd ? null : end, ls, "K2", end > yearEnd ? "" : "E4A");
            written++;
            start = end.PlusDays(14 + r.Next(21));
        }
        return written;
    }

    internal static void Episode(StreamWriter w, string id, LocalDate start, LocalDate? end, string ls, string place, string rec) =>
        w.Write($"{id},{D(start)},L,{ls},N1,{place},PR1,{(end is { } e ? D(e) : "")},{rec},,,,\n");

    private static string Pick(Random r, (string Code, int Weight)[] table)
    {
        var total = 0;
        foreach (var (_, weight) in table) total += weight;
        var x = r.Next(total);
        foreach (var (code, weight) in table)
        {
            if (x < weight) return code;
            x -= weight;
        }
        return table[^1].Code;
    }

    // The last line of defence: a date the readers would refuse is never written (the run fails whole).
    private static string D(LocalDate d) => DateLimits.InRange(d)
        ? d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)
        : throw new InvalidOperationException($"synth would write {DateLimits.OutOfRange(d)}");

    private static StreamWriter Writer(Stream stream) => new(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
}
