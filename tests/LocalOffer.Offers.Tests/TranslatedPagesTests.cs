using System.Text.RegularExpressions;
using FluentAssertions;
using LocalOffer.Offers.Render;
using LocalOffer.Offers.Render.Languages;
using NodaTime;

namespace LocalOffer.Offers.Tests;

/// <summary>
/// The young person's pages in each shipped language (issue 27): an approved file of one page per
/// language (the council's home page, and "Your support" in Arabic and Easy Read), and on every page of
/// a council's site in every language: lang and dir, the banner of an unchecked translation, no
/// template sentence left in English, phone numbers kept left to right in a right-to-left page.
/// </summary>
public sealed class TranslatedPagesTests
{
    private static readonly LocalDate AsAt = new(2026, 11, 22);

    private static LanguageSet Set => Fixture.Templates.Languages;

    public static TheoryData<string> Translated => new(Set.Languages.Where(l => !l.IsEnglish).Select(l => l.Code));

    /// <summary>A council's site in one language, as publish --languages writes it (the language's own folder).</summary>
    private static List<(string File, string Text)> Site(string code, string council = "hackney")
    {
        var language = Set.Find(code)!;
        var others = Set.Languages.Select(l => (l, l.IsEnglish ? "../index.html" : $"../{l.Code}/index.html")).ToList();
        return new SitePublisher(Fixture.Core, Fixture.Templates, Fixture.Catalog.National)
            .Pages(Fixture.Catalog.Find(council)!, AsAt, assets: "../assets/",
                language: f => new PageLanguage(language, "../" + f, others));
    }

    [Theory]
    [MemberData(nameof(Translated))]
    public void The_home_page_in_each_language_matches_the_approved_file(string code) =>
        Approved.Verify($"lang-{code}-hackney-index.html", Site(code).Single(p => p.File == "index.html").Text);

    [Theory]
    [InlineData("ar")]
    [InlineData("en-easy")]
    public void Your_support_in_arabic_and_easy_read_matches_the_approved_file(string code)
    {
        var (history, _) = Fixture.Core.Reader.ReadFile(Path.Combine(Fixture.RepoRoot(), "samples", "young-people", "relevant.json"));
        var offer = PersonalOfferBuilder.Build(Fixture.Core.Engine.Assess(history!, AsAt), history!, Fixture.Catalog.Find("hackney")!, Fixture.Core.Law);
        var page = Fixture.Templates.Render("web/yours", new
        {
            site = new { assets = "/assets/", home = "/", extraCss = true, script = false, footer = "LocalOffer" },
            pageTitle = new CatalogueText("yours.heading"),
            you = YourSupport.Model(offer, Fixture.Core.Law, Fixture.Catalog.National, $"/councils/{offer.Council.Id}/"),
            links = new { pdf = $"/check/yours.pdf?s=HANDLE&lang={code}", adviser = "/check/result?s=HANDLE" },
        }, page: new PageLanguage(Set.Find(code)!, "/check/result?s=HANDLE&view=yours"));
        Approved.Verify($"yours-{code}-relevant-hackney.html", page);
    }

    [Theory]
    [MemberData(nameof(Translated))]
    public void Every_page_has_the_languages_tag_and_direction_and_the_banner_and_no_marker(string code)
    {
        var language = Set.Find(code)!;
        foreach (var (file, text) in Site(code).Where(p => p.File.EndsWith(".html", StringComparison.Ordinal)))
        {
            text.Should().Contain($"<html lang=\"{language.Tag}\" dir=\"{language.Dir}\"", file);
            text.Should().Contain("lo-translation-banner", $"{file}: every string is a draft").And.NotContain("<!--lo:", file);
        }
    }

    /// <summary>
    /// A sentence a template writes in English (not through t) would show on a translated page: every
    /// English catalogue sentence of the young person's pages is looked for on each page in the four
    /// languages of other scripts and Albanian; only the council's own words and the engine's
    /// sentences stay English, marked lang="en-GB" with a note (Easy Read shares English words, so it
    /// is not searched).
    /// </summary>
    [Theory]
    [InlineData("ar")]
    [InlineData("fa")]
    [InlineData("ps")]
    [InlineData("ti")]
    [InlineData("sq")]
    public void No_template_sentence_is_left_in_english(string code)
    {
        var sentences = Set.English.Entries
            .Where(kv => !kv.Key.StartsWith("entitlement.", StringComparison.Ordinal) && !kv.Key.StartsWith("date.", StringComparison.Ordinal))
            .Select(kv => kv.Value.Texts.First())
            .Where(s => !s.Contains('{') && s.Length >= 25)
            .ToList();
        sentences.Should().HaveCountGreaterThan(20);
        // site/offer.md (the offer as Markdown, for a council's own site) is English only for now.
        foreach (var (file, text) in Site(code).Where(p => p.File.EndsWith(".html", StringComparison.Ordinal)))
        {
            // The banner's second line is English on purpose (lang="en-GB").
            var page = Regex.Replace(text, "<p class=\"govuk-body\" lang=\"en-GB\" dir=\"ltr\">This translation.*?</p>", "", RegexOptions.Singleline);
            foreach (var s in sentences) page.Should().NotContain(s, $"{code}/{file} shows a template's English");
        }
    }

    [Theory]
    [InlineData("ar")]
    [InlineData("fa")]
    [InlineData("ps")]
    public void Phone_numbers_stay_left_to_right_in_a_right_to_left_page(string code)
    {
        var pages = Site(code);
        var phones = 0;
        foreach (var (file, text) in pages)
            foreach (Match m in Regex.Matches(text, "<a class=\"govuk-link\" href=\"tel:"))
            {
                phones++;
                var before = text[..m.Index];
                var open = before.LastIndexOf("<bdi dir=\"ltr\">", StringComparison.Ordinal);
                open.Should().BeGreaterThan(before.LastIndexOf("</bdi>", StringComparison.Ordinal), $"{file}: a phone number outside <bdi dir=\"ltr\">");
            }
        phones.Should().BeGreaterThan(0);
    }

    [Fact]
    public void English_pages_have_no_direction_attribute_and_no_banner()
    {
        var english = new SitePublisher(Fixture.Core, Fixture.Templates, Fixture.Catalog.National).Pages(Fixture.Catalog.Find("hackney")!, AsAt);
        foreach (var (file, text) in english.Where(p => p.File.EndsWith(".html", StringComparison.Ordinal)))
            text.Should().Contain("<html lang=\"en-GB\" class=\"govuk-template\">", file).And.NotContain("lo-translation-banner");
    }

    [Theory]
    [MemberData(nameof(Translated))]
    public void Council_text_on_a_translated_page_is_marked_english_with_a_note_in_the_pages_language(string code)
    {
        var t = new Translator(Set, Set.Find(code)!);
        var note = t.Render("council.english-only", new Dictionary<string, object?>(), html: true);
        var area = Site(code).First(p => p.Text.Contains("govuk-summary-card__title\" lang=\"en-GB\"", StringComparison.Ordinal));
        area.Text.Should().Contain(note).And.Contain("<div lang=\"en-GB\" dir=\"ltr\">");
    }
}
