using LocalOffer.Offers.Lint;
using LocalOffer.Offers.Policy;
using LocalOffer.Offers.Render;
using LocalOffer.Offers.Theme;
using NodaTime;

namespace LocalOffer.Offers.Tests;

/// <summary>
/// Issue 26: a council's own branding (rules/councils/&lt;id&gt;/theme/), rendered in the same sandbox,
/// checked by lint (contrast, logo, markup), and unable to remove the skip link, who to contact first
/// or the accessibility statement. The theme here is a test's, on a copy of a shipped council.
/// </summary>
public sealed class ThemeTests : IDisposable
{
    private readonly string _councils = Directory.CreateTempSubdirectory("themed-").FullName;
    private string Theme => Path.Combine(_councils, "rutland", "theme");

    private const string Yaml = """
        source: https://example.org/brand
        accessibility_statement: https://example.org/accessibility
        colours:
          header_background: "#1d4f2a"
          header_text: "#ffffff"
          footer_background: "#f3f2f1"
          footer_text: "#0b0c0c"
        logo: logo.svg
        logo_alt: Test Council
        """;

    private const string Logo = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 20"><title>Test</title><rect width="100" height="20" fill="#1d4f2a"/></svg>""";

    public ThemeTests()
    {
        Copy(Path.Combine(Fixture.RepoRoot(), "rules", "councils", "rutland"), Path.Combine(_councils, "rutland"));
        Directory.CreateDirectory(Theme);
        Write("theme.yaml", Yaml);
        Write("logo.svg", Logo);
        Write("header.sbn-html", "<p class=\"govuk-body-s\"><a class=\"govuk-link\" href=\"https://example.org\">{{ site.councilName }} home</a></p>\n");
        Write("footer.sbn-html", "<p class=\"govuk-body-s\">Run by {{ site.councilName }}</p>\n");
    }

    public void Dispose() => Directory.Delete(_councils, true);

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var f in Directory.GetFiles(from)) File.Copy(f, Path.Combine(to, Path.GetFileName(f)));
    }

    private void Write(string name, string text) => File.WriteAllText(Path.Combine(Theme, name), text);

    private OfferCatalog Catalog() => OfferCatalog.Load(_councils, Fixture.Core, Path.Combine(Fixture.RepoRoot(), "rules", "national-contacts.yaml"));

    private List<Finding> ThemeFindings() => Catalog().Findings.Where(f => f.File.StartsWith(Theme, StringComparison.Ordinal)).ToList();

    private List<(string File, string Text)> Pages(OfferCatalog? catalog = null) =>
        new SitePublisher(Fixture.Core, Fixture.Templates).Pages((catalog ?? Catalog()).Find("rutland")!, new LocalDate(2026, 11, 22));

    [Fact]
    public void A_theme_brands_the_header_and_footer_and_keeps_the_pages_own_parts()
    {
        ThemeFindings().Should().BeEmpty();
        foreach (var (file, text) in Pages().Where(p => p.File.EndsWith(".html")))
        {
            text.Should().Contain(".lo-theme-header{background:#1d4f2a;color:#ffffff}", file);
            text.Should().Contain("<img class=\"lo-theme-logo\" src=\"data:image/svg+xml;base64,", file).And.Contain("alt=\"Test Council\"");
            text.Should().Contain("Rutland County Council home</a>", file).And.Contain("<p class=\"govuk-body-s\">Run by Rutland County Council</p>");
            text.Should().Contain("<footer class=\"govuk-footer lo-theme-footer\">", file);
            ThemeLint.Missing(text, CouncilTheme.Load(Path.Combine(_councils, "rutland")).Theme!).Should().BeEmpty(file);
            text.Should().Contain("href=\"https://example.org/accessibility\">Accessibility statement</a>", file);
        }
    }

    [Fact]
    public void Text_without_enough_contrast_is_a_lint_error_and_the_default_look_is_kept()
    {
        Write("theme.yaml", Yaml.Replace("header_text: \"#ffffff\"", "header_text: \"#5a8a66\""));
        var f = ThemeFindings().Should().ContainSingle().Which;
        f.Severity.Should().Be(Severity.Error);
        f.Message.Should().Contain("contrast").And.Contain("4.5:1");
        f.Line.Should().Be(5, "the header_text line");
        Pages().Should().OnlyContain(p => !p.Text.Contains("lo-theme"));
    }

    [Theory]
    [InlineData("logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>", "element <script>")]
    [InlineData("logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>", "event attribute")]
    [InlineData("logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><foreignObject/></svg>", "foreignObject")]
    [InlineData("logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><use href=\"https://evil.example/x.svg#a\"/></svg>", "inside the drawing")]
    [InlineData("logo.svg", "<!DOCTYPE svg [<!ENTITY x \"y\">]><svg/>", "not well-formed")]
    [InlineData("logo.gif", "GIF89a", "must be an .svg or a .png")]
    [InlineData("logo.png", "not a png at all, just text", "is not a PNG")]
    public void A_logo_must_be_a_small_svg_without_script_or_a_png(string name, string content, string problem)
    {
        Write("theme.yaml", Yaml.Replace("logo: logo.svg", $"logo: {name}"));
        if (name != "logo.svg") File.Delete(Path.Combine(Theme, "logo.svg"));
        Write(name, content);
        ThemeFindings().Should().Contain(f => f.Message.Contains(problem));
    }

    [Fact]
    public void A_logo_too_big_in_bytes_or_pixels_is_refused()
    {
        Write("logo.svg", Logo.Replace("<title>Test</title>", "<desc>" + new string('x', CouncilTheme.MaxLogoBytes) + "</desc>"));
        ThemeFindings().Should().Contain(f => f.Message.Contains("a logo is limited to"));
        File.Delete(Path.Combine(Theme, "logo.svg"));
        Write("theme.yaml", Yaml.Replace("logo: logo.svg", "logo: logo.png"));
        var png = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R', 0, 0, 0x0F, 0xA0, 0, 0, 0, 100 };
        File.WriteAllBytes(Path.Combine(Theme, "logo.png"), png);
        ThemeFindings().Should().Contain(f => f.Message.Contains("4000x100 pixels"));
    }

    [Theory]
    [InlineData("<script>alert(1)</script>", "element <script>")]
    [InlineData("<style>.govuk-skip-link{display:none}</style>", "element <style>")]
    [InlineData("<div class=\"govuk-visually-hidden\">", "never closed")]
    [InlineData("</header><main>", "element <header>")]
    [InlineData("</p>", "closes nothing")]
    [InlineData("<p onclick=\"x()\">a</p>", "attribute onclick")]
    [InlineData("<p style=\"display:none\">a</p>", "attribute style")]
    [InlineData("<a href=\"javascript:alert(1)\">a</a>", "href must be")]
    [InlineData("<a href={{ site.home }}>a</a>", "must be in quotes")]
    [InlineData("<!-- hide the rest", "'<'")]
    [InlineData("<a class=\"govuk-skip-link\" href=\"#x\">Skip</a>", "skip link")]
    public void A_theme_template_cannot_hide_or_replace_the_pages_own_parts(string header, string problem)
    {
        Write("header.sbn-html", header);
        var f = ThemeFindings();
        f.Should().Contain(x => x.Message.Contains(problem) && x.File.EndsWith("header.sbn-html"));
        Pages().Should().OnlyContain(p => !p.Text.Contains("lo-theme"), "a theme with errors is not used");
    }

    [Fact]
    public void A_theme_template_that_runs_away_is_named_by_file_line_and_column()
    {
        Write("footer.sbn-html", "<p>ok</p>\n<p>{{ for i in 1..2000000 }}{{ i }}{{ end }}</p>\n");
        var f = ThemeFindings().Should().ContainSingle().Which;
        f.File.Should().Be(Path.Combine(Theme, "footer.sbn-html"));
        (f.Line, f.Column).Should().Be((2, 17));
        f.Message.Should().ContainEquivalentOf("limit");
    }

    [Fact]
    public void Council_text_in_a_theme_template_is_escaped()
    {
        foreach (var yaml in Directory.GetFiles(Path.Combine(_councils, "rutland"), "council.yaml"))
            File.WriteAllText(yaml, File.ReadAllText(yaml).Replace("name: Rutland County Council", "name: \"Rutland <script>x</script>\""));
        var index = Pages().Single(p => p.File == "index.html").Text;
        index.Should().NotContain("<script>x").And.Contain("Rutland &lt;script&gt;x&lt;/script&gt; home</a>");
    }

    [Fact]
    public void No_shipped_council_has_a_theme_with_findings()
    {
        Fixture.Catalog.Findings.Where(f => f.File.Contains($"{Path.DirectorySeparatorChar}theme{Path.DirectorySeparatorChar}")).Should().BeEmpty();
    }
}
