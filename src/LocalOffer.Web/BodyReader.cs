using System.Text;

namespace LocalOffer.Web;

/// <summary>
/// Reads a request body as UTF-8 text up to the limit, so a body without Content-Length (chunked)
/// cannot grow without bound. Bytes that are not UTF-8 are refused, not replaced.
/// </summary>
public static class BodyReader
{
    public enum Failure { None, TooLarge, NotUtf8 }

    public static async Task<(string? Text, Failure Failure)> ReadLimitedAsync(HttpRequest request, long limit)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int n;
        while ((n = await request.Body.ReadAsync(chunk)) > 0)
        {
            if (buffer.Length + n > limit) return (null, Failure.TooLarge);
            buffer.Write(chunk, 0, n);
        }
        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        if (!System.Text.Unicode.Utf8.IsValid(bytes)) return (null, Failure.NotUtf8);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) bytes = bytes[3..];
        return (Encoding.UTF8.GetString(bytes), Failure.None);
    }
}
