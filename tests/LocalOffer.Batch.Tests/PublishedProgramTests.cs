using System.Reflection.PortableExecutable;

namespace LocalOffer.Batch.Tests;

/// <summary>
/// Issue 30: the program people run is what `dotnet publish src/LocalOffer.Cli -c Release -o DIR` makes
/// (compiled ahead of time, ReadyToRun). It must say exactly what the built CLI says: the same bytes of
/// results, rejects and summary for the shared fake return, the same `check` and the same published site.
/// </summary>
[Trait(Lane.Key, Lane.Slow), Trait(Lane.Category, Lane.Packing)]
public sealed class PublishedProgramTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("published-").FullName;

    public void Dispose() => Directory.Delete(_dir, true);

    [Fact]
    public void The_published_program_is_ReadyToRun_and_writes_what_the_built_CLI_writes()
    {
        Lane.RequireSlow("dotnet publish");
        var root = TestData.RepoRoot();
        var published = Path.Combine(_dir, "published");
        var (code, output, error) = ProgramRun.Run("dotnet",
            $"publish \"{Path.Combine(root, "src", "LocalOffer.Cli")}\" -c Release -o \"{published}\" --nologo -v quiet", _dir);
        code.Should().Be(0, output + error);
        using (var pe = new PEReader(File.OpenRead(Path.Combine(published, "localoffer.dll"))))
            pe.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size.Should().BePositive("publish compiles ahead of time (ReadyToRun)");

        var built = Path.Combine(root, "src", "LocalOffer.Cli", "bin", ProgramRun.Configuration, "net10.0", "localoffer");
        var fake = TestData.FakeData;
        var sample = Path.Combine(root, "samples", "young-people", "former-relevant.json");
        string[] commands =
        [
            $"batch --header \"{fake}/header.csv\" --episodes \"{fake}/episodes.csv\" --as-at 2018-03-31 --out results.csv",
            $"check \"{sample}\" --as-at 2026-11-22",
            $"check \"{sample}\" --as-at 2026-11-22 --format json",
            "publish --council hackney --as-at 2026-11-22 --out site",
        ];
        foreach (var (args, i) in commands.Select((a, i) => (a, i)))
        {
            var a = Directory.CreateDirectory(Path.Combine(_dir, $"built-{i}")).FullName;
            var b = Directory.CreateDirectory(Path.Combine(_dir, $"published-{i}")).FullName;
            var fromBuilt = ProgramRun.Run(built, args, a);
            var fromPublished = ProgramRun.Run(Path.Combine(published, "localoffer"), args, b);
            fromBuilt.Code.Should().Be(0, fromBuilt.Err);
            fromPublished.Code.Should().Be(fromBuilt.Code, args);
            fromPublished.Out.Should().Be(fromBuilt.Out, args);
            Summary(fromPublished.Err, b).Should().Be(Summary(fromBuilt.Err, a), args);
            Files(b).Should().Equal(Files(a), args);
            foreach (var f in Files(a))
                File.ReadAllBytes(Path.Combine(b, f)).Should().Equal(File.ReadAllBytes(Path.Combine(a, f)), $"{args}: {f}");
        }
    }

    /// <summary>What a command tells on stderr (batch's counts, publish's pages), less progress, timings and its folder.</summary>
    private static string Summary(string err, string dir) => string.Join('\n', err.Replace(dir, ".").Split('\n')
        .Where(l => !l.StartsWith("batch:", StringComparison.Ordinal) && !l.StartsWith("elapsed", StringComparison.Ordinal))
        .Select(l => System.Text.RegularExpressions.Regex.Replace(l, @"\(\d+ ms\)", "(ms)")));

    private static List<string> Files(string dir) => Directory.GetFiles(dir, "*", SearchOption.AllDirectories)
        .Select(f => Path.GetRelativePath(dir, f)).Order(StringComparer.Ordinal).ToList();
}
