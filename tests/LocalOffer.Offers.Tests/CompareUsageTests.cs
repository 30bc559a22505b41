using System.CommandLine;
using LocalOffer.Cli;

namespace LocalOffer.Offers.Tests;

/// <summary>
/// Issue 24, low: `compare --councils ',,,'` named no council and stopped on "an unexpected problem".
/// A list naming none is a usage error (exit 2) and writes nothing; a real list still compares.
/// </summary>
public sealed class CompareUsageTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("compare-").FullName;

    public void Dispose() => Directory.Delete(_dir, true);

    private static async Task<(int Code, string Err)> Compare(string councils, string dir)
    {
        var (o, e) = (new StringWriter(), new StringWriter());
        var root = new RootCommand { LocalOffer.Cli.Commands.CompareCommand.Create() };
        var code = await CliRunner.RunAsync(root,
            ["compare", "--councils", councils, "--as-at", "2026-11-22", "--out", dir], o, e);
        return (code, e.ToString());
    }

    [Theory]
    [InlineData(",,,")]
    [InlineData(" , ,")]
    [InlineData(",")]
    public async Task A_list_naming_no_council_is_a_usage_error_and_writes_nothing(string councils)
    {
        var out_ = Path.Combine(_dir, "out");
        var (code, err) = await Compare(councils, out_);
        code.Should().Be(2);
        err.Should().Contain("--councils: no council named").And.NotContain("unexpected");
        Directory.Exists(out_).Should().BeFalse();
    }

    [Fact]
    public async Task An_unknown_council_is_named_with_control_characters_made_safe()
    {
        var (code, err) = await Compare("wakefield,no\u001b[31mwhere", Path.Combine(_dir, "out"));
        code.Should().Be(2);
        err.Should().Contain("no council 'no?[31mwhere'").And.NotContain("\u001b");
    }

    [Fact]
    public async Task A_real_list_still_compares()
    {
        var out_ = Path.Combine(_dir, "out");
        var (code, err) = await Compare(" wakefield,,kirklees ", out_);
        code.Should().Be(0, err);
        err.Should().Contain("2 councils");
        File.Exists(Path.Combine(out_, "compare.csv")).Should().BeTrue();
    }
}
