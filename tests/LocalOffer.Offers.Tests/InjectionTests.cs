using LocalOffer.Offers.Policy;
using LocalOffer.Offers.Render;
using NodaTime;

namespace LocalOffer.Offers.Tests;

/// <summary>Whatever a council writes renders inert: HTML is escaped, Markdown cannot smuggle HTML or script links.</summary>
public sealed class InjectionTests
{
    private static Council Hostile()
    {
        var item = new OfferItem("evil", "finances", "<script>alert('title')</script>",
            "Hello <script>alert('x')</script> <img src=x onerror=alert(1)> [click](javascript:alert(1)) [ok](https://example.org)",
            false, null, Eligibility.Everyone, null, "<b>provider</b>", null, null, "<i>source</i>", 1);
        var version = new OfferVersion("offer-x.yaml", new LocalDate(2020, 1, 1), null, null, null, "<script>co</script>", null, "s", [item]);
        return new Council("evil", "Evil <script>Council</script>", null, new Dictionary<string, Contact>(), "<script>src</script>", [version], "/tmp");
    }

    [Fact]
    public void Council_text_holding_script_renders_inert_in_every_page()
    {
        var pages = new SitePublisher(Fixture.Core, Fixture.Templates).Pages(Hostile(), new LocalDate(2026, 1, 1));
        foreach (var (file, text) in pages.Where(p => p.File.EndsWith(".html")))
        {
            text.Should().NotContain("<script", file);
            text.Should().NotContain("<img", file);
            text.Should().NotContain("javascript:", file);
            text.Should().NotContain("<b>provider", file);
        }
        var finances = pages.Single(p => p.File == "finances.html").Text;
        finances.Should().Contain("&lt;script&gt;alert(");
        finances.Should().Contain("href=\"https://example.org\"");
        var md = pages.Single(p => p.File == "offer.md").Text;
        md.Should().NotContain("<script").And.Contain("&lt;script&gt;");
    }

    [Fact]
    public void Safe_markdown_keeps_formatting_and_drops_dangerous_links()
    {
        var html = SafeMarkdown.ToHtml("**bold** and [a](javascript:alert(1)) and [b](mailto:a@b.c) <em>x</em>");
        html.Should().Contain("<strong>bold</strong>").And.Contain("href=\"#\"").And.Contain("href=\"mailto:a@b.c\"").And.Contain("&lt;em&gt;");
    }

    private const string Links = "See <javascript:alert(1)> or <data:text/html,<b>x</b>> or <VBScript:msgbox(1)> or [x](javascript:alert(2))" +
        " or [ref][r] or ![i](jAvAsCrIpT:alert(4)) or <https://example.org> or <help@example.org>.\n\n[r]: javascript:alert(3)\n";

    private static Council WithLinks()
    {
        var item = new OfferItem("links", "finances", "Links", Links, false, null, Eligibility.Everyone, null, "p", null, null, "s", 1);
        var version = new OfferVersion("offer-x.yaml", new LocalDate(2020, 1, 1), null, null, null, "co", null, "s", [item]);
        return new Council("links", "Links Council", null, new Dictionary<string, Contact>(), "src", [version], "/tmp");
    }

    private static void NoScriptLinks(string text, string where)
    {
        var lower = text.ToLowerInvariant();
        foreach (var bad in new[] { "href=\"javascript:", "href=\"data:", "href=\"vbscript:", "src=\"javascript:", "](javascript:", "]: javascript:",
            "<javascript:", "<data:", "<vbscript:" })
            lower.Should().NotContain(bad, where);
    }

    [Fact]
    public void Autolinks_and_reference_links_to_scripts_are_filtered_in_every_output()
    {
        var pages = new SitePublisher(Fixture.Core, Fixture.Templates).Pages(WithLinks(), new LocalDate(2026, 1, 1));
        foreach (var (file, text) in pages) NoScriptLinks(text, file);
        var finances = pages.Single(p => p.File == "finances.html").Text;
        finances.Should().Contain("href=\"https://example.org\"").And.Contain("href=\"mailto:help@example.org\"");
        var md = pages.Single(p => p.File == "offer.md").Text;
        md.Should().Contain("[x](#)").And.Contain("https://example.org");

        var (history, _) = Fixture.Core.Reader.ReadFile(Path.Combine(Fixture.RepoRoot(), "samples", "young-people", "former-relevant.json"));
        var offer = PersonalOfferBuilder.Build(Fixture.Core.Engine.Assess(history!, new LocalDate(2026, 11, 22)), history!, WithLinks(), Fixture.Core.Law);
        foreach (var format in new[] { "html", "md", "text" })
            NoScriptLinks(new PersonalOfferRenderer(Fixture.Core, Fixture.Templates).Render(offer, format), format);
    }

    [Fact]
    public void Markdown_copy_keeps_safe_text_exactly()
    {
        SafeMarkdown.NeutraliseLinks("Call 0800 123 (9am: 5pm) or [us](https://x.org)").Should().Be("Call 0800 123 (9am: 5pm) or [us](https://x.org)");
        SafeMarkdown.NeutraliseLinks("[a](javascript:alert(1)) b").Should().Be("[a](#) b");
    }
}
