using FsCheck;
using FsCheck.Fluent;
using LocalOffer.Core.Engine;
using LocalOffer.Core.Rules;
using NodaTime;

namespace LocalOffer.Core.Tests;

/// <summary>
/// The explanation's line for each entitlement run is built in one buffer since issue 30 (<see cref="Explainer.Run"/>);
/// <see cref="AsItWas"/> is the way it was made before, kept here: the same words for every run of every sample at
/// every age, of random histories, and of runs with odd text, amounts and no provisions at all.
/// </summary>
public sealed class ExplanationLineTests
{
    private static readonly RulesCore Core = SharedRules.Core;

    private static string D(LocalDate d) =>
        d.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);

    private static string AsItWas(Entitlement e)
    {
        var amount = e.Amount is { } m ? $", {m}" : "";
        var parts = e.Periods.Select(p =>
            $"{string.Join(" and ", p.Basis.Select(b => b.Citation))} from {D(p.From)} to {D(p.To)}" +
            (p.Condition is { } c ? $" ({c})" : ""));
        return $"Entitlement: {e.Title}, from {D(e.From)} until {D(e.To)}{amount}: {string.Join("; then ", parts)}.";
    }

    private static void SameLines(Assessment a, string because) =>
        a.Explanation.Where(l => l.StartsWith("Entitlement: ", StringComparison.Ordinal)).Should()
            .Equal(a.AllEntitlements.Select(AsItWas), because);

    [Fact]
    public void Every_sample_at_every_age_has_the_lines_it_had()
    {
        var folder = Path.Combine(TestPaths.RepoRoot(), "samples", "young-people");
        var runs = 0;
        foreach (var file in Directory.GetFiles(folder, "*.json"))
        {
            var history = Core.Reader.ReadFile(file).History!;
            for (var years = 0; years <= 26; years++)
            {
                var a = Core.Engine.Assess(history, history.DateOfBirth.PlusYears(years));
                SameLines(a, $"{file} at {years}");
                runs += a.AllEntitlements.Count;
            }
        }
        runs.Should().BeGreaterThan(1000);
    }

    [Fact]
    public void Random_histories_have_the_lines_they_had() =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300).WithStartSize(1),
            Prop.ForAll(HistoryGenerators.WithDay(), x =>
            {
                var (h, offset) = x;
                if (Core.Validator.Validate(h).Count == 0)
                    SameLines(Core.Engine.Assess(h, h.DateOfBirth.PlusDays(offset)), h.ToString());
                return true;
            }));

    [Theory]
    [InlineData("<b>odd</b> & \"quoted\" {0} {{x}} %s \0 \n")]
    [InlineData("مرحبا 👩🏽‍🎓 \u202E")]
    [InlineData("")]
    public void Odd_runs_have_the_line_they_had(string text)
    {
        var refs = new[] { new LegalReference(text, "u"), new LegalReference("s.1", "u"), new LegalReference("", "u") };
        var day = new LocalDate(2026, 1, 9);
        var period = new EntitlementPeriod(day, day.PlusDays(1), refs, text);
        foreach (var money in new Money?[]
                 { null, new(2000m, "once"), new(3.5m, "weekly"), new(-1m, "yearly"), new(0m, text) })
            foreach (var periods in new[] { Array.Empty<EntitlementPeriod>(), [period],
                         [period, period with { Basis = [], Condition = null }, period with { Basis = refs[..1] }] })
            {
                var e = new Entitlement(text, text, day, new LocalDate(9999, 12, 31), money, refs, text, periods);
                Explainer.Run(e).Should().Be(AsItWas(e));
            }
    }
}
