using System.Text.Json.Nodes;
using LocalOffer.Cli;

namespace LocalOffer.Core.Tests;

/// <summary>`localoffer check` end to end: exit codes, JSON shape, no stack traces for bad input.</summary>
public sealed class CheckCommandTests
{
    private static string Samples => Path.Combine(RepoRoot(), "samples");

    internal static string RepoRoot() => TestPaths.RepoRoot();

    private static async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        var (o, e) = (new StringWriter(), new StringWriter());
        var root = new System.CommandLine.RootCommand { LocalOffer.Cli.Commands.CheckCommand.Create() };
        var code = await CliRunner.RunAsync(root, args, o, e);
        return (code, o.ToString(), e.ToString());
    }

    [Fact]
    public async Task Json_output_carries_the_documented_fields()
    {
        var (code, output, _) = await Run("check", Path.Combine(Samples, "young-people", "former-relevant.json"), "--as-at", "2026-11-22", "--format", "json");
        code.Should().Be(0);
        var json = JsonNode.Parse(output)!;
        json["id"]!.GetValue<string>().Should().Be("YP-0001");
        json["asAt"]!.GetValue<string>().Should().Be("2026-11-22");
        json["age"]!.GetValue<int>().Should().Be(18);
        json["status"]!.GetValue<string>().Should().Be("former_relevant");
        json["timeline"]!.AsArray().Select(t => t!["status"]!.GetValue<string>()).Should().Equal("none", "looked_after", "eligible", "relevant", "former_relevant");
        var pa = json["entitlements"]!.AsArray().Single(e => e!["id"]!.GetValue<string>() == "personal-adviser")!;
        // One run from 16 to 25, the provisions in date order, each period with its own dates.
        pa["from"]!.GetValue<string>().Should().Be("2024-06-15");
        pa["to"]!.GetValue<string>().Should().Be("2033-06-15");
        pa["basis"]!.AsArray().Select(b => b!["citation"]!.GetValue<string>()).Should().StartWith(
            ["Children Act 1989 Sch 2 para 19C", "Children Act 1989 s.23B(2)", "Children Act 1989 s.23C(3)(a)"]);
        var periods = pa["periods"]!.AsArray();
        periods.Select(p => p!["from"]!.GetValue<string>()).Should().Equal("2024-06-15", "2024-09-01", "2026-06-15", "2029-06-15");
        periods[2]!["basis"]![0]!["url"]!.GetValue<string>().Should().Be("https://www.legislation.gov.uk/ukpga/1989/41/section/23C");
        periods[2]!["to"]!.GetValue<string>().Should().Be(periods[3]!["from"]!.GetValue<string>());
        pa["amount"].Should().BeNull();
        json["statusReason"]!.GetValue<string>().Should().Contain("was a relevant child");
        json["explanation"]!.AsArray().Should().NotBeEmpty();
    }

    [Fact]
    public async Task Text_output_is_for_an_adviser()
    {
        var (code, output, _) = await Run("check", Path.Combine(Samples, "young-people", "relevant.json"), "--as-at", "2026-11-22");
        code.Should().Be(0);
        output.Should().Contain("Status: relevant").And.Contain("A personal adviser").And.Contain("Explanation")
            .And.NotContain("[personal-adviser]");
        // The relevant child's adviser does not "end" at 18: it continues under s.23C(3)(a).
        output.Should().Contain("continues: A personal adviser, now under Children Act 1989 s.23C(3)(a)")
            .And.NotContain("ends: A personal adviser");
    }

    [Fact]
    public async Task Bad_input_exits_2_naming_fields_without_a_stack_trace()
    {
        var (code, output, err) = await Run("check", Path.Combine(Samples, "invalid", "overlapping-and-bad-codes.json"), "--as-at", "2026-11-22");
        code.Should().Be(2);
        output.Should().BeEmpty();
        err.Should().Contain("extra: unknown field").And.NotContain("   at ");
    }

    [Fact]
    public async Task Bad_codes_and_overlaps_are_named()
    {
        var (code, _, err) = await Run("check", Path.Combine(Samples, "invalid", "duplicated-episode.json"));
        code.Should().Be(2);
        err.Should().Contain("episodes[1]: overlaps episodes[0]");
    }

    [Fact]
    public async Task Bad_as_at_and_missing_file_exit_2()
    {
        (await Run("check", Path.Combine(Samples, "young-people", "relevant.json"), "--as-at", "22/11/2026")).Code.Should().Be(2);
        var (code, _, err) = await Run("check", "no-such-file.json");
        code.Should().Be(2);
        err.Should().Contain("file not found");
    }

    [Fact]
    public async Task Every_sample_checks_cleanly()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(Samples, "young-people"), "*.json"))
            (await Run("check", file, "--as-at", "2026-11-22", "--format", "json")).Code.Should().Be(0, file);
    }
}
