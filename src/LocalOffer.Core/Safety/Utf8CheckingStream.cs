using System.Text.Unicode;

namespace LocalOffer.Core.Safety;

/// <summary>
/// A read-only stream that checks, as it is read, that the bytes are valid UTF-8, and throws
/// <see cref="InvalidUtf8Exception"/> at the first bad byte. Without it a Latin-1 "Zoé" turns into
/// U+FFFD and two different children can end up with the same id. A sequence split across two
/// reads is held back until its last byte arrives, so the check is exact at any buffer size.
/// </summary>
public sealed class Utf8CheckingStream(Stream inner) : Stream
{
    private readonly byte[] _carry = new byte[4];
    private int _carried;
    private long _offset; // bytes checked before _carry

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = inner.Read(buffer);
        Check(buffer[..n], final: n == 0);
        return n;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default)
    {
        var n = await inner.ReadAsync(buffer, ct);
        Check(buffer.Span[..n], final: n == 0);
        return n;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken ct) =>
        ReadAsync(buffer.AsMemory(offset, count), ct).AsTask();

    private void Check(ReadOnlySpan<byte> bytes, bool final)
    {
        if (final)
        {
            if (_carried > 0) throw new InvalidUtf8Exception(_offset);
            return;
        }
        // Finish a sequence left over from the last read, one byte at a time.
        while (_carried > 0 && bytes.Length > 0)
        {
            _carry[_carried++] = bytes[0];
            bytes = bytes[1..];
            var need = SequenceLength(_carry[0]);
            if (_carried < need) continue;
            if (!Utf8.IsValid(_carry.AsSpan(0, _carried))) throw new InvalidUtf8Exception(_offset);
            _offset += _carried;
            _carried = 0;
        }
        if (bytes.IsEmpty) return;
        // Hold back an incomplete last sequence (at most 3 bytes).
        var tail = 0;
        for (var i = bytes.Length - 1; i >= 0 && i >= bytes.Length - 3; i--)
        {
            if ((bytes[i] & 0xC0) == 0x80) continue; // continuation byte
            if (bytes[i] >= 0xC0 && SequenceLength(bytes[i]) > bytes.Length - i) tail = bytes.Length - i;
            break;
        }
        var body = bytes[..^tail];
        if (!Utf8.IsValid(body))
        {
            throw new InvalidUtf8Exception(_offset + FirstInvalid(body));
        }
        _offset += body.Length;
        bytes[^tail..].CopyTo(_carry);
        _carried = tail;
    }

    private static int SequenceLength(byte lead) => lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;

    private static int FirstInvalid(ReadOnlySpan<byte> bytes)
    {
        var chars = new char[bytes.Length];
        Utf8.ToUtf16(bytes, chars, out var read, out _, replaceInvalidSequences: false, isFinalBlock: true);
        return read;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _offset; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}

/// <summary>Input that is not UTF-8: the byte offset of the first bad byte.</summary>
public sealed class InvalidUtf8Exception(long offset)
    : IOException($"not UTF-8 text (first bad byte at offset {offset:N0}); save the file as UTF-8 and run again")
{
    public long Offset { get; } = offset;
}
