using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using LocalOffer.Core.Engine;
using LocalOffer.Core.Output;
using LocalOffer.Core.Rules;
using NodaTime;

namespace LocalOffer.Core.Tests;

/// <summary>
/// <see cref="AssessmentJson.Write"/> writes the answer straight from the assessment (issue 30). Its bytes must be
/// those of the tree of nodes it replaced, serialised as before: <see cref="Tree"/> below is that tree, kept here as
/// the reference, on every sample at every age, on random histories, and on hostile text in every field.
/// </summary>
public sealed class AssessmentJsonTests
{
    private static readonly RulesCore Core = SharedRules.Core;

    private static string SampleFolder => Path.Combine(TestPaths.RepoRoot(), "samples", "young-people");

    public static TheoryData<string> Samples() =>
        new(Directory.GetFiles(SampleFolder, "*.json").Select(Path.GetFileName).Order()!);

    private static void SameAsTheTree(Assessment a, string because)
    {
        var expected = Tree.ToJson(a).ToJsonString(AssessmentJson.Options);
        AssessmentJson.Serialize(a).Should().Be(expected, because);
        AssessmentJson.ToJson(a).ToJsonString(AssessmentJson.Options).Should().Be(expected, because);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Every_sample_at_every_age_is_written_as_the_tree_was(string file)
    {
        var (history, errors) = Core.Reader.Read(File.ReadAllText(Path.Combine(SampleFolder, file)));
        history.Should().NotBeNull(string.Join("; ", errors.Select(e => e.Message)));
        for (var years = 0; years <= 26; years++)
        {
            var asAt = history!.DateOfBirth.PlusYears(years);
            SameAsTheTree(Core.Engine.Assess(history, asAt), $"{file} at {years}");
            if (years > 0) SameAsTheTree(Core.Engine.Assess(history, asAt.PlusDays(-years)), $"{file} before {years}");
        }
    }

    [Fact]
    public void A_writer_of_another_layout_has_the_law_s_references_in_its_own_layout()
    {
        // The references are written from bytes made once for the answer's layout (issue 30); any other writer must
        // get them as it writes everything else: compact, four spaces, tabs.
        var history = Core.Reader.Read(File.ReadAllText(Path.Combine(SampleFolder, "former-relevant.json"))).History!;
        var a = Core.Engine.Assess(history, new LocalDate(2026, 11, 22));
        var encoder = AssessmentJson.Options.Encoder;
        foreach (var options in new JsonWriterOptions[]
                 {
                     new() { Encoder = encoder }, new() { Indented = true, IndentSize = 4, Encoder = encoder },
                     new() { Indented = true, IndentCharacter = '\t', IndentSize = 1, Encoder = encoder },
                 })
        {
            var written = new ArrayBufferWriter<byte>();
            using (var w = new Utf8JsonWriter(written, options)) AssessmentJson.Write(w, a);
            var expected = new ArrayBufferWriter<byte>();
            using (var w = new Utf8JsonWriter(expected, options)) Tree.ToJson(a).WriteTo(w);
            Encoding.UTF8.GetString(written.WrittenSpan).Should().Be(Encoding.UTF8.GetString(expected.WrittenSpan));
        }
        SameAsTheTree(a, "the answer's own layout after the others");
    }

    [Fact]
    public void Random_histories_on_random_days_are_written_as_the_tree_was() =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300).WithStartSize(1),
            Prop.ForAll(HistoryGenerators.WithDay(), x =>
            {
                var (h, offset) = x;
                if (Core.Validator.Validate(h).Count == 0)
                    SameAsTheTree(Core.Engine.Assess(h, h.DateOfBirth.PlusDays(offset)), h.ToString());
                return true;
            }));

    [Theory]
    [InlineData("<script>alert(1)</script> & \"quoted\" 'single' \\ back")]
    [InlineData("=1+2 formula, tab\there, newline\nthere, nul \0 end, \u001f \u007f")]
    [InlineData("مرحبا ሰላም 👩🏽‍🎓 e\u0301 \u202Eright-to-left override\u2028line separator \uFEFF")]
    [InlineData("lone surrogate \ud800 here and \udfff there")]
    [InlineData("")]
    public void Hostile_and_odd_text_in_every_field_is_written_as_the_tree_was(string text)
    {
        var refs = new[] { new LegalReference(text, text), new LegalReference("s.1", "https://x/" + text) };
        var periods = new[]
        {
            new EntitlementPeriod(new LocalDate(2020, 1, 1), new LocalDate(2021, 2, 3), refs, text),
            new EntitlementPeriod(new LocalDate(2021, 2, 3), new LocalDate(9999, 12, 31), [], null),
        };
        var a = new Assessment(text, new LocalDate(1, 1, 1), new LocalDate(2199, 12, 31), int.MaxValue,
            Status.FormerRelevant, Route.Eligible, text, new LocalDate(1900, 1, 1),
            new StatusChange(new LocalDate(2033, 6, 15), Status.None),
            [
                new TimelineSpan(Status.Eligible, new LocalDate(2000, 2, 29), new LocalDate(2010, 10, 10), text, refs,
                    [new TimelinePart(new LocalDate(2000, 2, 29), new LocalDate(2005, 1, 1), text, refs),
                     new TimelinePart(new LocalDate(2005, 1, 1), new LocalDate(2010, 10, 10), text, [])]),
                new TimelineSpan(Status.None, new LocalDate(2010, 10, 10), new LocalDate(2011, 1, 1), text, [], []),
            ],
            [
                new Entitlement(text, text, new LocalDate(2020, 1, 1), new LocalDate(2030, 1, 1),
                    new Money(3.50m, text), refs, text, periods),
                new Entitlement("x", text, new LocalDate(2020, 1, 1), new LocalDate(2030, 1, 1),
                    new Money(-0.001m, "once"), [], null, []),
                new Entitlement("y", text, new LocalDate(2020, 1, 1), new LocalDate(2030, 1, 1),
                    new Money(79228162514264337593543950335m, "yearly"), refs, null, periods),
            ],
            [], [text, text + text, new string('x', 100_000) + text], [text],
            new CareFacts(-1, 0, true, new LocalDate(2024, 2, 29)));
        SameAsTheTree(a, text);
        SameAsTheTree(a with
        {
            Id = null, NextChange = null, Timeline = [], Entitlements = [], Explanation = [], Warnings = [],
            Facts = new CareFacts(0, int.MinValue, false, null)
        }, "nulls and empty lists: " + text);
    }

    /// <summary>The tree of nodes the answer was made from until issue 30, as it was.</summary>
    private static class Tree
    {
        private static string Iso(LocalDate d) =>
            d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        public static JsonObject ToJson(Assessment a) => new()
        {
            ["id"] = a.Id,
            ["dateOfBirth"] = Iso(a.DateOfBirth),
            ["asAt"] = Iso(a.AsAt),
            ["age"] = a.Age,
            ["status"] = a.Status.Wire(),
            ["statusReason"] = a.StatusReason,
            ["statusSince"] = Iso(a.StatusSince),
            ["nextChange"] = a.NextChange is { } n
                ? new JsonObject { ["on"] = Iso(n.On), ["status"] = n.To.Wire() }
                : null,
            ["timeline"] = new JsonArray(a.Timeline.Select(Span).ToArray()),
            ["entitlements"] = Entitlements(a.Entitlements),
            ["facts"] = new JsonObject
            {
                ["daysLookedAfterSince14"] = a.Facts.DaysLookedAfterSince14,
                ["daysLookedAfterSince16"] = a.Facts.DaysLookedAfterSince16,
                ["everEligible"] = a.Facts.EverEligible,
                ["thirteenWeeksReached"] = a.Facts.ThirteenWeeksReached is { } d ? Iso(d) : null,
            },
            ["explanation"] = new JsonArray(a.Explanation.Select(e => (JsonNode)JsonValue.Create(e)!).ToArray()),
            ["warnings"] = new JsonArray(a.Warnings.Select(e => (JsonNode)JsonValue.Create(e)!).ToArray()),
        };

        private static JsonNode Span(TimelineSpan t)
        {
            var o = new JsonObject
            {
                ["status"] = t.Status.Wire(),
                ["from"] = Iso(t.From),
                ["to"] = Iso(t.To),
                ["reason"] = t.Reason,
                ["basis"] = Basis(t.Basis),
            };
            if (t.Parts.Count > 1)
                o["parts"] = new JsonArray(t.Parts.Select(p => (JsonNode)new JsonObject
                {
                    ["from"] = Iso(p.From), ["to"] = Iso(p.To), ["reason"] = p.Reason, ["basis"] = Basis(p.Basis),
                }).ToArray());
            return o;
        }

        private static JsonArray Entitlements(IEnumerable<Entitlement> list) =>
            new(list.Select(e => (JsonNode)new JsonObject
            {
                ["id"] = e.Id,
                ["title"] = e.Title,
                ["from"] = Iso(e.From),
                ["to"] = Iso(e.To),
                ["amount"] = e.Amount is { } m ? new JsonObject { ["gbp"] = m.Amount, ["period"] = m.Period } : null,
                ["condition"] = e.Condition,
                ["basis"] = Basis(e.Basis),
                ["periods"] = new JsonArray(e.Periods.Select(p => (JsonNode)new JsonObject
                {
                    ["from"] = Iso(p.From), ["to"] = Iso(p.To), ["basis"] = Basis(p.Basis), ["condition"] = p.Condition,
                }).ToArray()),
            }).ToArray());

        private static JsonArray Basis(IEnumerable<LegalReference> refs) =>
            new(refs.Select(r => (JsonNode)new JsonObject { ["citation"] = r.Citation, ["url"] = r.Url }).ToArray());
    }
}
