using System.CommandLine;
using LocalOffer.Cli;

namespace LocalOffer.Offers.Tests;

/// <summary>
/// Issue 9: `publish --out` never writes into '/', a file, the council's own folder, or a folder of
/// other things (unless --force); publishing again over an earlier publish of the same council works.
/// Issue 25: an offer with lint errors (no way to reach its leaving care team) is never published.
/// Hackney is the shipped council whose pages give its team's phone, email and hours.
/// </summary>
public sealed class PublishSafetyTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("publish-").FullName;

    public void Dispose() => Directory.Delete(_dir, true);

    private static async Task<(int Code, string Err)> Publish(params string[] extra)
    {
        var (o, e) = (new StringWriter(), new StringWriter());
        var root = new RootCommand { LocalOffer.Cli.Commands.PublishCommand.Create() };
        var code = await CliRunner.RunAsync(root, ["publish", "--council", "hackney", "--as-at", "2026-11-22", .. extra], o, e);
        return (code, e.ToString());
    }

    [Fact]
    public async Task A_folder_of_other_things_is_refused_unless_forced_and_nothing_is_touched()
    {
        var keep = Path.Combine(_dir, "thesis.docx");
        File.WriteAllText(keep, "precious");
        var (code, err) = await Publish("--out", _dir);
        code.Should().Be(2);
        err.Should().Contain("not empty");
        Directory.GetFileSystemEntries(_dir).Should().Equal(keep);
        (await Publish("--out", _dir, "--force")).Code.Should().Be(0);
        File.ReadAllText(keep).Should().Be("precious");
    }

    [Fact]
    public async Task Publishing_again_into_the_same_councils_site_is_allowed_but_not_another_councils()
    {
        var site = Path.Combine(_dir, "site");
        (await Publish("--out", site)).Code.Should().Be(0);
        (await Publish("--out", site)).Code.Should().Be(0);
        var (o, e) = (new StringWriter(), new StringWriter());
        var code = await CliRunner.RunAsync(new RootCommand { LocalOffer.Cli.Commands.PublishCommand.Create() },
            ["publish", "--council", "kirklees", "--as-at", "2026-11-22", "--out", site], o, e);
        code.Should().Be(2);
        e.ToString().Should().Contain("'hackney'");
    }

    [Fact]
    public async Task An_offer_without_a_way_to_reach_the_leaving_care_team_is_not_published()
    {
        var site = Path.Combine(_dir, "site");
        var (o, e) = (new StringWriter(), new StringWriter());
        var code = await CliRunner.RunAsync(new RootCommand { LocalOffer.Cli.Commands.PublishCommand.Create() },
            ["publish", "--council", "wakefield", "--as-at", "2026-11-22", "--out", site], o, e);
        code.Should().Be(1);
        e.ToString().Should().Contain("wakefield has lint errors; nothing published").And.Contain("no leaving care team contact");
        Directory.Exists(site).Should().BeFalse();
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/.")]
    public async Task The_root_is_never_written_even_with_force(string root)
    {
        var (code, err) = await Publish("--out", root, "--force");
        code.Should().Be(2);
        err.Should().Contain("root");
    }

    [Fact]
    public async Task A_file_or_the_councils_own_folder_is_refused()
    {
        var file = Path.Combine(_dir, "f");
        File.WriteAllText(file, "x");
        (await Publish("--out", file)).Code.Should().Be(2);
        // A folder of council folders (a copy: a regression must not write into the repository).
        var councils = Directory.CreateDirectory(Path.Combine(_dir, "councils")).FullName;
        File.WriteAllText(Path.Combine(Directory.CreateDirectory(Path.Combine(councils, "x")).FullName, "council.yaml"), "name: x\n");
        (await Publish("--out", councils, "--force")).Code.Should().Be(2);
        (await Publish("--out", Path.Combine(councils, "x"), "--force")).Code.Should().Be(2);
        Directory.GetFiles(councils, "*.html", SearchOption.AllDirectories).Should().BeEmpty();
    }
}
