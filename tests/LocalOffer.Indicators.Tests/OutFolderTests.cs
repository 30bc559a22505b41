using System.CommandLine;
using LocalOffer.Batch.Synth;
using LocalOffer.Cli;
using LocalOffer.Cli.Commands;
using NodaTime;

namespace LocalOffer.Indicators.Tests;

/// <summary>
/// Issue 24, item 3: `indicators --out DIR` decides where it may write as `publish` does. It used to
/// delete an assets/ folder it had not written and overwrite index.html in any folder; now a folder
/// holding other things is written into only when it is an earlier report (its marker) or with
/// --force, and nothing in it is ever deleted. Item 4: an output file that is a device or FIFO is refused.
/// </summary>
public sealed class OutFolderTests : IDisposable
{
    private readonly TempDir _dir = new();

    public OutFolderTests() => SyntheticReturn.Write(_dir.Path, 200, 2, new LocalDate(2026, 3, 31));

    public void Dispose() => _dir.Dispose();

    private async Task<(int Code, string Err)> Cli(string outDir, params string[] more)
    {
        var (o, e) = (new StringWriter(), new StringWriter());
        string[] args = ["indicators", "--header", _dir.File("header.csv"), "--episodes", _dir.File("episodes.csv"),
            "--oc3", _dir.File("oc3.csv"), "--year-end", "2026-03-31", "--out", outDir, .. more];
        var code = await CliRunner.RunAsync(new RootCommand { IndicatorsCommand.Create() }, args, o, e);
        return (code, e.ToString());
    }

    [Fact]
    public async Task A_folder_it_did_not_write_is_refused_and_left_as_it_was()
    {
        var site = Directory.CreateDirectory(_dir.File("site")).FullName;
        Directory.CreateDirectory(Path.Combine(site, "assets"));
        File.WriteAllText(Path.Combine(site, "assets", "logo.png"), "the council's logo");
        File.WriteAllText(Path.Combine(site, "index.html"), "the council's home page");

        var (code, err) = await Cli(site);

        code.Should().Be(2);
        err.Should().Contain("not an earlier indicators report").And.Contain("--force");
        File.ReadAllText(Path.Combine(site, "index.html")).Should().Be("the council's home page");
        File.ReadAllText(Path.Combine(site, "assets", "logo.png")).Should().Be("the council's logo");
        Directory.GetFiles(site, "*", SearchOption.AllDirectories).Should().HaveCount(2);
    }

    [Fact]
    public async Task With_force_it_writes_its_files_and_deletes_nothing()
    {
        var site = Directory.CreateDirectory(_dir.File("site")).FullName;
        Directory.CreateDirectory(Path.Combine(site, "assets"));
        File.WriteAllText(Path.Combine(site, "assets", "logo.png"), "the council's logo");

        var (code, err) = await Cli(site, "--force");

        code.Should().Be(0, err);
        File.ReadAllText(Path.Combine(site, "assets", "logo.png")).Should().Be("the council's logo");
        File.Exists(Path.Combine(site, "assets", "govuk-frontend.min.css")).Should().BeTrue();
        File.ReadAllText(Path.Combine(site, "index.html")).Should().Contain("Care leaver indicators");
    }

    [Fact]
    public async Task A_new_folder_and_then_its_own_earlier_report_are_written_without_force()
    {
        var report = _dir.File("report");
        (await Cli(report)).Code.Should().Be(0);
        File.Exists(Path.Combine(report, IndicatorsRunner.Marker)).Should().BeTrue();
        var (code, err) = await Cli(report);
        code.Should().Be(0, err);
        Directory.GetFiles(report, ".*.tmp").Should().BeEmpty();
    }

    [Fact]
    public async Task An_output_file_that_is_a_device_is_refused_before_anything_is_written()
    {
        var report = Directory.CreateDirectory(_dir.File("report")).FullName;
        File.WriteAllText(Path.Combine(report, IndicatorsRunner.Marker), "indicators\n");
        File.CreateSymbolicLink(Path.Combine(report, "indicators.csv"), "/dev/null");

        var (code, err) = await Cli(report);

        code.Should().Be(2);
        err.Should().Contain("not a regular file");
        File.Exists(Path.Combine(report, "index.html")).Should().BeFalse();
    }

    [Fact]
    public async Task The_root_of_the_file_system_is_refused()
    {
        var (code, err) = await Cli("/", "--force");
        code.Should().Be(2);
        err.Should().Contain("root of the file system");
    }
}
