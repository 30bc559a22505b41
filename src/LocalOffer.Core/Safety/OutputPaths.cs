namespace LocalOffer.Core.Safety;

/// <summary>
/// Checks output paths before any work starts: an output is never an input, never another output
/// of the same run, never a folder, device, FIFO or socket (only a regular file or nothing is
/// replaced), and its folder exists and can be written to. Paths are
/// compared after resolving links, so a link to an input is the input.
/// </summary>
public static class OutputPaths
{
    /// <summary>Throws <see cref="OutputPathException"/> naming the first problem.</summary>
    public static void Check(IReadOnlyList<(string Option, string Path)> outputs, IEnumerable<string> inputs)
    {
        var ins = inputs.Select(Real).ToList();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (option, path) in outputs)
        {
            var real = Real(path);
            if (ins.Contains(real)) throw new OutputPathException($"{option} {path} is one of the input files: refusing to overwrite it");
            if (seen.TryGetValue(real, out var other)) throw new OutputPathException($"{option} {path} is the same file as {other}: give two different files");
            seen[real] = option;
            if (Directory.Exists(real)) throw new OutputPathException($"{option} {path} is a folder: give a file name");
            FileKind.CheckOutput(option, path);
            CheckWritableFolder(option, Path.GetDirectoryName(real)!);
        }
    }

    /// <summary>The folder exists, is a folder and can be written to (a file is created and deleted to find out).</summary>
    public static void CheckWritableFolder(string option, string dir)
    {
        if (File.Exists(dir)) throw new OutputPathException($"{option}: {dir} is a file, not a folder");
        if (!Directory.Exists(dir)) throw new OutputPathException($"{option}: folder {dir} does not exist");
        var probe = Path.Combine(dir, $".localoffer-probe-{Guid.NewGuid():N}");
        try
        {
            using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose)) { }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OutputPathException($"{option}: cannot write in folder {dir} ({e.GetType().Name.Replace("Exception", "")})");
        }
    }

    /// <summary>The full path with links resolved (the file itself or, when it does not exist yet, its folder).</summary>
    public static string Real(string path)
    {
        var full = Path.GetFullPath(path);
        try
        {
            if (new FileInfo(full).ResolveLinkTarget(returnFinalTarget: true) is { } target) return target.FullName;
            var dir = Path.GetDirectoryName(full);
            if (dir is not null && new DirectoryInfo(dir).ResolveLinkTarget(returnFinalTarget: true) is { } d)
                return Path.Combine(d.FullName, Path.GetFileName(full));
        }
        catch (IOException) { }
        return full;
    }
}

/// <summary>An output path that cannot be used: exit code 2 before anything is read.</summary>
public sealed class OutputPathException(string message) : Exception(message);
