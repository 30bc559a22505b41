using System.Net;
using System.Text.RegularExpressions;
using LocalOffer.Offers.Policy;
using LocalOffer.Offers.Render;
using LocalOffer.Offers.Render.Languages;
using NodaTime;

namespace LocalOffer.Offers.Tests;

/// <summary>
/// Issue 25: every page a young person reads (each council's published pages but the law page, the
/// personal offer in every format, "Your support") in plain words: no citation, no legal category
/// name outside "What these words mean", no placeholder or internal note; who to contact first with
/// each phone number its own link; every money item with an amount or "ask the leaving care team".
/// </summary>
public sealed partial class YoungPersonPagesTests
{
    private static readonly LocalDate AsAt = new(2026, 11, 22);

    /// <summary>The engine's sentences (catalogue strings) as an English page writes them.</summary>
    private static readonly Translator English = new(Fixture.Templates.Languages, Language.English);

    [GeneratedRegex(@"\b(s|ss)\.\s?\d|\bSch\b|\bSchedule \d|\bparas?\b|\bregs?\b|\bSI\b|\bart \d|Children Act \d{4}|\bAct \d{4} s\b")]
    private static partial Regex Citation();

    [GeneratedRegex(@"\b(eligible|relevant|qualifying)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Category();

    private static readonly string[] Placeholders =
    [
        "has not said", "not given", "TBC", "ask your personal adviser for", "Ask them for the leaving care team", "Markdown file",
        "(overdue)", "{{", "}}", "[name", "null", "the date this amount took effect", "The template says", "see notes",
    ];

    /// <summary>What a reader sees: the text without tags (attributes, addresses), entities decoded.</summary>
    public static string Visible(string page) =>
        WebUtility.HtmlDecode(Regex.Replace(Regex.Replace(page, "<(script|style)[^>]*>.*?</\\1>", " ", RegexOptions.Singleline), "<[^>]+>", " "));

    /// <summary>Each problem on a page: a citation, a category term (unless the page may name them), a placeholder.</summary>
    public static IEnumerable<string> Problems(string name, string page, bool categoriesAllowed = false)
    {
        var text = Visible(page);
        foreach (Match m in Citation().Matches(text)) yield return $"{name}: citation '{Around(text, m)}'";
        if (!categoriesAllowed)
            foreach (Match m in Category().Matches(text)) yield return $"{name}: category term '{Around(text, m)}'";
        foreach (var p in Placeholders.Where(p => text.Contains(p, StringComparison.OrdinalIgnoreCase)))
            yield return $"{name}: placeholder '{p}'";
    }

    private static string Around(string text, Match m) =>
        text.Substring(Math.Max(0, m.Index - 40), Math.Min(text.Length - Math.Max(0, m.Index - 40), m.Length + 80)).ReplaceLineEndings(" ");

    public static TheoryData<string> Councils => new(Fixture.Catalog.Councils.Select(c => c.Id));

    [Theory]
    [MemberData(nameof(Councils))]
    public void Every_published_page_but_the_law_is_in_plain_words(string id)
    {
        var council = Fixture.Catalog.Find(id)!;
        var problems = new List<string>();
        foreach (var date in council.Versions.Select(v => v.InForceFrom).Append(AsAt).Distinct())
            foreach (var (file, text) in new SitePublisher(Fixture.Core, Fixture.Templates).Pages(council, date).Where(p => p.File != "law.html"))
                problems.AddRange(Problems($"{id} {date:yyyy-MM-dd} {file}", text, categoriesAllowed: file == "words.html"));
        problems.Should().BeEmpty();
    }

    public static TheoryData<string> Samples => new(Directory.GetFiles(Path.Combine(Fixture.RepoRoot(), "samples", "young-people"), "*.json")
        .Select(Path.GetFileNameWithoutExtension).Order()!);

    [Theory]
    [MemberData(nameof(Samples))]
    public void Every_personal_offer_and_your_support_page_is_in_plain_words(string sample)
    {
        var (history, _) = Fixture.Core.Reader.ReadFile(Path.Combine(Fixture.RepoRoot(), "samples", "young-people", sample + ".json"));
        var problems = new List<string>();
        foreach (var date in new[] { AsAt, history!.DateOfBirth.PlusYears(17), history.DateOfBirth.PlusYears(22) })
        {
            var assessment = Fixture.Core.Engine.Assess(history, date);
            foreach (var council in Fixture.Catalog.Councils)
            {
                var offer = PersonalOfferBuilder.Build(assessment, history, council, Fixture.Core.Law);
                foreach (var format in new[] { "html", "md", "text" })
                    problems.AddRange(Problems($"{sample} {date:yyyy-MM-dd} {council.Id} {format}",
                        new PersonalOfferRenderer(Fixture.Core, Fixture.Templates).Render(offer, format)));
                problems.AddRange(Problems($"{sample} {date:yyyy-MM-dd} {council.Id} yours", YoursPage(offer)));
            }
        }
        problems.Should().BeEmpty();
    }

    /// <summary>"Your support" as the web app renders it (ResultPage), with a site model like JourneyPages.Site's.</summary>
    public static string YoursPage(PersonalOffer offer) => YoursPage(offer, $"/councils/{offer.Council.Id}/");

    private static string YoursPage(PersonalOffer offer, string? councilPages) => Fixture.Templates.Render("web/yours",
        new
        {
            site = new { assets = "/assets/", home = "/", extraCss = true, script = false, footer = "LocalOffer" },
            pageTitle = "Your support",
            you = YourSupport.Model(offer, Fixture.Core.Law, Fixture.Catalog.National, councilPages),
            links = new { pdf = "/check/yours.pdf?s=HANDLE", adviser = "/check/result?s=HANDLE" },
        });

    /// <summary>
    /// A council with no address of its own pages on record (the browser app's <c>OfferUrl</c> gives null) gets no
    /// link to them on "Your support", not a link to nowhere; with one, the link is there.
    /// </summary>
    [Fact]
    public void Your_support_links_the_councils_pages_only_when_it_has_their_address()
    {
        var (history, _) = Fixture.Core.Reader.ReadFile(
            Path.Combine(Fixture.RepoRoot(), "samples", "young-people", "former-relevant.json"));
        var council = Fixture.Catalog.Councils.First();
        var offer = PersonalOfferBuilder.Build(Fixture.Core.Engine.Assess(history!, AsAt), history!, council,
            Fixture.Core.Law);
        var without = YoursPage(offer, null);
        without.Should().NotContain("href=\"\"").And.NotContain("/councils/");
        YoursPage(offer, "/councils/x/").Should().Contain("href=\"/councils/x/\"");
    }

    /// <summary>The guard fails on what it guards against (each pattern found when planted).</summary>
    [Theory]
    [InlineData("<p>Children Act 1989 s.23C(7)</p>")]
    [InlineData("<p>under Sch 2 para 19B</p>")]
    [InlineData("<p>CLR 2010 reg 3</p>")]
    [InlineData("<p>(SI 2010/2571)</p>")]
    [InlineData("<p>You are a former relevant child</p>")]
    [InlineData("<p>Eligible, relevant and former relevant young people</p>")]
    [InlineData("<p>Last reviewed: The council has not said</p>")]
    [InlineData("<p>Ask your personal adviser for the leaving care team's number</p>")]
    [InlineData("<a href=\"offer.md\">The whole offer as a Markdown file</a>")]
    public void The_guard_finds_each_kind_of_problem(string page) => Problems("planted", page).Should().NotBeEmpty();

    [Fact]
    public void Addresses_and_words_that_only_look_like_citations_pass()
    {
        Problems("ok", "<a href=\"https://www.legislation.gov.uk/ukpga/1989/41/section/23C\">the law</a><p>Regular visits; paragraphs; a registered GP</p>")
            .Should().BeEmpty();
    }

    [Fact]
    public void Each_leaving_care_number_is_its_own_phone_link()
    {
        var index = new SitePublisher(Fixture.Core, Fixture.Templates).Pages(Fixture.Catalog.Find("leeds")!, AsAt).Single(p => p.File == "index.html").Text;
        var first = index[index.IndexOf("id=\"first-contact\"", StringComparison.Ordinal)..];
        first = first[..first.IndexOf("</div>", StringComparison.Ordinal)];
        Regex.Matches(first, "href=\"tel:(\\d+)\"").Select(m => m.Groups[1].Value)
            .Should().Equal("01133783364", "01133781666", "01132477424", "01132409536", "01133950310");
        first.Should().Contain("(East)").And.Contain("Monday to Thursday 8:30am to 5pm").And.Contain("To complain");
    }

    [Theory]
    [MemberData(nameof(Councils))]
    public void Every_money_page_gives_each_amount_or_says_to_ask_and_shows_the_laws_bursaries(string id)
    {
        var council = Fixture.Catalog.Find(id)!;
        var money = new SitePublisher(Fixture.Core, Fixture.Templates).Pages(council, AsAt).Single(p => p.File == "finances.html").Text;
        var text = Visible(money);
        text.Should().Contain("£2,000, once for your course").And.Contain("Up to £1,200 a year")
            .And.Contain("£3,000 for an apprenticeship that starts on or after 1 August 2023").And.Contain("How to apply");
        text.Should().NotMatchRegex(@"£\d+\.\d(?!\d)", "pence always have two digits");
        foreach (var item in council.OfferOn(AsAt)?.Items.Where(i => i.Area == "finances" && i.Amount is not null) ?? [])
        {
            var card = money[money.IndexOf(WebUtility.HtmlEncode(item.Title.En).Replace("&#39;", "&#x27;"), StringComparison.Ordinal)..];
            card = card[..card.IndexOf("</dl>", StringComparison.Ordinal)];
            if (item.Amount!.Gbp is { } gbp) card.Should().Contain(LocalOffer.Core.Output.Gbp.Format(gbp), item.Id);
            else card.Should().Contain("Ask the leaving care team how much", item.Id);
        }
    }

    [Fact]
    public void Asking_how_much_gives_the_teams_contact()
    {
        var asked = 0;
        foreach (var council in Fixture.Catalog.Councils.Where(c => c.Contacts.GetValueOrDefault("leaving_care_team")?.Phone is not null))
        {
            var money = new SitePublisher(Fixture.Core, Fixture.Templates).Pages(council, AsAt).Single(p => p.File == "finances.html").Text;
            foreach (Match m in Regex.Matches(money, "Ask the leaving care team how much[^<]*"))
            {
                m.Value.Should().Be("Ask the leaving care team how much: call ", council.Id);
                money[(m.Index + m.Length)..].Should().StartWith("<a class=\"govuk-link\" href=\"tel:", council.Id);
                asked++;
            }
        }
        asked.Should().BePositive("some shipped council publishes no amount for an item and a phone for its team");
    }

    [Fact]
    public void The_21_to_25_page_opens_with_what_changes_at_21_from_the_engine()
    {
        var change = BirthdayChanges.At(21, AsAt, Fixture.Core);
        change.Stops.Select(l => l.Id).Should().Contain(["staying-put", "keep-in-touch", "priority-need-housing"]);
        change.Ask.Select(l => l.Id).Should().Contain(["personal-adviser", "pathway-plan"]);
        change.InEducation.Select(l => l.Id).Should().Contain(["personal-adviser", "keep-in-touch", "education-training-assistance"]);
        change.Continues.Select(l => l.Id).Should().NotContain("staying-put");
        change.Ends("staying-put").Should().BeTrue();
        change.Ends("keep-in-touch").Should().BeFalse("it goes on in education or training");
        var page = new SitePublisher(Fixture.Core, Fixture.Templates).Pages(Fixture.Catalog.Find("wakefield")!, AsAt)
            .Single(p => p.File == "aged-21-to-25.html").Text;
        var items = page[page.IndexOf("id=\"items\"", StringComparison.Ordinal)..];
        items.Should().NotContain("Staying put with your foster carer").And.NotContain("prepares you before 18");
        page.IndexOf("What changes at 21", StringComparison.Ordinal).Should().BeLessThan(page.IndexOf("id=\"items\"", StringComparison.Ordinal));
    }

    [Fact]
    public void The_18_to_21_page_says_what_starts_and_stops_at_18()
    {
        var change = BirthdayChanges.At(18, AsAt, Fixture.Core);
        change.Stops.Select(l => l.Id).Should().Contain(["care", "accommodation-and-maintenance"]);
        change.Continues.Select(l => l.Id).Should().Contain(["personal-adviser", "keep-in-touch"]);
        change.Ask.Select(l => l.Id).Should().Contain("staying-put");
        change.Continues.Single(l => l.Id == "personal-adviser").Text.Plain(English)
            .Should().Be("Your personal adviser: until you are 21, then if you ask for it, until you are 25");
    }

    [Fact]
    public void Every_condition_the_engine_writes_has_plain_words()
    {
        var unknown = new HashSet<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(Fixture.RepoRoot(), "samples", "young-people"), "*.json"))
        {
            var (history, _) = Fixture.Core.Reader.ReadFile(file);
            if (history is null) continue;
            foreach (var run in Fixture.Core.Engine.Assess(history, history.DateOfBirth.PlusYears(26)).AllEntitlements)
                foreach (var p in run.Periods.Where(p => p.Condition is not null && !PlainWords.Knows(p.Condition)))
                    unknown.Add(p.Condition!);
        }
        foreach (var age in new[] { 18, 21 })
            _ = BirthdayChanges.At(age, AsAt, Fixture.Core);
        unknown.Should().BeEmpty();
    }

    /// <summary>What a status means: meaning.* on a page, Meaning in the JSON, the same English.</summary>
    [Fact]
    public void What_a_status_means_is_the_same_english_in_the_catalogue()
    {
        foreach (var status in Enum.GetValues<LocalOffer.Core.Engine.Status>())
            new CatalogueText(PersonalOfferBuilder.MeaningKey(status)).Plain(English)
                .Should().Be(PersonalOfferBuilder.Meaning(status), status.ToString());
        new CatalogueText("meaning.detained-at-16").Plain(English)
            .Should().Be(PersonalOfferBuilder.DetainedAt16Meaning);
    }

    [Fact]
    public void An_end_that_depends_on_education_says_so()
    {
        var (history, _) = Fixture.Core.Reader.ReadFile(Path.Combine(Fixture.RepoRoot(), "samples", "young-people", "former-relevant.json"));
        var a = Fixture.Core.Engine.Assess(history!, AsAt);
        var adviser = a.Entitlements.Single(e => e.Id == "personal-adviser");
        PlainRuns.HowLong(adviser, AsAt, a.DateOfBirth, Fixture.Core.Law).Plain(English)
            .Should().Be("until you are 21, then while you are in education or training, until you are 25");
    }
}
