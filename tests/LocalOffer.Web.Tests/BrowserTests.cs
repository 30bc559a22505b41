using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LocalOffer.Web.Tests;

/// <summary>The real app on a free loopback port and one headless Debian Chromium, shared by the browser tests.</summary>
public sealed class LiveServer : IAsyncLifetime
{
    private WebApplication _app = null!;
    public string Url { get; private set; } = "";
    public IPlaywright Playwright { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _app = WebApp.Create(["--urls", "http://127.0.0.1:0"]);
        await _app.StartAsync();
        Url = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Chromium.LaunchAsync(Playwright);
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        Playwright.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

