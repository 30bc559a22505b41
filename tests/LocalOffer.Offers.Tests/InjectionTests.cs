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
}
