namespace LocalOffer.Core.Safety;

/// <summary>
/// Where a report of several files (`indicators`, `whatif`) may be written, as publish decides (issue 24,
/// item 3): never one of the run's inputs, the root of the file system or a file; a folder holding anything
/// else only when it is an earlier report of the same kind (its marker file) or with --force; each output file absent or a regular
/// file (never a device or FIFO). Nothing is deleted: files of the report are replaced, others left alone.
/// </summary>
public static class ReportFolder
{
    /// <param name="given">The folder as the user gave it (named in messages).</param>
    /// <param name="marker">The file that marks an earlier report of this kind (".localoffer-whatif").</param>
    /// <param name="what">The kind of report, in words ("indicators report").</param>
    /// <param name="inputs">The run's input files: no output may be one of them.</param>
    public static void Check(string given, string marker, IReadOnlyList<string> files, bool force, string what,
        IEnumerable<string?> inputs)
    {
        var outDir = Path.GetFullPath(given);
        var read = inputs.OfType<string>().Select(Path.GetFullPath).ToHashSet();
        foreach (var f in files)
            if (read.Contains(Path.Combine(outDir, f)))
                throw new OutputPathException(
                    $"{Path.Combine(outDir, f)} is an input file: choose another --out folder (outputs never overwrite inputs)");
        var dir = Path.TrimEndingDirectorySeparator(OutputPaths.Real(Path.GetFullPath(given)));
        if (Path.GetPathRoot(dir) is { } root && Path.TrimEndingDirectorySeparator(root) == dir)
            throw new OutputPathException($"--out {given}: refusing to write into the root of the file system");
        var kind = FileKind.Of(dir);
        if (kind is PathKind.Regular or PathKind.Other)
            throw new OutputPathException($"--out: {given} is a file, not a folder");
        if (kind == PathKind.Folder && !force && !File.Exists(Path.Combine(dir, marker))
            && Directory.EnumerateFileSystemEntries(dir).Any())
            throw new OutputPathException($"--out {given} holds other files and is not an earlier {what} " +
                $"(no {marker} in it): give a new or empty folder, or --force to write into it");
        foreach (var f in files.Append(marker)) FileKind.CheckOutput("--out", Path.Combine(dir, f));
    }
}
