using LocalOffer.Batch.Synth;
using LocalOffer.Offers.Render;
using NodaTime;

namespace LocalOffer.Indicators.Tests;

/// <summary>
/// Issue 30: `indicators` writes the site's assets alongside its own files and puts them in place only at the
/// end, so a run that fails changes nothing: no asset written over, no temporary file, no folder left.
/// </summary>
public sealed class StagedAssetsTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static string[] Listing(string dir) =>
        Directory.Exists(dir)
            ? Directory.GetFileSystemEntries(dir, "*", SearchOption.AllDirectories)
                .Select(p => Path.GetRelativePath(dir, p)).Order(StringComparer.Ordinal).ToArray()
            : [];

    [Fact]
    public void Not_committed_it_leaves_no_folder_and_no_file()
    {
        var site = Directory.CreateDirectory(_dir.File("site")).FullName;
        var assets = Path.Combine(site, "assets");
        using (StagedAssets.Write(assets))
        {
            Directory.GetFiles(assets, ".*.tmp").Should().NotBeEmpty();
        }
        Listing(site).Should().BeEmpty();
    }

    [Fact]
    public void Not_committed_it_leaves_an_assets_folder_as_it_was()
    {
        var assets = Directory.CreateDirectory(_dir.File("site/assets")).FullName;
        File.WriteAllText(Path.Combine(assets, "logo.png"), "the council's logo");
        File.WriteAllText(Path.Combine(assets, "localoffer.css"), "an older stylesheet");
        using (StagedAssets.Write(assets)) { }
        Listing(assets).Should().Equal("localoffer.css", "logo.png");
        File.ReadAllText(Path.Combine(assets, "localoffer.css")).Should().Be("an older stylesheet");
    }

    [Fact]
    public void Committed_it_writes_every_asset_as_copied()
    {
        // The copy as it was written before (file by file, each put in place at once), kept here to compare.
        var copied = Directory.CreateDirectory(_dir.File("copied/assets/images")).Parent!.FullName;
        var source = GovukFrontend.Directory();
        File.WriteAllText(Path.Combine(copied, "govuk-frontend.min.css"),
            SystemFont.Apply(File.ReadAllText(Path.Combine(source, "govuk-frontend.min.css")))
                .Replace("url(/assets/", "url(", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(copied, "localoffer.css"), SitePublisher.SiteCss);
        foreach (var f in Directory.GetFiles(Path.Combine(source, "assets", "images")))
            File.Copy(f, Path.Combine(copied, "images", Path.GetFileName(f)));
        var staged = _dir.File("staged/assets");
        using (var s = StagedAssets.Write(staged)) s.Commit();
        SitePublisher.CopyAssets(_dir.File("again/assets"));
        Listing(_dir.File("again/assets")).Should().Equal(Listing(copied));

        var files = Listing(copied);
        files.Should().Contain("govuk-frontend.min.css").And.Contain("localoffer.css")
            .And.Contain(Path.Combine("images", "favicon.ico"));
        Listing(staged).Should().Equal(files);
        foreach (var f in files.Where(f => File.Exists(Path.Combine(copied, f))))
            File.ReadAllBytes(Path.Combine(staged, f)).Should().Equal(File.ReadAllBytes(Path.Combine(copied, f)), f);
        File.ReadAllText(Path.Combine(staged, "govuk-frontend.min.css")).Should().NotContain("url(/assets/");
    }

    [Fact]
    public void A_run_that_fails_writing_its_page_leaves_no_asset_behind()
    {
        SyntheticReturn.Write(_dir.Path, 200, 2, new LocalDate(2026, 3, 31));
        // The templates without the report's page: the run fails as it writes, after the assets were written.
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
