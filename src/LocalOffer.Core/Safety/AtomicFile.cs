using System.Text.RegularExpressions;

namespace LocalOffer.Core.Safety;

/// <summary>
/// The one way every command writes a file (issue 24: one output layer). The bytes go to a hidden
/// temporary file in the same folder (so the rename cannot cross file systems), named uniquely
/// (<c>.name.GUID.tmp</c>, created only if absent, so a link planted there is never followed and two
/// runs on one output never share it), and replace the target only on <see cref="Commit"/>. A run
/// that fails (bad data, disk full, a crash) leaves the old file, if any, as it was and no
/// truncated results behind: Dispose without Commit deletes the temporary file. A target that
/// exists and is not a regular file (a device, a FIFO, a folder) is refused before anything is
/// written (<see cref="FileKind"/>). Temporary files left by a run killed outright (kill -9, power
/// loss) are deleted by the next write to the same target once <see cref="StaleAfter"/> old.
/// </summary>
public sealed partial class AtomicFile : IDisposable
{
    /// <summary>A temporary file this old is a dead run's, never a live one's (which writes as it goes).</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromHours(1);

    private readonly string _temp;
    private bool _committed;

    public string Path { get; }
    public FileStream Stream { get; }

    private AtomicFile(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        FileKind.CheckOutput("output", Path);
        var dir = System.IO.Path.GetDirectoryName(Path)!;
        var name = System.IO.Path.GetFileName(Path);
        RemoveStale(dir, name);
        _temp = System.IO.Path.Combine(dir, $".{name}.{Guid.NewGuid():N}.tmp");
        // Read as well as write: a zip package (xlsx) reads back what it has written.
        Stream = new FileStream(_temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16);
    }

    public static AtomicFile Create(string path) => new(path);

    /// <summary>Writes the whole file at once.</summary>
    public static void WriteAllText(string path, string text) =>
        Write(path, s =>
        {
            using var w = new StreamWriter(s, new System.Text.UTF8Encoding(false), 1 << 16, leaveOpen: true);
            w.Write(text);
        });

    /// <summary>Writes the whole file at once from bytes.</summary>
    public static void WriteAllBytes(string path, ReadOnlySpan<byte> bytes)
    {
        using var f = Create(path);
        f.Stream.Write(bytes);
        f.Commit();
    }

    /// <summary>The file written by <paramref name="write"/>, put in place only when it returns.</summary>
    public static void Write(string path, Action<Stream> write)
    {
        using var f = Create(path);
        write(f.Stream);
        f.Commit();
    }

    /// <summary>Flushes to disk and puts the file in place.</summary>
    public void Commit()
    {
        Stream.Flush(flushToDisk: true);
        Stream.Dispose();
        // Checked again: the target may have been swapped for a device or FIFO while the run worked.
        FileKind.CheckOutput("output", Path);
        File.Move(_temp, Path, overwrite: true);
        _committed = true;
    }

    public void Dispose()
    {
        Stream.Dispose();
        if (!_committed) try { File.Delete(_temp); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    [GeneratedRegex("^\\.(?<name>.+)\\.[0-9a-f]{32}\\.tmp$")]
    private static partial Regex TempName();

    /// <summary>Deletes this target's temporary files older than <see cref="StaleAfter"/> (only regular files).</summary>
    public static int RemoveStale(string dir, string name)
    {
        var removed = 0;
        try
        {
            foreach (var f in Directory.EnumerateFiles(dir, $".{name}.*.tmp"))
            {
                var m = TempName().Match(System.IO.Path.GetFileName(f));
                if (!m.Success || m.Groups["name"].Value != name || FileKind.Of(f) != PathKind.Regular) continue;
                var info = new FileInfo(f);
                if (info.LinkTarget is not null || DateTime.UtcNow - info.LastWriteTimeUtc < StaleAfter) continue;
                try { info.Delete(); removed++; } catch (IOException) { } catch (UnauthorizedAccessException) { }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        return removed;
    }
}
