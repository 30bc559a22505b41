using System.Text.RegularExpressions;
using LocalOffer.Web.Journey;

namespace LocalOffer.Web.Tests;

/// <summary>Issue 28: one outcome, one colour: the Browser app's panel colours are the web app's.</summary>
public sealed class PanelColourTests
{
    private static Dictionary<string, string> Rules(string css) =>
        Regex.Matches(css, @"\.(lo-panel[\w-]*)\s*\{([^}]*)\}").ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value.Trim());

    [Fact]
    public void The_browser_apps_panel_colours_are_the_web_apps()
    {
        var browser = File.ReadAllText(Path.Combine(TestPaths.RepoRoot(), "src", "LocalOffer.Browser", "wwwroot", "css", "app.css"));
        var web = Rules(WebAssets.Css);
        web.Keys.Should().Contain(["lo-panel", "lo-panel--leaver", "lo-panel--care", "lo-panel--none"]);
        Rules(browser).Should().BeEquivalentTo(web);
    }
}
