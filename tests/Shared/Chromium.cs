using Microsoft.Playwright;

namespace LocalOffer.Tests.Shared;

/// <summary>Headless Debian Chromium for browser tests (never a downloaded browser). Linked into the browser test projects.</summary>
public static class Chromium
{
    /// <summary>
    /// Debian's chromium-headless-shell when installed (scripts/setup.sh installs it), else Debian's chromium;
    /// LOCALOFFER_CHROMIUM overrides both. The headless shell is the same Chromium release from the same Debian
    /// source package, built without the desktop browser around Blink, and is what Playwright itself runs for
    /// headless tests. Each new page cost about 0.2 s of CPU in it against 0.65 s in the full browser, and the
    /// web app's tests took 179 s of CPU against 297 s (issue 30, measured whole in a cgroup).
    /// </summary>
    public static string Path => Environment.GetEnvironmentVariable("LOCALOFFER_CHROMIUM") is { Length: > 0 } set ? set
        : File.Exists(HeadlessShell) ? HeadlessShell : "/usr/bin/chromium";

    private const string HeadlessShell = "/usr/bin/chromium-headless-shell";

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        Lane.RequireSlow("Chromium launched");
        return playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Path,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        });
    }
}
