namespace LocalOffer.Web;

/// <summary>
/// Security headers on every response: a strict Content-Security-Policy (no inline script or
/// style; everything from this server only), no framing, no sniffing, no referrer.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    // Set when the response starts, so a response the exception handler rewrites (it clears the
    // headers) still carries them.
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        context.Response.OnStarting(() => { Set(context); return Task.CompletedTask; });
        Set(context);
        await next();
    });

    public const string NoCache = "no-cache, no-store";

    private static void Set(HttpContext context)
    {
        var h = context.Response.Headers;
        h.ContentSecurityPolicy = ContentSecurityPolicy;
        h.XContentTypeOptions = "nosniff";
        h.XFrameOptions = "DENY";
        h["Referrer-Policy"] = "no-referrer";
        h["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        h["Cross-Origin-Opener-Policy"] = "same-origin";
        // Pages: "no-cache, no-store" and Pragma, exactly what antiforgery sets, so it has nothing to
        // override and no longer logs a warning on every page view (issue 24, low).
        var asset = context.Request.Path.StartsWithSegments("/assets") && context.Response.StatusCode < 400;
        h.CacheControl = asset ? "public, max-age=86400" : NoCache;
        if (!asset) h.Pragma = "no-cache";
    }
}
