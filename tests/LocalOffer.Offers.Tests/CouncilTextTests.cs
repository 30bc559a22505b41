using System.Text.RegularExpressions;
using FluentAssertions;
using LocalOffer.Offers.Lint;
using LocalOffer.Offers.Policy;
using LocalOffer.Offers.Render;
using LocalOffer.Offers.Render.Languages;
using NodaTime;

namespace LocalOffer.Offers.Tests;

/// <summary>
/// Council text stays the council's (issue 27): a policy file may give an item's published words in
/// the languages of translations/languages.yaml (<c>title: { en: ..., ar: ... }</c>). A page in that
/// language shows them, marked with its lang and dir; an item without them shows its English, marked
/// English, with a note in the page's language. The shipped councils give none (no content is
/// invented); the Testborough fixture (tests/LocalOffer.Offers.Tests/fixtures) gives Arabic for some.
/// </summary>
public sealed class CouncilTextTests : IDisposable
{
    private static readonly LocalDate AsAt = new(2026, 11, 22);
    private static LanguageSet Set => Fixture.Templates.Languages;
    private readonly string _dir = Directory.CreateTempSubdirectory("council-text-").FullName;

    public void Dispose() => Directory.Delete(_dir, true);

    private static string FixtureFolder() =>
        Path.Combine(Fixture.RepoRoot(), "tests", "LocalOffer.Offers.Tests", "fixtures", "councils", "testborough");

    private static (Council Council, List<Finding> Findings) LoadFixture()
    {
        var (council, findings) = new PolicyLoader(Fixture.Core.Law.Entitlements.Ids.ToHashSet()).LoadFolder(FixtureFolder());
        return (council!, findings);
    }

    private static List<(string File, string Text)> Site(Council council, string code)
    {
        var language = Set.Find(code)!;
        var others = Set.Languages.Select(l => (l, l.IsEnglish ? "../index.html" : $"../{l.Code}/index.html")).ToList();
        var publisher = new SitePublisher(Fixture.Core, Fixture.Templates, Fixture.Catalog.National);
        return language.IsEnglish ? publisher.Pages(council, AsAt)
            : publisher.Pages(council, AsAt, assets: "../assets/", language: f => new PageLanguage(language, "../" + f, others));
    }

    private static string Card(string page, string id)
    {
        var cards = Regex.Matches(page, "<div class=\"govuk-summary-card\">.*?</dl>", RegexOptions.Singleline)
            .Select(m => m.Value).ToList();
        return cards.Single(c => c.Contains(id, StringComparison.Ordinal));
    }

    [Fact]
    public void The_fixture_loads_with_its_arabic_and_its_english_is_what_english_pages_show()
    {
        var (council, findings) = LoadFixture();
        findings.Where(f => f.Severity is Severity.Error or Severity.Unreadable).Should().BeEmpty();
        var home = council.Versions[0].Items.Single(i => i.Id == "setting-up-home");
        home.Title.En.Should().Be("Setting up home allowance");
        home.Title.In("ar").Should().Be("منحة تأسيس المنزل");
        home.Title.In("fa").Should().BeNull();
        home.Amount!.Conditions!.In("ar").Should().Contain("£2,000");
        council.Versions[0].Items.Single(i => i.Id == "birthday").Title.Languages.Should().BeEmpty();
    }

    [Fact]
    public void The_arabic_money_page_matches_the_approved_file() =>
        Approved.Verify("lang-ar-testborough-finances.html",
            Site(LoadFixture().Council, "ar").Single(p => p.File == "finances.html").Text);

    [Fact]
    public void An_item_with_arabic_shows_it_marked_arabic_and_without_the_note()
    {
        var page = Site(LoadFixture().Council, "ar").Single(p => p.File == "finances.html").Text;
        var note = new Translator(Set, Set.Find("ar")!).Render("council.english-only", new Dictionary<string, object?>(), html: true);
        var card = Card(page, "منحة تأسيس المنزل");
        card.Should().Contain("<h3 class=\"govuk-summary-card__title\" lang=\"ar\" dir=\"rtl\">منحة تأسيس المنزل</h3>")
            .And.Contain("<div lang=\"ar\" dir=\"rtl\">")
            .And.Contain("lang=\"ar\" dir=\"rtl\">اسأل مستشارك الشخصي.</dd>")
            .And.Contain("lang=\"ar\" dir=\"rtl\">فريق ما بعد الرعاية في تستبورو</dd>")
            .And.NotContain(note).And.NotContain("Setting up home").And.NotContain("lang=\"en-GB\"");
    }

    [Fact]
    public void An_item_without_arabic_shows_its_english_marked_english_with_the_note_in_arabic()
    {
        var page = Site(LoadFixture().Council, "ar").Single(p => p.File == "finances.html").Text;
        var note = new Translator(Set, Set.Find("ar")!).Render("council.english-only", new Dictionary<string, object?>(), html: true);
        note.Should().NotContain("English");
        var card = Card(page, "A birthday present");
        card.Should().Contain("<h3 class=\"govuk-summary-card__title\" lang=\"en-GB\" dir=\"ltr\">A birthday present</h3>")
            .And.Contain($"<p class=\"govuk-body-s\">{note}</p><div lang=\"en-GB\" dir=\"ltr\">");
        // Council tax gives Arabic for all but who pays it: that one line is English, marked, and the note says so.
        var tax = Card(page, "ضريبة المجلس");
        tax.Should().Contain(note).And.Contain("lang=\"en-GB\" dir=\"ltr\">Testborough Council, for care leavers");
    }

    [Fact]
    public void A_phone_number_in_the_councils_arabic_stays_left_to_right()
    {
        var page = Site(LoadFixture().Council, "ar").Single(p => p.File == "finances.html").Text;
        page.Should().Contain("اتصل بالفريق على \u20660800 123 4567\u2069 لتسأل.");
        // Its English, and every English page, is as written (no isolates).
        var english = Site(LoadFixture().Council, "en").Single(p => p.File == "finances.html").Text;
        english.Should().Contain("Call the team on 0800 123 4567 to ask.").And.NotContain("\u2066");
    }

    [Fact]
    public void The_english_pages_show_no_other_language_and_never_the_notes()
    {
        foreach (var (file, text) in Site(LoadFixture().Council, "en"))
        {
            Regex.IsMatch(text, "[\u0600-\u06FF]").Should().BeFalse($"{file} is English");
            text.Should().NotContain("Never published", file).And.NotContain("Editorial note", file);
        }
        foreach (var (file, text) in Site(LoadFixture().Council, "ar"))
            text.Should().NotContain("Never published", file).And.NotContain("Editorial note", file);
    }

    [Fact]
    public void Lint_reports_the_councils_text_per_language()
    {
        var lines = TextCoverage.For(LoadFixture().Council.Versions[0], LanguageSet.Configured()).Select(l => l.ToString()).ToList();
        lines.Should().Contain("ar: 1 of 3 items have Arabic text (1 more in part)")
            .And.Contain("ti: 0 of 3 items have Tigrinya text")
            .And.HaveCount(LanguageSet.Configured().Count - 1);
        // The shipped councils give no other language (the councils publish none).
        foreach (var council in Fixture.Catalog.Councils)
            foreach (var v in council.Versions)
                TextCoverage.For(v, LanguageSet.Configured()).Should().OnlyContain(l => l.Whole == 0 && l.Part == 0, council.Id);
    }

    [Fact]
    public void Your_support_in_arabic_says_the_councils_arabic_title_and_no_note()
    {
        var (council, _) = LoadFixture();
        var (history, _) = Fixture.Core.Reader.ReadFile(Path.Combine(Fixture.RepoRoot(), "samples", "young-people", "relevant.json"));
        var offer = PersonalOfferBuilder.Build(Fixture.Core.Engine.Assess(history!, AsAt), history!, council, Fixture.Core.Law);
        offer.CouncilItems.Select(i => i.Id).Should().Contain("setting-up-home");
        var english = new Translator(Set, Set.Find("ar")!).Render("english-only", new Dictionary<string, object?>(), html: true);
        var page = Fixture.Templates.Render("web/yours", new
        {
            site = new { assets = "/assets/", home = "/", extraCss = true, script = false, footer = "LocalOffer" },
            pageTitle = new CatalogueText("yours.heading"),
            you = YourSupport.Model(offer, Fixture.Core.Law, Fixture.Catalog.National, "/councils/testborough/"),
            links = new { pdf = "/check/yours.pdf?lang=ar", adviser = "/check/result" },
        }, page: new PageLanguage(Set.Find("ar")!, "/check/result?view=yours"));
        var now = page[page.IndexOf("id=\"get-now\"", StringComparison.Ordinal)..];
        now = now[..now.IndexOf("</ul>", StringComparison.Ordinal)];
        now.Should().Contain("<li>منحة تأسيس المنزل: حتى £٢٬٠٠٠.</li>").And.NotContain("lang=\"en-GB\"");
        page[..page.IndexOf("id=\"get-now\"", StringComparison.Ordinal)].Should().NotContain(english);
    }

    [Fact]
    public void Your_support_in_arabic_marks_a_councils_english_title_and_says_so()
    {
        var page = File.ReadAllText(Path.Combine(Approved.Directory(), "yours-ar-relevant-hackney.html"));
        var english = new Translator(Set, Set.Find("ar")!).Render("english-only", new Dictionary<string, object?>(), html: true);
        page.Should().Contain($"<p class=\"govuk-body-s\">{english}</p>")
            .And.Contain("<li><span lang=\"en-GB\" dir=\"ltr\">Setting up home allowance</span>: £٢٬٠٠٠.</li>");
    }

    /// <summary>The English of who an item is for is word for word what the pages said before it was a catalogue string.</summary>
    [Fact]
    public void Who_an_item_is_for_reads_in_english_as_before()
    {
        var en = new Translator(Set, Language.English);
        var statuses = new[] { Core.Engine.Status.LookedAfter, Core.Engine.Status.Eligible, Core.Engine.Status.Relevant,
            Core.Engine.Status.FormerRelevant, Core.Engine.Status.Qualifying, Core.Engine.Status.None };
        var categories = new List<Core.Engine.Status[]> { Array.Empty<Core.Engine.Status>() };
        categories.AddRange(statuses.Select(s => new[] { s }));
        categories.Add([Core.Engine.Status.Eligible, Core.Engine.Status.Relevant]);
        categories.Add([Core.Engine.Status.Relevant, Core.Engine.Status.FormerRelevant, Core.Engine.Status.Qualifying]);
        var circumstances = new List<string[]> { Array.Empty<string>(), new[] { "higher-education" }, new[] { "young-parent", "disabled", "out-of-area" } };
        circumstances.AddRange(OfferVocabulary.Circumstances.Keys.Select(c => new[] { c }));
        var checkedCount = 0;
        foreach (var cats in categories)
            foreach (var (min, max) in new (int?, int?)[] { (null, null), (18, null), (null, 20), (18, 24) })
                foreach (var circ in circumstances)
                {
                    var e = new Eligibility(cats, min, max, circ);
                    PlainWords.ForYou(e).Plain(en).Should().Be(MainForYou(e));
                    checkedCount++;
                }
        checkedCount.Should().Be(categories.Count * 4 * circumstances.Count);
    }

    /// <summary>PlainWords.ForYou as main wrote it in C# (the oracle of the catalogue's English).</summary>
    private static string MainForYou(Eligibility e)
    {
        static string IfYou(Core.Engine.Status s) => s switch
        {
            Core.Engine.Status.LookedAfter => "are in care",
            Core.Engine.Status.Eligible => "are in care at 16 or 17",
            Core.Engine.Status.Relevant => "left care at 16 or 17",
            Core.Engine.Status.FormerRelevant => "are a care leaver aged 18 to 25",
            Core.Engine.Status.Qualifying => "were in care, privately fostered or under a special guardianship order after you turned 16",
            _ => "are not a care leaver",
        };
        var ages = (e.MinAge, e.MaxAge) switch
        {
            (null, null) => "",
            ({ } a, null) => $" aged {a} or over",
            (null, { } b) => $" aged {b} or under",
            ({ } a, { } b) => $" aged {a} to {b}",
        };
        var circumstances = string.Join(" or ", e.Circumstances.Select(c => OfferVocabulary.Circumstances[c]));
        if (e.Categories.Count == 0)
            return ages.Length == 0 && circumstances.Length == 0 ? "All care leavers"
                : "Care leavers" + ages + (circumstances.Length == 0 ? "" : " who are " + circumstances);
        var who = e.Categories.Select(IfYou).ToList();
        var joined = who.Count == 1 ? who[0] : string.Join(", ", who.Take(who.Count - 1)) + " or " + who[^1];
        return "If you " + joined + (ages.Length == 0 ? "" : ", when you are" + ages[" aged".Length..])
            + (circumstances.Length == 0 ? "" : ", and you are " + circumstances);
    }

    [Fact]
    public void A_personal_offer_in_arabic_marks_the_councils_english_words_about_an_entitlement()
    {
        var (history, _) = Fixture.Core.Reader.ReadFile(Path.Combine(Fixture.RepoRoot(), "samples", "young-people", "relevant.json"));
        var offer = PersonalOfferBuilder.Build(Fixture.Core.Engine.Assess(history!, AsAt), history!,
            Fixture.Catalog.Find("lancashire")!, Fixture.Core.Law);
        offer.Statutory.Should().Contain(s => s.CouncilItem != null);
        var page = new PersonalOfferRenderer(Fixture.Core, Fixture.Templates, Fixture.Catalog.National)
            .Render(offer, "html", language: new PageLanguage(Set.Find("ar")!));
        var note = new Translator(Set, Set.Find("ar")!).Render("council.english-only", new Dictionary<string, object?>(), html: true);
        page.Should().Contain($"<p class=\"govuk-body-s\">{note}</p><div lang=\"en-GB\" dir=\"ltr\">");
    }

    [Fact]
    public void Lint_reports_how_much_of_each_catalogue_is_checked()
    {
        var total = Set.English.Entries.Count;
        CatalogueChecks.CoverageLine(Set, Set.Find("ar")!)
            .Should().Be($"ar: 0 of {total} strings checked by a translator, {total} draft, 0 missing");
    }

    // ---- what a policy file may not do: each a finding with file, line and column ----

    private const string CouncilYaml = "name: Test Council\nsource: test\ncontacts:\n  leaving_care_team:\n"
        + "    phone: 0800 123 4567\n    email: a@example.org\n    hours: 9 to 5\n    source: https://example.org\n";

    private List<Finding> LoadItem(string fields)
    {
        File.WriteAllText(Path.Combine(_dir, "council.yaml"), CouncilYaml);
        File.WriteAllText(Path.Combine(_dir, "offer-2026.yaml"),
            "in_force_from: 2026-04-01\nsource: test\nitems:\n  - id: a\n    area: relationships\n    kind: discretionary\n"
            + "    source: https://example.org\n" + fields);
        return new PolicyLoader(Fixture.Core.Law.Entitlements.Ids.ToHashSet()).LoadFolder(_dir).Findings
            .Where(f => f.Severity == Severity.Error).ToList();
    }

    private const string Description = "    description: Money.\n";

    [Fact]
    public void A_mapping_without_english_is_refused()
    {
        var f = LoadItem("    title: { ar: منحة }\n" + Description).Should().ContainSingle().Subject;
        (f.Line, f.Message).Should().Be((8, "'title' gives other languages but no English: add en (what the English pages show)"));
    }

    [Fact]
    public void A_language_not_in_languages_yaml_is_refused_naming_the_list()
    {
        var f = LoadItem("    title: { en: Money, de: Geld }\n" + Description).Should().ContainSingle().Subject;
        f.Line.Should().Be(8);
        f.Message.Should().Contain("'de' is not a language of translations/languages.yaml").And.Contain("ar, fa, ps, ti, sq, en-easy");
    }

    [Fact]
    public void An_empty_translation_is_refused()
    {
        var f = LoadItem("    title: { en: Money, ar: \"\" }\n" + Description).Should().ContainSingle().Subject;
        f.Message.Should().Be("'title' in ar is empty: leave ar out (the page then shows the English and says so)");
    }

    [Fact]
    public void A_translation_is_checked_as_the_english_is()
    {
        LoadItem("    title: { en: Money, ar: \"TODO: translate\" }\n" + Description)
            .Should().ContainSingle(f => f.Message.StartsWith("'title' in ar is published to young people, but"));
        LoadItem("    title: { en: Money for you, ar: Money for you }\n" + Description)
            .Should().ContainSingle(f => f.Message == "'title' in ar is the English copied: leave ar out instead");
        LoadItem("    title: { en: Money, ar: Money for you }\n" + Description)
            .Should().ContainSingle(f => f.Message
                == "'title' in ar has no Arabic letters: give the council's Arabic or leave ar out");
        LoadItem("    title: { en: Money, ar: [a, b] }\n" + Description)
            .Should().ContainSingle(f => f.Message == "'title' in ar must be text");
    }

    [Fact]
    public void Translated_conditions_must_agree_with_the_amount()
    {
        var findings = LoadItem("    title: Money\n" + Description
            + "    amount:\n      gbp: 50\n      period: once\n      conditions: { en: \"£50 once.\", ar: \"£500 مرة واحدة.\" }\n");
        var f = findings.Should().ContainSingle().Subject;
        f.Line.Should().Be(13);
        f.Message.Should().StartWith("the conditions (ar) name £500 but the amount is £50");
    }

    [Fact]
    public void Markup_in_a_councils_translation_is_written_as_text()
    {
        LoadItem("    title: { en: Money, ar: \"<script>alert(1)</script> مال\" }\n"
            + "    description: { en: Money., ar: \"<img src=x onerror=alert(1)> **مال**\" }\n").Should().BeEmpty();
        var (council, _) = new PolicyLoader(Fixture.Core.Law.Entitlements.Ids.ToHashSet()).LoadFolder(_dir);
        var page = Site(council!, "ar").Single(p => p.File == "relationships.html").Text;
        page.Should().NotContain("<script>alert").And.NotContain("<img src=x")
            .And.Contain("&lt;script&gt;alert(1)&lt;/script&gt; مال").And.Contain("<strong>مال</strong>");
    }
}
