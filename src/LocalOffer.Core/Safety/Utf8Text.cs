using System.Buffers;
using System.Text.Unicode;

namespace LocalOffer.Core.Safety;

/// <summary>
/// Bytes from an upload made into text only when they are UTF-8 (issue 24, low). Decoding with
/// replacement turns a Latin-1 "Zoé" into "Zo�", so two children could become one and a name be
/// changed without a word; every reader refuses such a file instead, naming where it first fails.
/// A UTF-8 byte order mark at the start is dropped, as the file readers do.
/// </summary>
public static class Utf8Text
{
    /// <summary>The text, or null with a message naming the line and byte where the file stops being UTF-8.</summary>
    public static (string? Text, string? Error) Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith("\uFEFF"u8)) bytes = bytes[3..];
        var chars = new char[bytes.Length];
        var status = Utf8.ToUtf16(bytes, chars, out var read, out var written, replaceInvalidSequences: false);
        if (status == OperationStatus.Done) return (new string(chars, 0, written), null);
        var line = bytes[..read].Count((byte)'\n') + 1;
        return (null, $"The selected file is not UTF-8 text (line {line:N0}, byte {read + 1:N0}); " +
            "it may have been saved as Latin-1 or Windows-1252. Save it as UTF-8 and select it again");
    }
}
