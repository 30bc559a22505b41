using LocalOffer.Batch.Synth;
using LocalOffer.Offers.Render;
using NodaTime;

namespace LocalOffer.Indicators.Tests;

/// <summary>
/// All or none for the assets too: `indicators` copies the site's stylesheet and images only once every file of
/// the report is written, so a run that fails as it writes leaves no asset, temporary file or folder behind
/// (issue 30, round 4: a change that wrote them earlier, alongside the report's files, was tried).
/// </summary>
public sealed class AssetsAllOrNoneTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static string[] Listing(string dir) =>
        Directory.Exists(dir)
            ? Directory.GetFileSystemEntries(dir, "*", SearchOption.AllDirectories)
                .Select(p => Path.GetRelativePath(dir, p)).Order(StringComparer.Ordinal).ToArray()
            : [];

    [Fact]
    public void A_run_that_fails_writing_its_page_leaves_no_asset_behind()
    {
        SyntheticReturn.Write(_dir.Path, 200, 2, new LocalDate(2026, 3, 31));
        // The templates without the report's page: the run fails as it writes its files, before the assets.
        var templates = _dir.File("templates");
        foreach (var f in Directory.GetFiles(TemplateSet.DefaultDirectory(), "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(templates, Path.GetRelativePath(TemplateSet.DefaultDirectory(), f));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(f, to);
        }
        File.Delete(Path.Combine(templates, "indicators", "index.sbn-html"));
        var runner = IndicatorsRunner.Load(Fixture.Core, null, Fixture.Defs, Benchmarks.DfeTables.DefaultDirectory(),
            templates);
        var report = _dir.File("report");
        var options = new IndicatorOptions(_dir.File("header.csv"), [_dir.File("episodes.csv")], _dir.File("oc3.csv"),
            [], new LocalDate(2026, 3, 31), null, report);

        ((Action)(() => runner.Run(options))).Should().Throw<Exception>();
        Listing(report).Should().BeEmpty();
    }
}
