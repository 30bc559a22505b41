namespace LocalOffer.Offers.Tests;

/// <summary>
/// Issue 9 (packaging): `dotnet pack` makes `localoffer` a .NET tool that carries its rules,
/// templates and GOV.UK Frontend. Installed from the local package into a temporary tool path, it
/// runs `check` and `publish` from an unrelated folder.
/// </summary>
[Trait(Lane.Key, Lane.Slow), Trait(Lane.Category, Lane.Packing)]
public sealed class ToolPackageTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("tool-").FullName;

    public void Dispose() => Directory.Delete(_dir, true);

    // A private package cache, so a package of the same version from an earlier run is never reused.
    private (int Code, string Out) Run(string file, string args, string workingDirectory)
    {
        var (code, output, error) = ProgramRun.Run(file, args, workingDirectory,
            new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(_dir, "nuget") }, minutes: 3);
        return (code, output + error);
    }

    [Fact]
    public void The_packed_tool_installs_and_runs_check_and_publish_from_an_unrelated_folder()
    {
        Lane.RequireSlow("dotnet pack");
        var project = Path.Combine(Fixture.RepoRoot(), "src", "LocalOffer.Cli");
        var packages = Path.Combine(_dir, "packages");
        var (code, output) = Run("dotnet", $"pack \"{project}\" -c {ProgramRun.Configuration} --no-build -o \"{packages}\" --nologo -v quiet", _dir);
        code.Should().Be(0, output);
        var tools = Path.Combine(_dir, "tools");
        (code, output) = Run("dotnet", $"tool install LocalOffer --tool-path \"{tools}\" --add-source \"{packages}\"", _dir);
        code.Should().Be(0, output);

        var elsewhere = Directory.CreateDirectory(Path.Combine(_dir, "elsewhere")).FullName;
        File.Copy(Path.Combine(Fixture.RepoRoot(), "samples", "young-people", "eligible.json"), Path.Combine(elsewhere, "yp.json"));
        var localoffer = Path.Combine(tools, "localoffer");
        (code, output) = Run(localoffer, "check yp.json --as-at 2026-11-22", elsewhere);
        code.Should().Be(0, output);
        output.Should().Contain("Status: eligible");
        // Hackney: a shipped council whose pages give its leaving care team's phone, email and hours (issue 25).
        (code, output) = Run(localoffer, "publish --council hackney --as-at 2026-11-22 --out site", elsewhere);
        code.Should().Be(0, output);
        File.ReadAllText(Path.Combine(elsewhere, "site", "index.html")).Should().Contain("Hackney");
        File.Exists(Path.Combine(elsewhere, "site", "assets", "govuk-frontend.min.css")).Should().BeTrue();
    }
}
