using LocalOffer.Core;
using NodaTime;
using Xunit.Abstractions;

namespace LocalOffer.Batch.Tests;

/// <summary>
/// Cross-checks the batch's "ever eligible" flag with the DfE's own care leaver test, computed here
/// independently from the raw files: looked after at least 91 days after the 14th birthday, at least
/// one of them after the 16th, V3/V4 episodes left out, adopted children left out (collection year
/// ending 31/03/2018). Every difference must fall in a category explained by a rule of the law
/// reference; the counts are printed for the note.
/// </summary>
public sealed class CareLeaverCrossCheckTests(ITestOutputHelper output)
{
    private static readonly LocalDate YearEnd = new(2018, 3, 31);

    private sealed record RawEpisode(LocalDate Start, LocalDate? End, string Ls, string Rec);

    [Fact]
    public void Ever_eligible_agrees_with_the_DfE_care_leaver_test_or_a_rule_explains_why()
    {
        var core = RulesCore.LoadDefault();
        using var dir = new TempDir();
        var results = new List<BatchResult>();
        var (summary, rejects) = new BatchRunner(core).Run(
            new BatchOptions(Path.Combine(TestData.FakeData, "header.csv"), [Path.Combine(TestData.FakeData, "episodes.csv")], [], YearEnd, dir.File("out.csv")),
            onResult: results.Add);
        summary.RowsRead.Should().Be(summary.RowsUsed + summary.RowsRejected);
        var ours = results.Where(r => r.Classification is not null).ToDictionary(r => r.Child, r => r);

        // The DfE test, independently: plain parsing of the raw rows, pandas-style birthdays (28 Feb).
        var dob = File.ReadLines(Path.Combine(TestData.FakeData, "header.csv")).Skip(1).Select(l => l.Split(','))
            .Where(f => TryDate(f[2], out _)).GroupBy(f => f[0]).ToDictionary(g => g.Key, g => { TryDate(g.First()[2], out var d); return d; });
        var episodes = File.ReadLines(Path.Combine(TestData.FakeData, "episodes.csv")).Skip(1).Select(l => l.Split(','))
            .Where(f => TryDate(f[1], out _)).GroupBy(f => f[0])
            .ToDictionary(g => g.Key, g => g.Select(f => new RawEpisode(Date(f[1]), TryDate(f[7], out var e) ? e : null, f[3], f[8])).ToList());

        var categories = new Dictionary<string, int>();
        var unexplained = new List<string>();
        foreach (var (child, eps) in episodes)
        {
            if (!dob.TryGetValue(child, out var birth) || !ours.TryGetValue(child, out var mine)) continue;
            if (eps.Any(e => e.Rec is "E11" or "E12")) continue; // the DfE leaves adopted children out
            var b14 = birth.PlusYears(14);
            var b16 = birth.PlusYears(16);
            var days = 0;
            var afterSixteen = false;
            foreach (var e in eps.Where(e => e.Ls is not ("V3" or "V4")))
            {
                var end = e.End ?? YearEnd.PlusDays(1);
                var from = e.Start > b14 ? e.Start : b14;
                if (end > from) days += Period.Between(from, end, PeriodUnits.Days).Days;
                if (end > b16) afterSixteen = true;
            }
            var dfe = days >= 91 && afterSixteen;
            var flag = mine.Classification!.Facts.EverEligible;
            if (dfe == flag) continue;
            var why = Explain(mine, eps, birth, dfe);
            if (why is null) unexplained.Add($"{child}: DfE {dfe}, ours {flag}, dob {birth}, {string.Join("; ", eps.Select(e => $"{e.Start}..{e.End} {e.Ls} {e.Rec}"))}");
            else categories[why] = categories.GetValueOrDefault(why) + 1;
        }

        output.WriteLine($"children compared: {episodes.Count(e => dob.ContainsKey(e.Key) && !e.Value.Any(x => x.Rec is "E11" or "E12"))}");
        foreach (var (why, n) in categories.OrderByDescending(kv => kv.Value)) output.WriteLine($"{n,4}  {why}");
        unexplained.Should().BeEmpty();
    }

    /// <summary>The rule of the law reference that explains a difference, or null.</summary>
    private static string? Explain(BatchResult mine, List<RawEpisode> eps, LocalDate birth, bool dfe)
    {
        if (mine.Warning is not null)
            return "rows of this child rejected as bad data (overlapping episodes, unknown codes): the DfE count uses them";
        var b18 = birth.PlusYears(18);
        if (eps.Any(e => e.Rec == "E15"))
            return "episode ended E15 (age assessed as 18 or over): never a child, left out (CA 1989 s.105(1))";
        if (eps.Any(e => e.Rec == "E3"))
            return "episode ended E3: care continues with another council (CA 1989 s.22(1))";
        if (dfe && eps.Any(e => (e.End ?? YearEnd.PlusDays(1)) > b18 && e.Start < b18))
            return "care after the 18th birthday does not count: nobody is looked after on or after it (s.105(1))";
        if (birth.Month == 2 && birth.Day == 29)
            return "born 29 February: birthdays in common years on 1 March (settings.leap_day_birthday), the DfE uses 28 February";
        var last = eps.Where(e => e.Start <= YearEnd).MaxBy(e => e.Start);
        if (dfe && last is not null && last.Ls is "V3" or "V4")
            return "last care on short breaks: a child on a pre-planned series of short breaks is not eligible (CPPCR 2010 reg 48)";
        if (dfe && mine.Classification!.Facts.DaysLookedAfterSince14 == 90)
            return "the 91st day is the as-at day itself: on a date only the whole days before it count (care-leaver-law.md s.1)";
        if (dfe && mine.Classification!.Facts.DaysLookedAfterSince16 == 0 && eps.Any(e => e.End is { } end && end == birth.PlusYears(16).PlusDays(0)))
            return "care ended on the 16th birthday: never looked after at 16 (Sch 2 para 19B(2))";
        return null;
    }

    private static LocalDate Date(string s) => TryDate(s, out var d) ? d : throw new FormatException(s);

    private static readonly NodaTime.Text.LocalDatePattern Dmy = NodaTime.Text.LocalDatePattern.CreateWithInvariantCulture("dd/MM/yyyy");

    private static bool TryDate(string s, out LocalDate d)
    {
        var r = Dmy.Parse(s);
        d = r.Success ? r.Value : default;
        return r.Success;
    }
}
