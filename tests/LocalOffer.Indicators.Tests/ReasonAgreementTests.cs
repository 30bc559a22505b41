using LocalOffer.Batch;
using LocalOffer.Batch.Synth;
using NodaTime;

namespace LocalOffer.Indicators.Tests;

/// <summary>
/// The cohort check's reason for a young person who is not a care leaver (cohort-check.csv's detail) is the full
/// assessment's own: the cohort check takes it from the engine's one-day answer (AssessOnDay, issue 30), and this
/// holds it to <c>Assess</c> (with the explanation, as `check` gives it) on the birthday, for every such young person
/// of a synthetic return and of the fake return.
/// </summary>
public sealed class ReasonAgreementTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void The_reason_not_a_care_leaver_is_the_full_assessments_on_a_synthetic_return()
    {
        var yearEnd = new LocalDate(2026, 3, 31);
        SyntheticReturn.Write(_dir.Path, 1200, 5, yearEnd);
        Agree(_dir.File("header.csv"), _dir.File("episodes.csv"), _dir.File("oc3.csv"), yearEnd)
            .Should().BeGreaterThan(10);
    }

    [Fact]
    public void The_reason_not_a_care_leaver_is_the_full_assessments_on_the_fake_return()
    {
        var f = Fixture.FakeData;
        Agree(Path.Combine(f, "header.csv"), Path.Combine(f, "episodes.csv"), Path.Combine(f, "oc3.csv"),
            new LocalDate(2018, 3, 31)).Should().BeGreaterThan(10);
    }

    /// <summary>Every young person found not a care leaver, compared; returns how many.</summary>
    private int Agree(string header, string episodes, string oc3, LocalDate yearEnd)
    {
        var run = Fixture.Runner.Compute(
            new IndicatorOptions(header, [episodes], oc3, [], yearEnd, null, _dir.File("out")));
        var (cohort, _) = new BatchRunner(Fixture.Core).Load(
            new BatchOptions(header, [episodes], [], yearEnd, _dir.File("b.csv")));
        var index = Enumerable.Range(0, cohort.Count).ToDictionary(cohort.ChildId);
        var compared = 0;
        foreach (var p in run.People.Where(p => p.Finding == Findings.NotACareLeaver))
        {
            var history = cohort.History(index[p.Child]);
            var a = Fixture.Core.Engine.Assess(history, p.Birthday);
            var span = a.Timeline.FirstOrDefault(s => s.From <= p.Birthday && p.Birthday < s.To);
            var reason = span is null ? "aged 25 or over"
                : span.Parts.FirstOrDefault(x => x.From <= p.Birthday && p.Birthday < x.To)?.Reason ?? span.Reason;
            var never = history.Episodes.Count == 0 ? "no episode of care in the return; " : "";
            p.Detail.Should().EndWith("not a relevant or former relevant child: " + never + reason, p.Child);
            compared++;
        }
        return compared;
    }
}
