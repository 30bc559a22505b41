using System.Buffers;

namespace LocalOffer.Web;

/// <summary>
/// A growing buffer of bytes on arrays borrowed from <see cref="ArrayPool{T}.Shared"/>, for an answer that must be
/// whole before it is sent (its Content-Length first). A fresh 32 KB array a check, cleared by the runtime before
/// use, was a tenth of the check's allocation (issue 30). Dispose gives the array back; nothing may read
/// <see cref="WrittenMemory"/> after.
/// </summary>
public sealed class PooledBuffer(int initialSize) : IBufferWriter<byte>, IDisposable
{
    private byte[] _array = ArrayPool<byte>.Shared.Rent(initialSize);
    private int _written;

    public ReadOnlyMemory<byte> WrittenMemory => _array.AsMemory(0, _written);
    public ReadOnlySpan<byte> WrittenSpan => _array.AsSpan(0, _written);
    public int WrittenCount => _written;

    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (_written + count > _array.Length) throw new InvalidOperationException("advanced past the buffer");
        _written += count;
    }

    // Reserve first: it may swap the array for a bigger one.
    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        var at = Reserve(sizeHint);
        return _array.AsMemory(at);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        var at = Reserve(sizeHint);
        return _array.AsSpan(at);
    }

    // Room for at least sizeHint bytes (one when 0) past what is written; the index to write at.
    private int Reserve(int sizeHint)
    {
        var need = _written + Math.Max(sizeHint, 1);
        if (need > _array.Length)
        {
            var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(need, checked(_array.Length * 2)));
            _array.AsSpan(0, _written).CopyTo(bigger);
            ArrayPool<byte>.Shared.Return(_array);
            _array = bigger;
        }
        return _written;
    }

    public void Dispose()
    {
        if (_array.Length == 0) return;
        ArrayPool<byte>.Shared.Return(_array);
        _array = [];
        _written = 0;
    }
}
