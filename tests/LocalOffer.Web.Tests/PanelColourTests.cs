using System.Text.RegularExpressions;
using LocalOffer.Web.Journey;

namespace LocalOffer.Web.Tests;

/// <summary>
/// Issue 28: one outcome, one colour: the Browser app's panel colours are the web app's; and the few rules of
/// the site's stylesheet the Browser app's pages (Your support, the offer, the audit report) need are the same.
/// </summary>
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

    private static Dictionary<string, string> Site(string css) =>
        Regex.Matches(css, @"^\s*\.(lo-(?:scroll|line|first-contact))\s*\{([^}]*)\}", RegexOptions.Multiline)
            .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value.Trim());

    [Fact]
    public void The_browser_apps_copy_of_the_sites_rules_is_the_sites()
    {
        var browser = File.ReadAllText(Path.Combine(TestPaths.RepoRoot(), "src", "LocalOffer.Browser", "wwwroot", "css", "app.css"));
        var site = Site(LocalOffer.Offers.Render.SitePublisher.SiteCss);
        site.Keys.Should().BeEquivalentTo(["lo-scroll", "lo-line", "lo-first-contact"]);
        Site(browser).Should().BeEquivalentTo(site);
    }
}
