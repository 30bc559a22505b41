using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Playwright;

namespace LocalOffer.Web.Tests;

/// <summary>
/// Issue 27: the Browser app starts offline after its first visit. The published site is served from
/// a server of this test's own, visited once (its service worker caches the app's files), then the
/// server is stopped and the browser put offline: the app must still start, on any of its addresses.
/// </summary>
[Trait(Lane.Key, Lane.Slow), Trait(Lane.Category, Lane.Browser)]
public sealed class OfflineBrowserSiteTests(StaticSite site) : IClassFixture<StaticSite>
{
    private static async Task<(WebApplication App, string Url)> Serve()
    {
        var root = Path.Combine(StaticSite.Folder, "wwwroot");
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var files = new PhysicalFileProvider(root);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files, ServeUnknownFileTypes = true });
        app.MapFallback(async c => { c.Response.ContentType = "text/html"; await c.Response.SendFileAsync(Path.Combine(root, "index.html")); });
        await app.StartAsync();
        return (app, app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    [Fact]
    public async Task The_app_starts_with_the_network_off_after_its_first_visit()
    {
        var (app, url) = await Serve();
        var context = await site.Browser.NewContextAsync();
        try
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync(url + "/");
            await page.WaitForSelectorAsync("#privacy", new PageWaitForSelectorOptions { Timeout = 60_000 });
            // The service worker has installed (every file cached) and controls the page.
            await page.EvaluateAsync("""
                async () => {
                  const late = new Promise((_, no) => setTimeout(() => no(new Error('no service worker after 60 s')), 60000));
                  await Promise.race([navigator.serviceWorker.ready, late]);
                  if (!navigator.serviceWorker.controller)
                    await Promise.race([new Promise(r => navigator.serviceWorker.addEventListener('controllerchange', r)), late]);
                }
                """);
            await page.CloseAsync();

            await app.StopAsync(); // the network is off: nothing answers at the site's address
            await context.SetOfflineAsync(true);
            foreach (var path in new[] { "/", "/check" })
            {
                var offline = await context.NewPageAsync();
                await offline.GotoAsync(url + path);
                await offline.WaitForSelectorAsync("#privacy", new PageWaitForSelectorOptions { Timeout = 60_000 });
                (await offline.TextContentAsync("h1")).Should().NotBeNullOrWhiteSpace(path);
                await offline.CloseAsync();
            }
        }
        finally
        {
            await context.CloseAsync();
            await app.DisposeAsync();
        }
    }
}
