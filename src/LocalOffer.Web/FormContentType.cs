using LocalOffer.Offers.Render;
using LocalOffer.Web.Journey;
using Microsoft.AspNetCore.Antiforgery;

namespace LocalOffer.Web;

/// <summary>
/// Every page POST is a form (urlencoded or multipart). Anything else used to reach
/// <c>ReadFormAsync</c>, which throws, so it was a 500 with a stack trace in the log (issue 24, low).
/// It is refused here, before any endpoint, as a 415 GOV.UK page; the JSON API under /api has
/// its own content rules and is left alone.
/// </summary>
public static class FormContentType
{
    public static IApplicationBuilder UseFormContentType(this IApplicationBuilder app) => app.Use(Check);

    private static async Task Check(HttpContext context, Func<Task> next)
    {
        var request = context.Request;
        if (HttpMethods.IsPost(request.Method) && !request.Path.StartsWithSegments("/api")
            && context.GetEndpoint() is not null && !request.HasFormContentType)
        {
            var t = context.RequestServices.GetRequiredService<TemplateSet>();
            var af = context.RequestServices.GetRequiredService<IAntiforgery>();
            await JourneyEndpoints.Page(t, "web/not-a-form", new
            {
                site = JourneyPages.Site(context, af), pageTitle = "Sorry, that was not a form from this service",
            }, StatusCodes.Status415UnsupportedMediaType).ExecuteAsync(context);
            return;
        }
        await next();
    }
}
