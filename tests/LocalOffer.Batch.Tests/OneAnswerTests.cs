using LocalOffer.Batch.Synth;
using LocalOffer.Core;
using LocalOffer.Core.Output;
using NodaTime;

namespace LocalOffer.Batch.Tests;

/// <summary>
/// One child, one answer: every batch row equals `check` on that child's exported care history
/// document (status, since, next change, entitlement ids, warnings), for the shared fake return, the
/// regional extract and a synthetic return. The history goes out through the JSON writer and back in
/// through the same strict reader as `check`, so the batch never feeds the engine anything `check`
/// would refuse or read differently.
/// </summary>
public sealed class OneAnswerTests
{
    private static readonly RulesCore Core = SharedRules.Core;

    public static TheoryData<string, string, string, string> Returns() => new()
    {
        { "fake", "header.csv", "episodes.csv", "2018-03-31" },
        { "regional", "header.csv", "episodes.csv", "2022-03-31" },
        { "synthetic", "header.csv", "episodes.csv", "2026-03-31" },
    };

    [Theory]
    [MemberData(nameof(Returns))]
    public void Every_batch_row_equals_check_on_the_exported_history(string set, string header, string episodes, string asAtText)
    {
        using var dir = new TempDir();
        var asAt = NodaTime.Text.LocalDatePattern.Iso.Parse(asAtText).Value;
        var folder = set switch
        {
            "fake" => TestData.FakeData,
            "regional" => TestData.RegionalData,
            _ => Synthetic(dir, asAt),
        };
        var options = new BatchOptions(Path.Combine(folder, header), [Path.Combine(folder, episodes)], [], asAt, dir.File("out.csv"));
        var runner = new BatchRunner(Core);
        var rows = new Dictionary<string, BatchResult>();
        runner.Run(options, onResult: r => rows.Add(r.Child, r));
        var (cohort, _) = runner.Load(options);
        var compared = 0;
        for (var i = 0; i < cohort.Count; i++)
        {
            var row = rows[cohort.ChildId(i)];
            if (row.Classification is not { } k) continue; // born after the date: check refuses it too
            var json = CareHistoryJson.Serialize(cohort.History(i));
            var (history, errors) = Core.Reader.Read(json);
            errors.Should().BeEmpty($"{set} child {row.Child}: the exported history must read back cleanly\n{json}");
            var a = Core.Engine.Assess(history!, asAt);
            var because = $"{set} child {row.Child} on {asAt}\n{json}";
            a.Status.Should().Be(k.Status, because);
            a.StatusSince.Should().Be(k.StatusSince, because);
            a.NextChange.Should().Be(k.NextChange, because);
            a.Entitlements.Select(e => e.Id).Distinct().Order(StringComparer.Ordinal).Should().Equal(k.EntitlementIds.Order(StringComparer.Ordinal), because);
            // The batch warning column holds check's warnings word for word (after any note of rejected rows).
            var engineWarnings = (row.Warning ?? "").Split(BatchRunner.WarningSeparator, StringSplitOptions.RemoveEmptyEntries)
                .Where(w => !w.Contains("rejected (see rejects)"));
            engineWarnings.Should().Equal(a.Warnings, because);
            compared++;
        }
        compared.Should().BeGreaterThan(set switch { "fake" => 2000, "regional" => 500, _ => 1500 }, "most children are compared");
    }

    private static string Synthetic(TempDir dir, LocalDate yearEnd)
    {
        var folder = dir.File("synth");
        SyntheticReturn.Write(folder, 2000, seed: 7, yearEnd);
        return folder;
    }

    [Fact]
    public void An_open_episode_with_a_reason_ended_is_a_warning_in_batch_as_in_check()
    {
        using var dir = new TempDir();
        var header = dir.Write("header.csv", "CHILD,DOB\nA1,15/06/2008\n");
        var episodes = dir.Write("episodes.csv", "CHILD,DECOM,LS,PLACE,DEC,REC\nA1,10/01/2022,C2,U4,,E12\n");
        var rows = new List<BatchResult>();
        var (summary, rejects) = new BatchRunner(Core).Run(
            new BatchOptions(header, [episodes], [], new LocalDate(2024, 9, 1), dir.File("o.csv")), onResult: rows.Add);
        rejects.Should().BeEmpty();
        rows.Single().Classification!.Status.Should().Be(LocalOffer.Core.Engine.Status.Eligible, "the episode has not ended, so no adoption");
        rows.Single().Warning.Should().Contain("Episode 1 has no end date but a reason ended (E12)");
        var (h, errors) = Core.Reader.Read("""{"dateOfBirth":"2008-06-15","episodes":[{"start":"2022-01-10","legalStatus":"C2","placement":"U4","reasonEnded":"E12"}]}""");
        errors.Should().BeEmpty();
        Core.Engine.Assess(h!, new LocalDate(2024, 9, 1)).Warnings.Should().Equal(rows.Single().Warning);
    }
}
