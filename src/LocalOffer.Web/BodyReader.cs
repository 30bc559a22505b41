namespace LocalOffer.Web;

/// <summary>
/// Reads a request body up to the limit, so a body without Content-Length (chunked) cannot grow without bound.
/// Bytes that are not UTF-8 are refused, not replaced; a byte order mark is left out. The bytes are read into a
/// borrowed buffer and handed on as they are (issue 30: the text made from them was only encoded back for the
/// JSON reader); the caller gives the buffer back (Dispose) when it has read them.
/// </summary>
public static class BodyReader
{
    public enum Failure { None, TooLarge, NotUtf8 }

    public static async Task<(PooledBuffer? Owner, ReadOnlyMemory<byte> Utf8, Failure Failure)> ReadLimitedAsync(
        HttpRequest request, long limit)
    {
        var buffer = new PooledBuffer(8192);
        try
        {
            int n;
            while ((n = await request.Body.ReadAsync(buffer.GetMemory(8192))) > 0)
            {
                if (buffer.WrittenCount + n > limit) return (null, default, Failure.TooLarge);
                buffer.Advance(n);
            }
            var bytes = buffer.WrittenMemory;
            if (!System.Text.Unicode.Utf8.IsValid(bytes.Span)) return (null, default, Failure.NotUtf8);
            if (bytes.Span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) bytes = bytes[3..];
            var owner = buffer;
            buffer = null;
            return (owner, bytes, Failure.None);
        }
        finally
        {
            buffer?.Dispose();
        }
    }
}
