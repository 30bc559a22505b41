using LocalOffer.Offers.Lint;
using LocalOffer.Offers.Render;
using LocalOffer.Offers.Render.Languages;
using NodaTime;

namespace LocalOffer.Offers.Tests;

/// <summary>
/// Issue 27: the catalogues (translations/) and the t function. Every shipped language has every
/// English key and keeps every placeholder; a missing key shows English visibly, never a blank; a
/// page with a draft string says so at the top in its language and in English, linking the English
/// page; dates and numbers are written in the language's convention; adding a language is one
/// line of languages.yaml and one catalogue file.
/// </summary>
public sealed class TranslationTests
{
    private static LanguageSet Shipped => Fixture.Templates.Languages;

    public static TheoryData<string> Languages => new(LanguageSet.LoadDefault(Fixture.Core.Law).Languages.Select(l => l.Code));

    [Fact]
    public void The_shipped_languages_are_the_issues_six_and_english()
    {
        Shipped.Languages.Select(l => l.Code).Should().Equal("en", "ar", "fa", "ps", "ti", "sq", "en-easy");
        Shipped.Languages.Where(l => l.RightToLeft).Select(l => l.Code).Should().Equal("ar", "fa", "ps");
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_shipped_catalogue_has_every_english_key_and_keeps_its_placeholders(string code)
    {
        var findings = CatalogueChecks.Check(Shipped, Shipped.Find(code)!);
        findings.Where(f => f.Severity == Severity.Error).Select(f => f.ToString()).Should().BeEmpty();
    }

    // A small set of languages in a folder of its own, to break on purpose.
    private sealed class TempLanguages : IDisposable
    {
        public TempLanguages(string xx, string? extraConfig = null)
        {
            Path = Directory.CreateTempSubdirectory("translations-").FullName;
            File.WriteAllText(System.IO.Path.Combine(Path, "languages.yaml"), """
                languages:
                  - { code: en, lang: en-GB, dir: ltr, digits: latn, script: Latn, name: English, english: English }
                  - { code: ar, lang: ar, dir: rtl, digits: arab, script: Arab, name: العربية, english: Arabic }

                """ + (extraConfig ?? ""));
            File.WriteAllText(System.IO.Path.Combine(Path, "en.yaml"), """
                strings:
                  page.hello: Hello
                  page.about: "This page is about you on {date}, when you are {age}."
                  page.items: { text: { one: "{count} item", other: "{count} items" } }
                  page.link: "Read [the whole offer]({href})."
                  date.pattern: d MMMM yyyy
                  date.month.6: June
                  banner.title: Translation
                  banner.unchecked: This translation has not yet been checked by a translator.
                  banner.english-link: Read this page in English
                """);
            File.WriteAllText(System.IO.Path.Combine(Path, "ar.yaml"), xx);
        }

        public string Path { get; }

        public LanguageSet Load(List<Finding>? findings = null) => LanguageSet.Load(Path, findings ?? []);

        public void Dispose() => Directory.Delete(Path, true);
    }

    private const string Arabic = """
        strings:
          page.hello: { text: مرحبا, status: checked, checked_by: "A. Checker, Example Refugee Service", checked_on: 2026-12-01 }
          page.about: { text: "هذه الصفحة عنك في {date}، وعمرك {age}.", status: draft }
          page.items:
            text: { zero: "لا عناصر", one: "عنصر واحد", two: "عنصران", few: "{count} عناصر", many: "{count} عنصرًا", other: "{count} عنصر" }
            status: draft
          page.link: { text: "اقرأ [العرض كاملًا]({href}).", status: draft }
          date.pattern: { text: d MMMM yyyy, status: draft }
          date.month.6: { text: يونيو, status: draft }
          banner.title: { text: الترجمة, status: draft }
          banner.unchecked: { text: لم يراجع مترجم هذه الترجمة بعد., status: draft }
          banner.english-link: { text: اقرأ هذه الصفحة بالإنجليزية, status: draft }
        """;

    [Fact]
    public void A_key_missing_from_a_language_fails_the_check_and_shows_english_on_the_page()
    {
        using var t = new TempLanguages(Arabic.Replace("  page.hello: { text: مرحبا, status: checked, checked_by: \"A. Checker, Example Refugee Service\", checked_on: 2026-12-01 }\n", ""));
        var set = t.Load();
        var ar = set.Find("ar")!;
        CatalogueChecks.Check(set, ar).Should().Contain(f => f.Message.Contains("'page.hello' is missing"));
        var translator = new Translator(set, ar);
        translator.Render("page.hello", new Dictionary<string, object?>(), html: true).Should().Be("<span lang=\"en-GB\" dir=\"ltr\">Hello</span>");
        translator.Unchecked.Should().BeTrue("an English fallback is not a checked translation");
    }

    [Theory]
    [InlineData("هذه الصفحة عنك في {تاريخ}، وعمرك {age}.", "lost the placeholder {date}")]
    [InlineData("هذه الصفحة عنك، وعمرك {age}.", "lost the placeholder {date}")]
    [InlineData("هذه الصفحة عنك في {date} {when}، وعمرك {age}.", "has the placeholder {when}")]
    [InlineData("TODO {date} {age}", "still a placeholder")]
    [InlineData("This page is about you on {date}, when you are {age}.", "has no Arabic letters")]
    public void A_placeholder_left_untranslated_or_lost_fails_the_check(string text, string finding)
    {
        using var t = new TempLanguages(Arabic.Replace("هذه الصفحة عنك في {date}، وعمرك {age}.", text));
        var set = t.Load();
        CatalogueChecks.Check(set, set.Find("ar")!).Select(f => f.Message).Should().Contain(m => m.Contains(finding));
    }

    [Fact]
    public void A_translation_that_lost_a_placeholder_shows_the_english_rather_than_a_hole()
    {
        using var t = new TempLanguages(Arabic.Replace("هذه الصفحة عنك في {date}، وعمرك {age}.", "هذه الصفحة عنك في {تاريخ}."));
        var set = t.Load();
        var html = new Translator(set, set.Find("ar")!).Render("page.about",
            new Dictionary<string, object?> { ["date"] = new LocalDate(2033, 6, 15), ["age"] = 18 }, html: true);
        html.Should().Be("<span lang=\"en-GB\" dir=\"ltr\">This page is about you on 15 June 2033, when you are 18.</span>");
    }

    [Fact]
    public void Dates_and_numbers_are_written_in_the_languages_digits_and_months()
    {
        var ar = new Translator(Shipped, Shipped.Find("ar")!);
        ar.Formats.Date(new LocalDate(2033, 6, 15)).Should().Be("١٥ يونيو ٢٠٣٣");
        ar.Formats.Money(57.9m).Should().Be("£٥٧٫٩٠");
        ar.Formats.Money(2000m).Should().Be("£٢٬٠٠٠");
        new Translator(Shipped, Shipped.Find("fa")!).Formats.Date(new LocalDate(2026, 11, 22)).Should().Be("۲۲ نوامبر ۲۰۲۶");
        new Translator(Shipped, Shipped.Find("sq")!).Formats.Date(new LocalDate(2026, 11, 22)).Should().Be("22 nëntor 2026");
        new Translator(Shipped, Shipped.Find("ti")!).Formats.Date(new LocalDate(2026, 6, 1)).Should().Be("1 ሰነ 2026");
        new Translator(Shipped, Language.English).Formats.Date(new LocalDate(2033, 6, 15)).Should().Be("15 June 2033");
    }

    [Fact]
    public void Plural_forms_follow_the_language()
    {
        using var t = new TempLanguages(Arabic);
        var set = t.Load();
        var ar = new Translator(set, set.Find("ar")!);
        string Items(Translator tr, int n) => tr.Render("page.items", new Dictionary<string, object?> { ["count"] = n }, html: false);
        Items(ar, 0).Should().Be("لا عناصر");
        Items(ar, 2).Should().Be("عنصران");
        Items(ar, 5).Should().Be("٥ عناصر");
        Items(ar, 11).Should().Be("١١ عنصرًا");
        Items(ar, 100).Should().Be("١٠٠ عنصر");
        var en = new Translator(set, Language.English);
        Items(en, 1).Should().Be("1 item");
        Items(en, 3).Should().Be("3 items");
    }

    private static string Page(LanguageSet set, string code, string body, string? englishHref = "../en/index.html")
    {
        using var dir = new TempTemplates(("page.sbn-html", "{{ include 'site/_top' }}" + body),
            ("site/_top.sbn-html", "<html lang=\"{{ language.tag }}\" dir=\"{{ language.dir }}\">\n  <!--lo:translation-banner-->\n"),
            ("site/_translation-banner.sbn-html", File.ReadAllText(Path.Combine(Fixture.RepoRoot(), "templates/site/_translation-banner.sbn-html"))));
        return new TemplateSet(dir.Path, null, set).Render("page", new { href = "print.html", d = new LocalDate(2033, 6, 15) },
            page: new PageLanguage(set.Find(code)!, englishHref));
    }

    [Fact]
    public void A_page_with_a_draft_string_says_so_at_the_top_in_its_language_and_in_english_with_a_link()
    {
        using var t = new TempLanguages(Arabic);
        var set = t.Load();
        var html = Page(set, "ar", "<p>{{ t \"page.about\" { date: d, age: 18 } }}</p>");
        html.Should().StartWith("<html lang=\"ar\" dir=\"rtl\">");
        html.Should().Contain("<p>هذه الصفحة عنك في ١٥ يونيو ٢٠٣٣، وعمرك ١٨.</p>");
        var banner = html.IndexOf("lo-translation-banner", StringComparison.Ordinal);
        banner.Should().BeGreaterThan(0).And.BeLessThan(html.IndexOf("<p>هذه", StringComparison.Ordinal), "the banner is at the top");
        html.Should().Contain("لم يراجع مترجم هذه الترجمة بعد.")
            .And.Contain("<p class=\"govuk-body\" lang=\"en-GB\" dir=\"ltr\">This translation has not yet been checked by a translator.")
            .And.Contain("href=\"../en/index.html\">اقرأ هذه الصفحة بالإنجليزية</a>")
            .And.Contain("href=\"../en/index.html\">Read this page in English</a>");
        html.Should().NotContain("<!--lo:translation-banner-->");
    }

    [Fact]
    public void A_page_of_checked_strings_or_english_has_no_banner()
    {
        using var t = new TempLanguages(Arabic);
        var set = t.Load();
        Page(set, "ar", "<p>{{ t \"page.hello\" }}</p>").Should().NotContain("lo-translation-banner").And.Contain("<p>مرحبا</p>")
            .And.NotContain("<!--lo:");
        Page(set, "en", "<p>{{ t \"page.about\" { date: d, age: 18 } }}</p>").Should().NotContain("lo-translation-banner")
            .And.Contain("<p>This page is about you on 15 June 2033, when you are 18.</p>");
    }

    [Fact]
    public void A_link_in_a_string_takes_the_pages_address_escaped_and_values_are_escaped()
    {
        using var t = new TempLanguages(Arabic);
        var set = t.Load();
        var tr = new Translator(set, Language.English);
        tr.Render("page.link", new Dictionary<string, object?> { ["href"] = "a\"b.html" }, html: true)
            .Should().Be("Read <a class=\"govuk-link\" href=\"a&quot;b.html\">the whole offer</a>.");
        tr.Render("page.link", new Dictionary<string, object?> { ["href"] = "javascript:alert(1)" }, html: true)
            .Should().Contain("href=\"#\"");
        tr.Render("page.about", new Dictionary<string, object?> { ["date"] = "<script>", ["age"] = "\"18\"" }, html: true)
            .Should().Be("This page is about you on &lt;script&gt;, when you are &quot;18&quot;.");
    }

    [Fact]
    public void A_key_not_in_the_english_catalogue_is_a_template_error_with_its_place()
    {
        using var t = new TempLanguages(Arabic);
        var act = () => Page(t.Load(), "en", "\n<p>{{ t \"page.nothing\" }}</p>");
        act.Should().Throw<TemplateException>().Which.Message.Should().Contain("page.sbn-html:2:").And.Contain("page.nothing");
    }

    [Fact]
    public void A_checked_string_needs_who_and_when_and_lapses_when_the_english_changes()
    {
        using var bad = new TempLanguages(Arabic.Replace(", checked_by: \"A. Checker, Example Refugee Service\", checked_on: 2026-12-01", ""));
        var findings = new List<Finding>();
        bad.Load(findings);
        findings.Should().Contain(f => f.Message.Contains("say who checked it"));
        using var stale = new TempLanguages(Arabic.Replace("checked_on: 2026-12-01", "checked_on: 2026-12-01, english: Hi"));
        var set = stale.Load();
        new Translator(set, set.Find("ar")!).IsDraft("page.hello").Should().BeTrue();
        CatalogueChecks.Check(set, set.Find("ar")!).Should().Contain(f => f.Message.Contains("English that has since changed"));
    }

    [Fact]
    public void Adding_a_language_is_one_line_of_configuration_and_one_catalogue_file()
    {
        using var t = new TempLanguages(Arabic, "  - { code: sq, lang: sq, dir: ltr, digits: latn, script: Latn, name: Shqip, english: Albanian }\n");
        File.WriteAllText(Path.Combine(t.Path, "sq.yaml"), """
            strings:
              page.hello: { text: Përshëndetje, status: draft }
              page.about: { text: "Kjo faqe është për ty më {date}, kur je {age} vjeç.", status: draft }
              page.items: { text: { one: "{count} send", other: "{count} sende" }, status: draft }
              page.link: { text: "Lexo [gjithë ofertën]({href}).", status: draft }
              date.pattern: { text: d MMMM yyyy, status: draft }
              date.month.6: { text: qershor, status: draft }
              banner.title: { text: Përkthimi, status: draft }
              banner.unchecked: { text: Ky përkthim nuk është kontrolluar ende nga një përkthyes., status: draft }
              banner.english-link: { text: Lexojeni këtë faqe në anglisht, status: draft }
            """);
        var set = t.Load();
        set.Find("sq").Should().NotBeNull();
        CatalogueChecks.Check(set, set.Find("sq")!).Should().BeEmpty();
        Page(set, "sq", "<p>{{ t \"page.hello\" }}</p>").Should().Contain("<html lang=\"sq\" dir=\"ltr\">").And.Contain("<p>Përshëndetje</p>");
    }

    [Fact]
    public void A_broken_configuration_line_names_its_place()
    {
        using var t = new TempLanguages(Arabic, "  - { code: 'x/y', lang: x, dir: up, digits: latn, script: Latn, name: X, english: X }\n");
        var findings = new List<Finding>();
        var set = t.Load(findings);
        findings.Should().ContainSingle(f => f.Message.Contains("language code 'x/y'")).Which.Line.Should().Be(4);
        set.Languages.Select(l => l.Code).Should().Equal("en", "ar");
    }
}
