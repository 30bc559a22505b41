using System.Security.Cryptography;
using Microsoft.AspNetCore.WebUtilities;

namespace LocalOffer.Web.Journey;

/// <summary>
/// The browser session the journey's answers are bound to (issue 24, item 6): a random id in an
/// HttpOnly, SameSite=Strict cookie with no expiry (gone when the browser closes). A handle copied
/// from a URL (browser history, a log, a process list) is useless in another browser, since the
/// answers are encrypted under this id and kept only for it (<see cref="JourneyStore"/>).
/// </summary>
public static class JourneySession
{
    public const string Cookie = "localoffer-session";

    /// <summary>The request's session id, or null when it has none (or a malformed one).</summary>
    public static string? Current(HttpContext http) =>
        http.Items[Cookie] as string
        ?? (http.Request.Cookies[Cookie] is { Length: 43 } id && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
            ? id : null);

    /// <summary>The request's session id, made (and set as a cookie on the response) when it has none.</summary>
    public static string Ensure(HttpContext http)
    {
        if (Current(http) is { } id) return id;
        id = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        http.Items[Cookie] = id;
        http.Response.Cookies.Append(Cookie, id, new CookieOptions
        {
            HttpOnly = true, SameSite = SameSiteMode.Strict, Path = "/", Secure = http.Request.IsHttps, IsEssential = true,
        });
        return id;
    }
}
