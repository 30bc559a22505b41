using LocalOffer.Batch;
using LocalOffer.Batch.Synth;
using LocalOffer.Core.Engine;
using NodaTime;

namespace LocalOffer.Indicators.Tests;

/// <summary>
/// One engine, one answer: over a whole synthetic return (and the fake return in 2020), the cohort
/// check's status and staying put for every young person aged 17 to 21 are what `batch` gives for
/// that young person run as at their birthday in the year (BatchRunner.Classify, the command's path).
/// </summary>
public sealed class BatchAgreementTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Status_and_staying_put_agree_with_batch_on_a_whole_synthetic_return()
    {
        var yearEnd = new LocalDate(2026, 3, 31);
        SyntheticReturn.Write(_dir.Path, 1200, 5, yearEnd);
        var checkedPeople = Agree(_dir.File("header.csv"), _dir.File("episodes.csv"), _dir.File("oc3.csv"), yearEnd);
        checkedPeople.Should().BeGreaterThan(150);
    }

    [Fact]
    public void Status_and_staying_put_agree_with_batch_on_the_fake_return_in_2020()
    {
        var f = Fixture.FakeData;
        Agree(Path.Combine(f, "header.csv"), Path.Combine(f, "episodes.csv"), Path.Combine(f, "oc3.csv"),
            new LocalDate(2020, 3, 31)).Should().BeGreaterThan(100);
    }

    /// <summary>Every young person aged 17 to 21 at the year end, compared; returns how many.</summary>
    private int Agree(string header, string episodes, string oc3, LocalDate yearEnd)
    {
        var run = Fixture.Runner.Compute(
            new IndicatorOptions(header, [episodes], oc3, [], yearEnd, null, _dir.File("out")));
        var people = run.People.ToDictionary(p => p.Child);
        var batch = new BatchRunner(Fixture.Core);
        var (cohort, _) = batch.Load(new BatchOptions(header, [episodes], [], yearEnd, _dir.File("b.csv")));
        var birthdays = Fixture.Core.Law.Birthdays;
        // Who is 17 to 21 at the year end, by birthday in the year: batch is run once for each birthday.
        var byBirthday = Enumerable.Range(0, cohort.Count)
            .Where(i => cohort.DateOfBirth(i) <= yearEnd
                && birthdays.AgeOn(cohort.DateOfBirth(i), yearEnd) is >= 17 and <= 21)
            .GroupBy(i => birthdays.Birthday(cohort.DateOfBirth(i), birthdays.AgeOn(cohort.DateOfBirth(i), yearEnd)))
            .ToDictionary(g => g.Key, g => g.Select(cohort.ChildId).ToHashSet());
        var compared = 0;
        foreach (var (birthday, children) in byBirthday)
            foreach (var block in batch.Classify(cohort, birthday))
                foreach (var r in block.Where(r => children.Contains(r.Child)))
                {
                    var k = r.Classification!;
                    var careLeaver = k.Status is Status.Relevant or Status.FormerRelevant;
                    if (!people.TryGetValue(r.Child, out var p))
                    {
                        careLeaver.Should().BeFalse(
                            $"{r.Child}: batch says a care leaver on {birthday}, the cohort check left them out");
                        continue;
                    }
                    p.Status.Should().Be(k.Status, $"{r.Child} on {birthday}");
                    p.LeftFosterCareAt18.Should()
                        .Be(k.EntitlementIds.Contains(EntitlementIds.StayingPut), $"{r.Child} staying put");
                    compared++;
                }
        return compared;
    }
}
