using System.Text;

namespace LocalOffer.Web;

/// <summary>Reads a request body as text up to the limit, so a body without Content-Length cannot grow without bound.</summary>
public static class BodyReader
{
    public static async Task<string?> ReadLimitedAsync(HttpRequest request, long limit)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var buffer = new char[8192];
        var text = new StringBuilder();
        int n;
        while ((n = await reader.ReadAsync(buffer)) > 0)
        {
            text.Append(buffer, 0, n);
            if (text.Length > limit) return null;
        }
        return text.ToString();
    }
}
