using LocalOffer.Core.Engine;
using LocalOffer.Core.Input;
using LocalOffer.Core.Output;
using NodaTime.Text;

namespace LocalOffer.Core.Tests;

/// <summary>Runs every scenario case in scenarios/*.yaml through the public reader and the engine.</summary>
public sealed class ScenarioTests
{
    private static readonly RulesCore Default = SharedRules.Core;
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, RulesCore> Changed = new();

    // A case with `set` runs under the law with those changes, made as `whatif --set` makes them.
    private static RulesCore CoreFor(string[] set) => set.Length == 0 ? Default
        : Changed.GetOrAdd(string.Join("\n", set), _ =>
            new RulesCore(Rules.ParameterOverrides.Apply(Default.Law, set), Default.Codes));

    public static TheoryData<ScenarioCase> Cases()
    {
        var data = new TheoryData<ScenarioCase>();
        foreach (var c in ScenarioFile.LoadAll()) data.Add(c);
        return data;
    }

    [Fact]
    public void There_are_at_least_80_scenario_cases() => ScenarioFile.LoadAll().Count().Should().BeGreaterOrEqualTo(80);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Scenario(ScenarioCase c)
    {
        var core = CoreFor(c.Set);
        var (history, errors) = core.Reader.Read(c.HistoryJson);
        if (c.Check.Error is { } expectedError)
        {
            history.Should().BeNull();
            errors.Select(e => e.ToString()).Should().Contain(e => e.Contains(expectedError), c.Name);
            return;
        }
        errors.Should().BeEmpty(c.Name);
        var on = LocalDatePattern.Iso.Parse(c.Check.On).Value;
        var a = core.Engine.Assess(history!, on);
        var because = $"{c}\n{string.Join("\n", a.Timeline.Select(t => $"{t.Status.Wire()} {t.From}..{t.To}"))}";
        a.Status.Wire().Should().Be(c.Check.Status, because);
        var ids = a.Entitlements.Select(e => e.Id).Distinct().Order(StringComparer.Ordinal).ToArray();
        if (c.Check.Entitlements is { } exact) ids.Should().Equal(exact.Order(StringComparer.Ordinal), because);
        foreach (var id in c.Check.Includes) ids.Should().Contain(id, because);
        foreach (var id in c.Check.Excludes) ids.Should().NotContain(id, because);
        if (c.Check.Since is { } since) AssessmentJson.Iso(a.StatusSince).Should().Be(since, because);
        if (c.Check.NextOn is { } nextOn) (a.NextChange is { } n ? AssessmentJson.Iso(n.On) : "none").Should().Be(nextOn, because);
        if (c.Check.NextStatus is { } ns) a.NextChange!.To.Wire().Should().Be(ns, because);
        if (c.Check.EverEligible is { } ee) a.Facts.EverEligible.Should().Be(ee, because);
        if (c.Check.DaysSince14 is { } d14) a.Facts.DaysLookedAfterSince14.Should().Be(d14, because);
        foreach (var expected in c.Check.Amounts) // "id=amount"
        {
            var (id, amount) = (expected.Split('=')[0], decimal.Parse(expected.Split('=')[1]));
            a.Entitlements.Single(e => e.Id == id).Amount!.Amount.Should().Be(amount, because);
        }
        foreach (var expected in c.Check.Runs) // "id from..to"
        {
            var (id, range) = (expected.Split(' ')[0], expected.Split(' ')[1]);
            var run = a.Entitlements.SingleOrDefault(e => e.Id == id);
            run.Should().NotBeNull($"{id} should cover {c.Check.On}; {because}");
            $"{AssessmentJson.Iso(run!.From)}..{AssessmentJson.Iso(run.To)}".Should().Be(range, because);
        }
        foreach (var expected in c.Check.Basis) // "id=citation text"
        {
            var (id, text) = (expected[..expected.IndexOf('=')], expected[(expected.IndexOf('=') + 1)..]);
            var period = a.Entitlements.Single(e => e.Id == id).PeriodOn(on)!;
            string.Join("; ", period.Basis.Select(b => b.Citation)).Should().Contain(text, because);
        }
        foreach (var expected in c.Check.Conditions) // "id=condition text", "id=" for none
        {
            var (id, text) = (expected[..expected.IndexOf('=')], expected[(expected.IndexOf('=') + 1)..]);
            var condition = a.Entitlements.Single(e => e.Id == id).PeriodOn(on)!.Condition;
            if (text.Length == 0) condition.Should().BeNull(because);
            else condition.Should().Contain(text, because);
        }
        foreach (var text in c.Check.Explains) a.Explanation.Should().Contain(l => l.Contains(text), because);
        foreach (var text in c.Check.Warns) a.Warnings.Should().Contain(l => l.Contains(text), because);
        if (c.Check.Reason is { } reason) a.StatusReason.Should().Contain(reason, because);
        // Classify (the batch form) must agree with Assess.
        var k = core.Engine.Classify(history!, on);
        k.Status.Should().Be(a.Status, because);
        k.StatusSince.Should().Be(a.StatusSince, because);
        k.NextChange.Should().Be(a.NextChange, because);
        k.Facts.Should().Be(a.Facts, because);
        k.EntitlementIds.Order(StringComparer.Ordinal).Should().Equal(ids, because);
    }
}
