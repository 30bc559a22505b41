using System.Text.RegularExpressions;
using LocalOffer.Offers.Compare;
using LocalOffer.Offers.Policy;
using LocalOffer.Offers.Render;
using NodaTime;

namespace LocalOffer.Offers.Tests;

/// <summary>
/// Issue 26: escaping by construction. Every text of every view model is made hostile (markup, quotes
/// that would close an attribute, a script link) and every page the offers make is rendered through
/// the real templates: nothing of it may come out as markup. The only raw output is SafeHtml, made in
/// three places; a template cannot write markup any other way.
/// </summary>
public sealed class TemplateEscapingTests
{
    private const string Attack = "\"'><script>alert(1)</script><img src=x onerror=alert(2)>`=[x](javascript:alert(3))";

    private static readonly TemplateSet Hostile = new(Fixture.Templates.Directory, null, Fixture.Templates.Languages) { EveryText = s => s + Attack };

    private static void Inert(string text, string where, bool html)
    {
        text.Should().NotContain("<script", where).And.NotContain("<img", where);
        if (!html) text.Should().NotContain("](javascript:", where);
        else
        {
            // A quote from a value never closes an attribute: every attribute value is free of the attack's quote.
            Regex.IsMatch(text, "=\"[^\"]*\"'>").Should().BeFalse(where);
            // The attack's double quote, unescaped, would end an attribute just before its escaped apostrophe.
            Regex.IsMatch(text, "=\"[^\"<>]*\"&#x27;").Should().BeFalse(where);
            Regex.IsMatch(text, @"<[^>]*\son\w+=").Should().BeFalse(where);
            text.Should().NotContain("href=\"javascript:", where);
        }
    }

    public static TheoryData<string> Councils => new(Fixture.Catalog.Councils.Select(c => c.Id));

    [Theory]
    [MemberData(nameof(Councils))]
    public void Hostile_text_in_every_site_page_and_officers_page_renders_inert(string id)
    {
        var council = Fixture.Catalog.Find(id)!;
        var publisher = new SitePublisher(Fixture.Core, Hostile);
        foreach (var date in council.Versions.Select(v => v.InForceFrom).Append(new LocalDate(2026, 11, 22)))
        {
            var pages = publisher.Pages(council, date);
            pages.Should().NotBeEmpty();
            foreach (var (file, text) in pages)
            {
                text.Should().Contain("&lt;script&gt;", file);
                Inert(text, $"{id} {date} {file}", file.EndsWith(".html"));
            }
            Inert(publisher.OfficerPage(council, date, []), $"{id} sources.html", true);
        }
    }

    [Theory]
    [InlineData("html")]
    [InlineData("md")]
    [InlineData("text")]
    public void Hostile_text_in_every_personal_offer_renders_inert(string format)
    {
        foreach (var sample in Directory.GetFiles(Path.Combine(Fixture.RepoRoot(), "samples", "young-people"), "*.json"))
        {
            var (history, _) = Fixture.Core.Reader.ReadFile(sample);
            if (history is null) continue;
            var a = Fixture.Core.Engine.Assess(history, new LocalDate(2026, 11, 22));
            var offer = PersonalOfferBuilder.Build(a, history, Fixture.Catalog.Find("dfe-illustrative")!, Fixture.Core.Law);
            var text = new PersonalOfferRenderer(Fixture.Core, Hostile).Render(offer, format);
            text.Should().Contain("&lt;script&gt;");
            Inert(text, $"{Path.GetFileName(sample)} {format}", format == "html");
        }
    }

    [Fact]
    public void Hostile_text_in_the_comparison_renders_inert()
    {
        var comparison = OfferComparison.Build(Fixture.Catalog.Councils, new LocalDate(2026, 11, 22), Fixture.Core.Law);
        foreach (var (file, text) in new ComparisonRenderer(Hostile).StaticPages(comparison).Where(p => p.File.EndsWith(".html")))
            Inert(text, file, true);
    }

    /// <summary>Handlebars.Net did not escape {{x}} in a partial given hash arguments; an include's arguments are escaped like anything else.</summary>
    [Fact]
    public void Values_given_to_an_include_are_escaped()
    {
        using var dir = new TempTemplates(("page.sbn-html", "{{ include 'parts/_field' {label: label, hint: 'a \"b\"'} }}"),
            ("parts/_field.sbn-html", "<label title=\"{{ label }}\">{{ label }}</label><p>{{ hint }}</p>"));
        var html = new TemplateSet(dir.Path).Render("page", new { label = Attack });
        html.Should().StartWith("<label title=\"&quot;&#x27;&gt;&lt;script&gt;").And.Contain("<p>a &quot;b&quot;</p>");
        Inert(html, "include", true);
    }

    /// <summary>Every way Scriban can write a value: each comes through the one escaping Write.</summary>
    [Theory]
    [InlineData("{{ '<b>' }}")]
    [InlineData("{{ x }}")]
    [InlineData("{{ x + '' }}")]
    [InlineData("{{ [x] }}")]
    [InlineData("{{ {a: x} }}")]
    [InlineData("{{ $y = x; $y }}")]
    [InlineData("{{ capture c }}{{ x }}{{ end }}{{ c }}")]
    [InlineData("{{ func f; ret x; end; f }}")]
    [InlineData("{{ x | markdown }}")]
    [InlineData("{{ for v in [x] }}{{ v }}{{ end }}")]
    [InlineData("{{ if x }}{{ x }}{{ end }}")]
    [InlineData("{{ 'a' | string.append x }}")]
    [InlineData("{{ html.raw x }}")]
    public void No_construct_writes_a_value_as_markup(string template)
    {
        using var dir = new TempTemplates(("page.sbn-html", template));
        string html;
        try { html = new TemplateSet(dir.Path).Render("page", new { x = "<b>bold</b>" }); }
        catch (TemplateException) { return; } // refusing is fine too
        html.Should().NotContain("<b>", template);
    }

    [Fact]
    public void Markdown_and_text_escape_angle_brackets_and_neutralise_links()
    {
        using var dir = new TempTemplates(("page.sbn-md", "# {{ x }}\n"), ("page.sbn-txt", "{{ x }}"));
        var set = new TemplateSet(dir.Path);
        set.Render("page.md", new { x = "<b>[a](javascript:x)</b>" }).Should().Be("# &lt;b&gt;[a](#)&lt;/b&gt;\n");
        set.Render("page.txt", new { x = "a < b" }).Should().Be("a &lt; b");
    }

    /// <summary>
    /// A template cannot write raw output any other way: the one unescaped type, SafeHtml, is made only
    /// by SafeMarkdown, the SVG check, an include and its indentation, and a catalogue string (t, and
    /// CatalogueText in a view model), which the Translator escapes. A new maker of it fails here.
    /// </summary>
    [Fact]
    public void SafeHtml_is_made_in_the_known_places_only()
    {
        var src = Path.Combine(Fixture.RepoRoot(), "src");
        var makers = Directory.GetFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .SelectMany(f => Regex.Matches(File.ReadAllText(f), @"new SafeHtml\(")
                .Select(_ => Path.GetFileName(f)))
            .Distinct().Order().ToList();
        makers.Should().BeEquivalentTo(["CatalogueText.cs", "IncludeFunction.cs", "SafeMarkdown.cs", "SafeSvg.cs",
            "TemplateFunctions.cs", "TranslateFunction.cs"]);
        typeof(SafeHtml).GetConstructors().Should().BeEmpty("only this assembly may make one");
    }

    [Fact]
    public void Templates_hold_no_handlebars_and_no_constructs_they_do_not_need()
    {
        var files = Directory.GetFiles(Fixture.Templates.Directory, "*", SearchOption.AllDirectories)
            .Where(f => f.Contains(".sbn-")).ToList();
        files.Should().HaveCountGreaterThan(40);
        Directory.GetFiles(Fixture.Templates.Directory, "*.hbs", SearchOption.AllDirectories).Should().BeEmpty();
        foreach (var f in files)
        {
            var text = File.ReadAllText(f);
            text.Should().NotContain("{{{", f).And.NotContain("{{>", f).And.NotContain("{{#", f);
            // Nothing a page needs: defining functions, importing objects, capturing output or evaluating text.
            Regex.IsMatch(text, @"\{\{[^}]*\b(func|import|capture|wrap|eval|object\.|html\.|string\.)").Should().BeFalse(f);
        }
    }
}

/// <summary>A folder of templates written for one test, deleted after.</summary>
internal sealed class TempTemplates : IDisposable
{
    public TempTemplates(params (string Name, string Text)[] files)
    {
        Path = Directory.CreateTempSubdirectory("templates-").FullName;
        foreach (var (name, text) in files)
        {
            var full = System.IO.Path.Combine(Path, name);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
        }
    }

    public string Path { get; }

    public void Dispose() => Directory.Delete(Path, true);
}
