namespace LocalOffer.Core.Safety;

/// <summary>
/// Opens files that are inputs: only regular files, never a FIFO, a device or a folder (a FIFO
/// hangs a run and /dev/zero linked as an input eats memory). .NET does not expose the file type,
/// so a file the system reports as zero bytes long (FIFOs, sockets and devices all are) is refused
/// before it is opened: an empty input is an error anyway.
/// </summary>
public static class InputFiles
{
    /// <summary>The file's length, after checking it is a regular, non-empty file no bigger than the cap.</summary>
    public static long CheckRegular(string path, long maxBytes = long.MaxValue)
    {
        if (Directory.Exists(path)) throw new InputFileException($"{path}: is a folder, not a file");
        var info = new FileInfo(path);
        if (!info.Exists) throw new InputFileException($"{path}: file not found");
        if (info.LinkTarget is not null)
        {
            // A link's own size is the length of the name it points to: look at what it points to.
            if (info.ResolveLinkTarget(returnFinalTarget: true) is not FileInfo { Exists: true } target)
                throw new InputFileException($"{path}: a link to something that is not a file");
            info = target;
        }
        if (info.Length == 0) throw new InputFileException($"{path}: empty, or not a regular file (a pipe or a device)");
        if (info.Length > maxBytes) throw new InputFileException($"{path}: {info.Length:N0} bytes, more than the limit of {maxBytes:N0}");
        return info.Length;
    }

    /// <summary>A regular file's bytes, checked as UTF-8 text.</summary>
    public static byte[] ReadUtf8(string path, long maxBytes)
    {
        var length = CheckRegular(path, maxBytes);
        // Read no more than the size checked (plus one byte, to notice a file that grew): never to EOF.
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        var buffer = new byte[length + 1];
        var n = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        if (n > length) throw new InputFileException($"{path}: the file changed while it was read; run again");
        var bytes = buffer.AsSpan(0, n).ToArray();
        if (!System.Text.Unicode.Utf8.IsValid(bytes))
            throw new InputFileException($"{path}: not UTF-8 text (saved as Latin-1 or Windows-1252?); save it as UTF-8 and run again");
        return bytes;
    }
}

/// <summary>An input file that cannot be used at all (not a regular file, too big, not UTF-8): exit code 2.</summary>
public sealed class InputFileException(string message) : Exception(message);
