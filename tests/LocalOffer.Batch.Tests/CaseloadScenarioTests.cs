using System.Text.Json;
using LocalOffer.Batch.Caseload;
using LocalOffer.Core;
using LocalOffer.Core.Engine;
using LocalOffer.Core.Model;
using NodaTime;
using NodaTime.Text;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace LocalOffer.Batch.Tests;

/// <summary>The caseload scenarios (caseload-scenarios.yaml): each event type on both sides of its date.</summary>
public sealed class CaseloadScenarioTests
{
    internal static readonly RulesCore Core = SharedRules.Core;

    public sealed class Case
    {
        public string Name { get; set; } = "";
        public Dictionary<string, object> History { get; set; } = [];
        public Dictionary<string, string>? Extras { get; set; }
        public string AsAt { get; set; } = "";
        public int Within { get; set; }
        public List<Expect> Has { get; set; } = [];
        public List<Expect> HasNot { get; set; } = [];
        public int? Count { get; set; }
    }

    public sealed class Expect
    {
        public string Event { get; set; } = "";
        public string? Due { get; set; }
        public int? Days { get; set; }
        public string? Status { get; set; }
        public string? Title { get; set; }

        public bool Matches(CaseloadEvent e) => e.Kind.Wire() == Event
            && (Due is null || e.Due == Date(Due))
            && (Days is null || e.DaysLeft == Days)
            && (Status is null || e.NewStatus?.Wire() == Status)
            && (Title is null || e.Title.Contains(Title, StringComparison.OrdinalIgnoreCase));

        public override string ToString() => $"{Event} {Due} days={Days} status={Status} title~{Title}";
    }

    private static readonly List<Case> Cases = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build()
        .Deserialize<List<Case>>(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "caseload-scenarios.yaml")));

    public static TheoryData<string> Names() => new(Cases.Select(c => c.Name));

    internal static LocalDate Date(string s) => LocalDatePattern.Iso.Parse(s).GetValueOrThrow();

    internal static CareHistory History(object doc)
    {
        var (h, errors) = Core.Reader.Read(JsonSerializer.Serialize(doc));
        h.Should().NotBeNull(string.Join("; ", errors));
        return h!;
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Scenario(string name)
    {
        var c = Cases.Single(x => x.Name == name);
        var asAt = Date(c.AsAt);
        var extras = c.Extras is null ? null : new CaseloadExtras(c.Extras.GetValueOrDefault("adviser"), c.Extras.GetValueOrDefault("team"),
            c.Extras.TryGetValue("lastReview", out var r) ? Date(r) : null, null);
        var events = new CaseloadEvents(Core.Law).For(Core.Engine.Assess(History(c.History), asAt), extras, asAt, c.Within);
        var listed = string.Join("\n", events.Select(e => $"{e.Kind.Wire()} {e.Due:yyyy-MM-dd} {e.DaysLeft} {e.NewStatus} {e.Title}"));
        foreach (var x in c.Has) events.Should().Contain(e => x.Matches(e), $"expected {x} among:\n{listed}");
        foreach (var x in c.HasNot) events.Should().NotContain(e => x.Matches(e), $"did not expect {x} among:\n{listed}");
        if (c.Count is { } n) events.Should().HaveCount(n, listed);
        (c.Has.Count + c.HasNot.Count + (c.Count is null ? 0 : 1)).Should().BePositive("a scenario must assert something");
        // Every event is inside the window, or is a council task due on or before the date.
        events.Where(e => !(e.Due <= asAt.PlusDays(c.Within)
            && (e.Due > asAt || e.Kind == CaseloadEventKind.PathwayPlanReview || e.Kind == CaseloadEventKind.NeedsAssessment)))
            .Should().BeEmpty(listed);
    }

    [Fact]
    public void Every_event_kind_has_a_scenario_on_both_sides_of_its_date()
    {
        var kinds = Enum.GetValues<CaseloadEventKind>().Select(k => k.Wire());
        foreach (var k in kinds)
        {
            Cases.Should().Contain(c => c.Has.Any(x => x.Event == k), $"{k} must be listed in some scenario");
            Cases.Should().Contain(c => c.HasNot.Any(x => x.Event == k) || c.Count == 0 || c.Has.Any(x => x.Event == k && x.Days < 0),
                $"{k} must be shown absent (or overdue) past its date in some scenario");
        }
    }
}
