using System.Text;

namespace LocalOffer.Batch.Input;

/// <summary>
/// Opens an input file as UTF-8 text, with or without a byte order mark. A UTF-16 or UTF-32 file
/// (by its mark, or by NUL bytes in its first block) gets a clear error instead of garbage.
/// </summary>
public static class InputFile
{
    public static TextReader OpenText(string path) =>
        new StreamReader(OpenStream(path), new UTF8Encoding(false, throwOnInvalidBytes: false), detectEncodingFromByteOrderMarks: true, 1 << 16);

    /// <summary>The file as a byte stream, after checking it is not UTF-16.</summary>
    public static Stream OpenStream(string path)
    {
        if (!File.Exists(path)) throw new UnreadableInputException($"{path}: file not found");
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        Span<byte> head = stackalloc byte[512];
        var n = stream.Read(head);
        head = head[..n];
        stream.Position = 0;
        if (n >= 2 && (head[0] == 0xFF && head[1] == 0xFE || head[0] == 0xFE && head[1] == 0xFF) || head.IndexOf((byte)0) >= 0)
        {
            stream.Dispose();
            throw new UnreadableInputException($"{path}: the file is UTF-16 (or binary), not UTF-8 text; save it as UTF-8 CSV and run again");
        }
        return stream;
    }
}
