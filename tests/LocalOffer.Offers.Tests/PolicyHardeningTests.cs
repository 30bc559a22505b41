using LocalOffer.Core.Engine;
using LocalOffer.Offers.Lint;
using LocalOffer.Offers.Policy;

namespace LocalOffer.Offers.Tests;

/// <summary>
/// Issue 9 on council YAML: deep nesting, FIFOs and devices, Latin-1, far dates and too many
/// versions or items are findings (Unreadable or Error), never a crash, a hang or a huge read.
/// </summary>
public sealed class PolicyHardeningTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("council-hard-").FullName;

    public void Dispose() => Directory.Delete(_dir, true);

    private const string Council = "name: Test Council\nsource: test\n";

    private List<Finding> Load(string? offer = null, string council = Council)
    {
        File.WriteAllText(Path.Combine(_dir, "council.yaml"), council);
        if (offer is not null) File.WriteAllText(Path.Combine(_dir, "offer-2020.yaml"), offer);
        return new PolicyLoader(Fixture.Core.Law.Entitlements.Ids.ToHashSet()).LoadFolder(_dir).Findings;
    }

    [Fact]
    public void Deep_nesting_is_refused_before_the_tree_is_built()
    {
        var findings = Load(new string('[', 40_000) + new string(']', 40_000) + "\n");
        findings.Should().Contain(f => f.Severity == Severity.Unreadable && f.Message.Contains("nested more than"));
    }

    [Fact]
    public void A_key_with_no_value_is_named_by_line_and_column()
    {
        // YamlDotNet reads "- : text" as a key with no value and its tree then throws ArgumentException
        // naming no place: found by FuzzTests (a CI run), once a crash of the loader.
        var findings = Load("in_force_from: 2020-04-01\nitems:\n  - id: a\n  - : \"Education\"\n");
        var f = findings.Should().ContainSingle(f => f.Severity == Severity.Unreadable).Subject;
        (f.File.EndsWith("offer-2020.yaml"), f.Line, f.Column).Should().Be((true, 4, 6));
        f.Message.Should().Be("a key with no value: each key of a mapping needs one");
    }

    [Theory]
    [InlineData("items:\n  - id: a\n    title: b\n")]
    [InlineData("a: {b: c, d: [1, {e: f}]}\n")]
    [InlineData("a:\n  b:\n  c: ~\n")]
    public void Mappings_with_every_key_paired_are_not_refused_for_it(string yaml) =>
        Load(yaml).Should().NotContain(f => f.Message.StartsWith("a key with no value"));

    [Fact]
    public async Task A_fifo_or_device_linked_as_a_council_file_is_refused_without_reading()
    {
        File.WriteAllText(Path.Combine(_dir, "council.yaml"), Council);
        File.CreateSymbolicLink(Path.Combine(_dir, "offer-2020.yaml"), "/dev/zero");
        var fifo = Path.Combine(_dir, "offer-2021.yaml");
        using (var p = System.Diagnostics.Process.Start("mkfifo", fifo)) p.WaitForExit();
        var load = Task.Run(() => new PolicyLoader(Fixture.Core.Law.Entitlements.Ids.ToHashSet()).LoadFolder(_dir).Findings);
        (await Task.WhenAny(load, Task.Delay(10_000))).Should().Be(load, "a FIFO must not hang the loader");
        (await load).Where(f => f.Severity == Severity.Unreadable).Should().HaveCount(2);
    }

    [Fact]
    public void Latin1_is_refused()
    {
        File.WriteAllText(Path.Combine(_dir, "council.yaml"), "name: Zoé Council\nsource: test\n", System.Text.Encoding.Latin1);
        var findings = new PolicyLoader(Fixture.Core.Law.Entitlements.Ids.ToHashSet()).LoadFolder(_dir).Findings;
        findings.Should().Contain(f => f.Severity == Severity.Unreadable && f.Message.Contains("UTF-8"));
    }

    [Fact]
    public void Far_dates_are_findings()
    {
        var findings = Load("in_force_from: 9999-12-31\nsource: t\nitems: []\n");
        findings.Should().Contain(f => f.Message.Contains("1900-01-01 to 2199-12-31"));
    }

    [Fact]
    public void Too_many_items_or_versions_are_findings()
    {
        var items = string.Concat(Enumerable.Range(0, PolicyLoader.MaxItems + 1).Select(i =>
            $"  - {{id: i{i}, area: finances, kind: discretionary, title: t, description: d, source: s}}\n"));
        Load("in_force_from: 2020-01-01\nsource: t\nitems:\n" + items).Should().Contain(f => f.Message.Contains("at most 500"));
        for (var i = 0; i <= PolicyLoader.MaxVersions; i++)
            File.WriteAllText(Path.Combine(_dir, $"offer-{1900 + i}.yaml"), $"in_force_from: {1990 + i % 30}-01-01\nsource: t\nitems: []\n");
        new PolicyLoader(Fixture.Core.Law.Entitlements.Ids.ToHashSet()).LoadFolder(_dir).Findings
            .Should().Contain(f => f.Severity == Severity.Unreadable && f.Message.Contains($"at most {PolicyLoader.MaxVersions}"));
    }
}
