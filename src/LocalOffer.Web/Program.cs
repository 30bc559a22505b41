// The web app's own entry point (used by WebApplicationFactory in tests and `dotnet run`);
// `localoffer serve` calls the same WebApp.Create.
LocalOffer.Web.WebApp.Create(args).Run();

namespace LocalOffer.Web
{
    /// <summary>Names this assembly for WebApplicationFactory&lt;WebEntryPoint&gt;: its entry point is above.</summary>
    public sealed class WebEntryPoint;
}
