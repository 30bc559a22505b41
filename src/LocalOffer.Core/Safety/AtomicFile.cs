namespace LocalOffer.Core.Safety;

/// <summary>
/// An output written whole or not at all: the bytes go to a hidden temporary file in the same
/// folder (so the rename cannot cross file systems) and replace the target only on
/// <see cref="Commit"/>. A run that fails (bad data, disk full, a crash) leaves the old file, if
/// any, as it was and no truncated results behind: Dispose without Commit deletes the temporary file.
/// </summary>
public sealed class AtomicFile : IDisposable
{
    private readonly string _temp;
    private bool _committed;

    public string Path { get; }
    public FileStream Stream { get; }

    private AtomicFile(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        var dir = System.IO.Path.GetDirectoryName(Path)!;
        _temp = System.IO.Path.Combine(dir, $".{System.IO.Path.GetFileName(Path)}.{Guid.NewGuid():N}.tmp");
        Stream = new FileStream(_temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
    }

    public static AtomicFile Create(string path) => new(path);

    /// <summary>Writes the whole file at once.</summary>
    public static void WriteAllText(string path, string text)
    {
        using var f = Create(path);
        using (var w = new StreamWriter(f.Stream, new System.Text.UTF8Encoding(false), 1 << 16, leaveOpen: true)) w.Write(text);
        f.Commit();
    }

    /// <summary>Flushes to disk and puts the file in place.</summary>
    public void Commit()
    {
        Stream.Flush(flushToDisk: true);
        Stream.Dispose();
        File.Move(_temp, Path, overwrite: true);
        _committed = true;
    }

    public void Dispose()
    {
        Stream.Dispose();
        if (!_committed) try { File.Delete(_temp); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
