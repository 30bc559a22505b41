using LocalOffer.Batch;
using LocalOffer.Batch.Synth;
using NodaTime;

namespace LocalOffer.Indicators.Tests;

/// <summary>
/// The cohort check decides its young people on every core, in chunks of 4,096 (issue 30): on a return of
/// several chunks the young people still come in the cohort's order (the order of cohort-check.csv and the
/// workbook, as from one serial pass), and the OC3 rejects in the file's order.
/// </summary>
public sealed class CohortOrderTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Young_people_and_rejects_come_in_the_cohorts_order_over_several_chunks()
    {
        var yearEnd = new LocalDate(2026, 3, 31);
        SyntheticReturn.Write(_dir.Path, 20_000, 7, yearEnd);
        var (header, episodes, oc3) = (_dir.File("header.csv"), _dir.File("episodes.csv"), _dir.File("oc3.csv"));
        var run = Fixture.Runner.Compute(new IndicatorOptions(header, [episodes], oc3, [], yearEnd, null,
            _dir.File("out")));
        var (cohort, _) = new BatchRunner(Fixture.Core)
            .Load(new BatchOptions(header, [episodes], [], yearEnd, _dir.File("b.csv")));
        var index = Enumerable.Range(0, cohort.Count).ToDictionary(cohort.ChildId);
        var order = run.People.Select(p => index[p.Child]).ToList();
        order.Should().HaveCountGreaterThan(3_000).And.BeInAscendingOrder();
        order[^1].Should().BeGreaterThan(4 * 4096, "the young people span several chunks of children");
        var oc3Rejects = run.Rejects.Where(r => Path.GetFileName(r.File) == "oc3.csv").Select(r => r.Line).ToList();
        oc3Rejects.Should().NotBeEmpty().And.BeInAscendingOrder();
    }
}
