using LocalOffer.Offers.Render;
using NodaTime;

namespace LocalOffer.Offers.Tests;

/// <summary>
/// Issue 26: a template is sandboxed and bounded. It reads only the view model (no .NET member, no
/// Scriban builtin, no file outside templates/), and one that loops, recurses, runs or writes too
/// much fails with its file, line and column instead of hanging.
/// </summary>
public sealed class TemplateSandboxTests
{
    private static readonly TemplateLimits Small = new(Loops: 100, Recursion: 5, Time: TimeSpan.FromMilliseconds(300), OutputChars: 10_000);

    private static TemplateException Fails(string template, TemplateLimits? limits = null, object? model = null)
    {
        using var dir = new TempTemplates(("bad.sbn-html", template), ("self.sbn-html", "x{{ include 'self' }}"));
        var set = new TemplateSet(dir.Path, limits ?? Small);
        var act = () => set.Render("bad", model ?? new { });
        var e = act.Should().Throw<TemplateException>().Which;
        e.File.Should().EndWith("bad.sbn-html");
        return e;
    }

    [Fact]
    public void A_loop_past_the_limit_fails_at_its_line_and_column()
    {
        var e = Fails("line one\n  {{ for i in 1..1000 }}{{ i }}{{ end }}");
        (e.Line, e.Column).Should().Be((2, 16), "the range 1..1000 of the loop");
        e.Message.Should().Contain("bad.sbn-html:2:16").And.Contain("100");
    }

    [Fact]
    public void Recursion_past_the_limit_fails()
    {
        Fails("{{ func f(n); ret f(n + 1); end }}{{ f 1 }}").Line.Should().Be(1);
        using var dir = new TempTemplates(("self.sbn-html", "x{{ include 'self' }}"));
        var act = () => new TemplateSet(dir.Path, Small).Render("self", new { });
        act.Should().Throw<TemplateException>().Which.Message.Should().MatchRegex(@"self\.sbn-html:1:\d+: .*recursive");
    }

    [Fact]
    public void A_render_past_its_time_fails_instead_of_hanging()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var e = Fails("{{ for a in 1..900 }}{{ for b in 1..900 }}{{ for c in 1..900 }}{{ $x = c }}{{ end }}{{ end }}{{ end }}",
            Small with { Loops = 1_000_000_000 });
        e.Reason.Should().Contain("took longer than 0.3 s");
        e.Line.Should().Be(1);
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(20));
    }

    [Fact]
    public void Output_past_the_limit_fails()
    {
        var e = Fails("head\n{{ for i in 1..99 }}{{ s }}{{ end }}", model: new { s = new string('x', 500) });
        e.Line.Should().Be(2);
        e.Reason.Should().Contain("10000");
    }

    [Fact]
    public void A_template_that_does_not_parse_fails_with_its_place()
    {
        var e = Fails("ok\n{{ if x }}never closed");
        e.Line.Should().BeGreaterThan(0);
        e.Message.Should().Contain("bad.sbn-html:");
    }

    [Fact]
    public void Templates_reach_no_dotnet_member_and_no_builtin()
    {
        using var dir = new TempTemplates(("page.sbn-html",
            "[{{ d.Year }}][{{ d.year }}][{{ s.Length }}][{{ s.size }}][{{ d }}]"));
        var html = new TemplateSet(dir.Path).Render("page", new { d = new LocalDate(2026, 1, 2), s = "abc" });
        html.Should().Be("[][][][3][2026-01-02]", "size is Scriban's own (the length of a text or list), not a .NET member");
        foreach (var builtin in new[] { "{{ date.now }}", "{{ string.upcase 'a' }}", "{{ math.abs -1 }}", "{{ object.eval '1' }}" })
        {
            using var t = new TempTemplates(("page.sbn-html", builtin));
            var act = () => new TemplateSet(t.Path).Render("page", new { });
            act.Should().Throw<TemplateException>(builtin + ": Scriban's builtins are not given to templates");
        }
    }

    [Fact]
    public void Only_view_models_are_imported()
    {
        using var dir = new TempTemplates(("page.sbn-html", "{{ x }}"));
        var set = new TemplateSet(dir.Path);
        var act = () => set.Render("page", new { x = new System.IO.FileInfo("/etc/passwd") });
        act.Should().Throw<ArgumentException>().WithMessage("*FileInfo is not a view model*");
        var act2 = () => set.Render("page", new { x = new Uri("https://example.org") });
        act2.Should().Throw<ArgumentException>();
    }

    [Theory]
    [InlineData("../secret")]
    [InlineData("/etc/passwd")]
    [InlineData("Page")]
    [InlineData("theme/header")]
    [InlineData("parts/../../secret")]
    public void An_include_cannot_leave_the_template_folders(string name)
    {
        // The secret is a real template file, beside the templates folder: only the folder's bounds keep it out.
        using var dir = new TempTemplates(("templates/page.sbn-html", $"a\n {{{{ include '{name}' }}}}"), ("secret.sbn-html", "s"),
            ("templates/parts/x.sbn-html", "x"));
        var act = () => new TemplateSet(Path.Combine(dir.Path, "templates")).Render("page", new { });
        var e = act.Should().Throw<TemplateException>().Which;
        (e.Line, e.Column).Should().Be((2, 5));
    }

    [Fact]
    public void A_link_out_of_the_folder_is_refused()
    {
        using var dir = new TempTemplates(("templates/page.sbn-html", "{{ include 'link' }}"), ("secret.sbn-html", "s"));
        File.CreateSymbolicLink(Path.Combine(dir.Path, "templates", "link.sbn-html"), Path.Combine(dir.Path, "secret.sbn-html"));
        var act = () => new TemplateSet(Path.Combine(dir.Path, "templates")).Render("page", new { });
        act.Should().Throw<TemplateException>().Which.Reason.Should().Contain("outside");
    }

    [Fact]
    public void The_shipped_templates_render_well_inside_the_default_limits()
    {
        // Scriban counts a loop's steps with those of the loops inside it: a caseload table's 5,000 rows,
        // each with its citations (CaseloadPageLimitTests renders the largest), need some 20,000.
        TemplateLimits.Default.Loops.Should().BeGreaterThanOrEqualTo(50_000);
        var pages = new SitePublisher(Fixture.Core, Fixture.Templates).Pages(Fixture.Catalog.Find("lancashire")!, new LocalDate(2026, 11, 22));
        pages.Max(p => p.Text.Length).Should().BeLessThan(TemplateLimits.Default.OutputChars / 20);
    }

    [Fact]
    public void Helpers_format_dates_money_and_plurals_in_one_way()
    {
        TemplateFunctions.Money(57.9m).Should().Be("£57.90");
        TemplateFunctions.Money(50m).Should().Be("£50");
        TemplateFunctions.Money(2000m).Should().Be("£2,000");
        TemplateFunctions.Money(1234.5m).Should().Be("£1,234.50");
        TemplateFunctions.Plural(1, "item").Should().Be("1 item");
        TemplateFunctions.Plural(3, "item").Should().Be("3 items");
        TemplateFunctions.Plural(2, "person", "people").Should().Be("2 people");
        TemplateFunctions.Date(new LocalDate(2033, 6, 15)).Should().Be("15 June 2033");
        TemplateFunctions.Lastday(new LocalDate(2033, 6, 15)).Should().Be("14 June 2033");
        new LocalOffer.Offers.Policy.ItemMoney(57.9m, "weekly").ToString().Should().Be("£57.90 a week");
    }
}
