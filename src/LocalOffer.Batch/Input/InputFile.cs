using System.Text;
using LocalOffer.Core.Safety;

namespace LocalOffer.Batch.Input;

/// <summary>
/// Opens an input file as UTF-8 text, with or without a byte order mark. Only a regular file is
/// opened (<see cref="InputFiles"/>); a UTF-16 or UTF-32 file (by its mark, or by NUL bytes in its
/// first block) gets a clear error instead of garbage, and any byte that is not UTF-8 stops the run
/// (<see cref="Utf8CheckingStream"/>) rather than being replaced, which could merge two children.
/// </summary>
public static class InputFile
{
    public static TextReader OpenText(string path) =>
        new StreamReader(OpenStream(path), new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: false, 1 << 16);

    /// <summary>The file as a byte stream, after checking it is a regular file and not UTF-16.</summary>
    public static Stream OpenStream(string path)
    {
        try
        {
            InputFiles.CheckRegular(path);
        }
        catch (InputFileException e)
        {
            throw new UnreadableInputException(e.Message);
        }
        return Checked(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan), path);
    }

    public static TextReader OpenText(InputSource source) =>
        new StreamReader(source.Open(), new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: false, 1 << 16);

    /// <summary>A seekable stream refused if it is UTF-16 (or binary), and checked as UTF-8 as it is read.</summary>
    public static Stream Checked(Stream stream, string path)
    {
        Span<byte> head = stackalloc byte[512];
        var n = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        head = head[..n];
        stream.Position = 0;
        if (n >= 2 && (head[0] == 0xFF && head[1] == 0xFE || head[0] == 0xFE && head[1] == 0xFF) || head.IndexOf((byte)0) >= 0)
        {
            stream.Dispose();
            throw new UnreadableInputException($"{path}: the file is UTF-16 (or binary), not UTF-8 text; save it as UTF-8 CSV and run again");
        }
        return new Utf8CheckingStream(stream);
    }
}
