using LocalOffer.Core;
using LocalOffer.Offers.Policy;
using LocalOffer.Offers.Render;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.FileProviders;

namespace LocalOffer.Web;

/// <summary>
/// The personal adviser web app and JSON API. Binds to 127.0.0.1 unless told otherwise; keeps no
/// personal data (nothing is written to disk, request bodies are never logged, logging stays at
/// Warning); limits request bodies; sends strict security headers; uses antiforgery on forms.
/// </summary>
public static class WebApp
{
    public const string DefaultUrl = "http://127.0.0.1:5080";
    public const long MaxBodyBytes = WebLimits.MaxBodyBytes;

    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        // The rules and templates load alongside the host's start-up, on the other core (issue 30).
        var loaded = new LoadedOnce();
        _ = loaded.Start();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
            builder.WebHost.UseUrls(DefaultUrl);
        builder.WebHost.ConfigureKestrel(k => WebLimits.Apply(k.Limits));
        builder.Services.Configure<FormOptions>(f =>
        {
            f.MultipartBodyLengthLimit = MaxBodyBytes;
            f.ValueCountLimit = WebLimits.MaxFormFields;
            f.ValueLengthLimit = WebLimits.MaxFormValueBytes;
            f.KeyLengthLimit = WebLimits.MaxFormKeyBytes;
            // Every upload stays in memory (issue 24, item 5): never buffered to a temporary file.
            f.MemoryBufferThreshold = (int)MaxBodyBytes + 1;
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // A flood past the connection limit would write one warning per refused socket: errors only.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Server.Kestrel.Connections", LogLevel.Error);
        builder.Services.AddSingleton(_ => loaded.Rules);
        builder.Services.AddSingleton(_ => loaded.Catalog);
        builder.Services.AddSingleton(_ => loaded.Templates);
        // Keys for antiforgery live in memory only: nothing is written to disk.
        builder.Services.AddDataProtection().UseEphemeralDataProtectionProvider();
        builder.Services.AddAntiforgery(o => { o.Cookie.Name = "localoffer-af"; o.FormFieldName = "__af"; });
        // A problem body never carries internals (no exception text, no stack), whatever the environment.
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
        {
            if (c.ProblemDetails.Status >= 500) { c.ProblemDetails.Detail = "Something went wrong on the server. Nothing was kept."; c.ProblemDetails.Extensions.Remove("exception"); }
        });
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<LocalOffer.Web.Journey.JourneyStore>();
        builder.Services.AddSingleton<LocalOffer.Web.Journey.JourneyContext>();
        builder.Services.AddOpenApi();
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseSecurityHeaders();
        // Errors Kestrel raises while a body is read (too large, too slow) keep their status (413, 408)
        // instead of becoming a 500; anything else unexpected is a 500 problem without internals.
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = e => e is BadHttpRequestException b ? b.StatusCode
                : e is InvalidDataException ? StatusCodes.Status400BadRequest : StatusCodes.Status500InternalServerError,
        });
        app.UseStatusCodePages();
        app.Use(async (context, next) =>
        {
            // Refuse oversize bodies up front, whatever server is underneath (Kestrel also enforces it).
            if (context.Request.ContentLength > MaxBodyBytes && context.Request.Path == "/check/upload")
            {
                // A person uploading a file reads a GOV.UK error on the page, not a problem document.
                context.Response.StatusCode = StatusCodes.Status303SeeOther;
                context.Response.Headers.Location = "/check/upload?error=too-large";
                return;
            }
            // The caseload and audit pages take a council's SSDA903 return: their own, larger limit (CaseloadLimits).
            var upload = (context.Request.Path == "/caseload" || context.Request.Path == "/audit")
                && HttpMethods.IsPost(context.Request.Method);
            var limit = upload ? LocalOffer.Web.Caseload.CaseloadLimits.MaxUploadBytes : MaxBodyBytes;
            if (context.Request.ContentLength > limit && limit != MaxBodyBytes)
            {
                context.Response.StatusCode = StatusCodes.Status303SeeOther;
                context.Response.Headers.Location = context.Request.Path + "?error=too-large";
                return;
            }
            if (context.Request.ContentLength > limit)
            {
                await Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request body too large",
                    detail: $"The limit is {MaxBodyBytes:N0} bytes.").ExecuteAsync(context);
                return;
            }
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } max) max.MaxRequestBodySize = limit;
            await next();
        });
        var assets = GovukFrontend.Directory();
        app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(Path.Combine(assets, "assets")), RequestPath = "/assets" });
        // GDS Transport is for GOV.UK only: the stylesheet is served in the system font (SystemFont).
        var css = SystemFont.Apply(File.ReadAllText(Path.Combine(assets, "govuk-frontend.min.css")));
        app.MapGet("/assets/govuk-frontend.min.css", () => Results.Text(css, "text/css")).ExcludeFromDescription();
        app.MapGet("/assets/localoffer.css", () => Results.Text(SitePublisher.SiteCss, "text/css")).ExcludeFromDescription();
        app.UseFormContentType();
        app.UseAntiforgery();
        app.MapOpenApi();
        ApiEndpoints.Map(app);
        LocalOffer.Web.Journey.WebAssets.Map(app);
        LocalOffer.Web.Journey.JourneyEndpoints.Map(app);
        LocalOffer.Web.Journey.YoursPdf.Map(app);
        LocalOffer.Web.Caseload.CaseloadEndpoints.Map(app);
        LocalOffer.Web.Audit.AuditEndpoints.Map(app);
        PageEndpoints.Map(app);
        CompareEndpoints.Map(app);
        return app;
    }
}
