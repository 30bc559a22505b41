using Microsoft.Playwright;

namespace LocalOffer.Tests.Shared;

/// <summary>Headless Debian Chromium for browser tests (never a downloaded browser). Linked into the browser test projects.</summary>
public static class Chromium
{
    public static Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        Lane.RequireSlow("Chromium launched");
        return playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("LOCALOFFER_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        });
    }
}
