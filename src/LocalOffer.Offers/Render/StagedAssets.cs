using LocalOffer.Core.Safety;

namespace LocalOffer.Offers.Render;

/// <summary>
/// The site's assets (<see cref="SitePublisher.CopyAssets"/>) written to their temporary files and flushed
/// to disk, put in place only by <see cref="Commit"/>. A report can write them while its own files are still
/// being written (issue 30: copied after them, they were a tenth of the `indicators` run's wall time, the
/// flushes to disk waited for one by one) and still change nothing if it fails: <see cref="Dispose"/>
/// without <see cref="Commit"/> deletes the temporary files and the folders this made.
/// </summary>
public sealed class StagedAssets : IDisposable
{
    private readonly List<AtomicFile> _files = [];
    private readonly List<string> _made = [];
    private bool _committed;

    /// <summary>Writes every asset for <paramref name="target"/> (assets/), nothing put in place yet.</summary>
    public static StagedAssets Write(string target)
    {
        var staged = new StagedAssets();
        try
        {
            var source = GovukFrontend.Directory();
            staged.Folder(target);
            var css = SystemFont.Apply(File.ReadAllText(Path.Combine(source, "govuk-frontend.min.css")))
                .Replace("url(/assets/", "url(", StringComparison.Ordinal);
            var utf8 = new System.Text.UTF8Encoding(false);
            staged.Add(Path.Combine(target, "govuk-frontend.min.css"), utf8.GetBytes(css));
            staged.Add(Path.Combine(target, "localoffer.css"), utf8.GetBytes(SitePublisher.SiteCss));
            staged.Folder(Path.Combine(target, "images"));
            foreach (var f in Directory.GetFiles(Path.Combine(source, "assets", "images")))
                staged.Add(Path.Combine(target, "images", Path.GetFileName(f)), File.ReadAllBytes(f));
            return staged;
        }
        catch
        {
            staged.Dispose();
            throw;
        }
    }

    private void Folder(string dir)
    {
        if (Directory.Exists(dir)) return;
        Directory.CreateDirectory(dir);
        _made.Add(dir);
    }

    private void Add(string path, ReadOnlySpan<byte> bytes)
    {
        var f = AtomicFile.Create(path);
        _files.Add(f);
        f.Stream.Write(bytes);
        f.Stream.Flush(flushToDisk: true);
    }

    /// <summary>Puts every asset in place, in the order written.</summary>
    public void Commit()
    {
        foreach (var f in _files) f.Commit();
        _committed = true;
    }

    public void Dispose()
    {
        foreach (var f in _files) f.Dispose();
        if (_committed) return;
        // The folders made for a run that failed, innermost first, if nothing else has been put in them.
        for (var i = _made.Count - 1; i >= 0; i--)
            try { Directory.Delete(_made[i]); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
