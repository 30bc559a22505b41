using LocalOffer.Offers.Policy;
using LocalOffer.Offers.Render;
using NodaTime;

namespace LocalOffer.Offers.Tests;

/// <summary>Approved-file tests of the published pages and Markdown of each shipped council, and a personal offer.</summary>
public sealed class RenderingTests
{
    private static readonly LocalDate AsAt = new(2026, 11, 22);

    public static TheoryData<string, string> Councils => new()
    {
        { "dfe-illustrative", "2026-11-22" }, { "wakefield", "2026-11-22" }, { "wakefield", "2023-06-01" },
        { "kirklees", "2026-11-22" }, { "wirral", "2024-06-01" }, { "wirral", "2026-11-22" },
        { "lancashire", "2026-11-22" }, { "rutland", "2026-11-22" }, { "surrey", "2026-11-22" },
        { "leeds", "2026-11-22" }, { "blackpool", "2026-11-22" }, { "hackney", "2026-11-22" },
    };

    [Theory]
    [MemberData(nameof(Councils))]
    public void Published_pages_match_the_approved_files(string id, string date)
    {
        var council = Fixture.Catalog.Find(id)!;
        var pages = new SitePublisher(Fixture.Core, Fixture.Templates).Pages(council, NodaTime.Text.LocalDatePattern.Iso.Parse(date).Value);
        // The money page (finances.html) is every council's, with the law's payments on it (issue 25).
        foreach (var file in new[] { "index.html", "law.html", "offer.md", "contacts.html", "finances.html" })
            Approved.Verify($"{id}-{date}-{file}", pages.Single(p => p.File == file).Text);
        pages.Select(p => p.File).Should().Contain(OfferVocabulary.DfeAreas.Where(a => council.OfferOn(NodaTime.Text.LocalDatePattern.Iso.Parse(date).Value)!.Items.Any(i => i.Area == a)).Select(OfferViews.AreaFile));
    }

    [Theory]
    [InlineData("lancashire")]
    [InlineData("wakefield")]
    public void Pages_by_age_match_the_approved_files(string id)
    {
        var pages = new SitePublisher(Fixture.Core, Fixture.Templates).Pages(Fixture.Catalog.Find(id)!, AsAt);
        foreach (var (file, _, _, _, _) in SitePublisher.AgeGroups(Fixture.Core.Law))
            Approved.Verify($"{id}-2026-11-22-{file}", pages.Single(p => p.File == file).Text);
    }

    [Fact]
    public void What_these_words_mean_matches_the_approved_file()
    {
        var pages = new SitePublisher(Fixture.Core, Fixture.Templates).Pages(Fixture.Catalog.Find("hackney")!, AsAt);
        Approved.Verify("hackney-2026-11-22-words.html", pages.Single(p => p.File == "words.html").Text);
    }

    /// <summary>Issue 25: an offer past its review date says so at the top of every page, and is still shown in force.</summary>
    [Fact]
    public void Wirral_is_shown_in_force_with_a_warning_that_it_is_past_its_review()
    {
        foreach (var (file, text) in new SitePublisher(Fixture.Core, Fixture.Templates).Pages(Fixture.Catalog.Find("wirral")!, AsAt))
        {
            var main = file.EndsWith(".md") ? text : text[text.IndexOf("main-content", StringComparison.Ordinal)..];
            main.Should().Contain("This offer was published in 2022. Ask the leaving care team if there is a newer one", file);
            if (file.EndsWith(".html"))
                main.IndexOf("stale-offer", StringComparison.Ordinal).Should().BeLessThan(main.IndexOf("<h1", StringComparison.Ordinal), file);
        }
        var index = new SitePublisher(Fixture.Core, Fixture.Templates).Pages(Fixture.Catalog.Find("wirral")!, AsAt).Single(p => p.File == "index.html").Text;
        index.Should().Contain("In force from").And.Contain("1 January 2022").And.NotContain("had not published").And.NotContain("overdue");
        // Wakefield's 2026 offer is not yet due for review: no warning.
        new SitePublisher(Fixture.Core, Fixture.Templates).Pages(Fixture.Catalog.Find("wakefield")!, AsAt).Single(p => p.File == "index.html").Text
            .Should().NotContain("stale-offer");
    }

    public static TheoryData<string> AllCouncils => new(Fixture.Catalog.Councils.Select(c => c.Id));

    [Theory]
    [MemberData(nameof(AllCouncils))]
    public void No_published_page_holds_a_source_file_name_or_note_text(string id)
    {
        var council = Fixture.Catalog.Find(id)!;
        var secrets = new List<string> { council.Source };
        if (council.Notes is { } cn) secrets.Add(cn);
        foreach (var v in council.Versions)
        {
            secrets.Add(v.Source);
            if (v.Notes is { } vn) secrets.Add(vn);
            secrets.AddRange(v.Items.Select(i => i.Source));
            secrets.AddRange(v.Items.Where(i => i.Notes is not null).Select(i => i.Notes!));
        }
        secrets.AddRange(council.Contacts.Values.Where(c => c.Source is not null).Select(c => c.Source!));
        foreach (var date in council.Versions.Select(v => v.InForceFrom).Append(AsAt))
            foreach (var (file, text) in new SitePublisher(Fixture.Core, Fixture.Templates).Pages(council, date))
            {
                text.Should().NotMatchRegex(@"[\w-]+\.txt\b", $"{id} {file} names a source file");
                text.Should().NotContain("does not yet explain", $"{id} {file}");
                foreach (var secret in secrets.Where(s => s.Length > 12))
                    text.Should().NotContain(secret.Trim(), $"{id} {file} shows editorial text");
            }
    }

    [Theory]
    [MemberData(nameof(AllCouncils))]
    public void Every_page_says_who_to_contact_first(string id)
    {
        foreach (var (file, text) in new SitePublisher(Fixture.Core, Fixture.Templates).Pages(Fixture.Catalog.Find(id)!, AsAt))
            text.Should().Contain("ho to contact first", file);
    }

    [Fact]
    public void Staying_put_is_for_those_in_foster_care_at_18_not_all_care_leavers()
    {
        var accommodation = new SitePublisher(Fixture.Core, Fixture.Templates).Pages(Fixture.Catalog.Find("wakefield")!, AsAt)
            .Single(p => p.File == "accommodation.html").Text;
        // The law's own summary, in plain words, says who: never "All care leavers".
        var card = accommodation[accommodation.IndexOf("Staying put with your foster carer after 18", StringComparison.Ordinal)..];
        card = card[..card.IndexOf("</dl>", StringComparison.Ordinal)];
        card.Should().Contain("If you live with foster carers when you turn 18").And.NotContain("All care leavers");
    }

    [Fact]
    public void The_law_page_gives_the_amounts_the_rules_set_and_every_entitlement()
    {
        var law = new SitePublisher(Fixture.Core, Fixture.Templates).Pages(Fixture.Catalog.Find("wirral")!, AsAt).Single(p => p.File == "law.html").Text;
        law.Should().Contain("£2,000, once for your course").And.Contain("£3,000 for an apprenticeship that starts on or after 1 August 2023")
            .And.Contain("Up to £1,200 a year").And.NotContain("the date this amount took effect");
        // Prospective duties only under "Coming soon", each marked as not yet in force.
        var soon = law.IndexOf(">Coming soon<", StringComparison.Ordinal);
        soon.Should().BePositive();
        law.IndexOf("Staying close support (not yet in force)", StringComparison.Ordinal).Should().BeGreaterThan(soon);
        law.IndexOf("Not to be found intentionally homeless (not yet in force)", StringComparison.Ordinal).Should().BeGreaterThan(soon);
        law.IndexOf("Staying close support", StringComparison.Ordinal).Should().BeGreaterThan(soon, "nowhere before Coming soon");
        foreach (var title in Fixture.Core.Law.Entitlements.All.Select(d => d.Title)) law.Should().Contain(System.Net.WebUtility.HtmlEncode(title).Replace("&#39;", "&#x27;"));
    }

    [Fact]
    public void The_officers_page_holds_the_sources_notes_and_findings()
    {
        var council = Fixture.Catalog.Find("kirklees")!;
        var findings = LocalOffer.Offers.Lint.ComplianceReport.For(council, AsAt, Fixture.Core.Law);
        var page = new SitePublisher(Fixture.Core, Fixture.Templates).OfficerPage(council, AsAt, findings);
        page.Should().Contain("kirklees-2018.txt").And.Contain("The report does not give the amount").And.Contain("not reviewed for more than 3 years");
    }

    [Fact]
    public void The_stylesheet_uses_the_system_font_stack_not_gds_transport()
    {
        var dir = Directory.CreateTempSubdirectory("assets-").FullName;
        try
        {
            SitePublisher.CopyAssets(dir);
            var css = File.ReadAllText(Path.Combine(dir, "govuk-frontend.min.css"));
            css.Should().NotContain("GDS Transport").And.Contain("font-family:" + SystemFont.Stack);
            Directory.Exists(Path.Combine(dir, "fonts")).Should().BeFalse();
        }
        finally { Directory.Delete(dir, true); }
    }

    [Theory]
    [InlineData("former-relevant", "wakefield", "md")]
    [InlineData("relevant", "dfe-illustrative", "md")]
    [InlineData("eligible", "kirklees", "text")]
    [InlineData("qualifying-private-fostering", "dfe-illustrative", "html")]
    public void Personal_offer_matches_the_approved_file(string sample, string councilId, string format)
    {
        var (history, _) = Fixture.Core.Reader.ReadFile(Path.Combine(Fixture.RepoRoot(), "samples", "young-people", sample + ".json"));
        var assessment = Fixture.Core.Engine.Assess(history!, AsAt);
        var offer = PersonalOfferBuilder.Build(assessment, history!, Fixture.Catalog.Find(councilId)!, Fixture.Core.Law);
        Approved.Verify($"personal-{sample}-{councilId}.{(format == "text" ? "txt" : format)}",
            new PersonalOfferRenderer(Fixture.Core, Fixture.Templates).Render(offer, format));
    }

    /// <summary>"Your support" (the web app's young person's page, templates/web/yours) for a council with and without a team contact.</summary>
    [Theory]
    [InlineData("former-relevant", "wakefield")]
    [InlineData("former-relevant-21-to-25", "leeds")]
    [InlineData("relevant", "hackney")]
    public void Your_support_matches_the_approved_file(string sample, string councilId)
    {
        var (history, _) = Fixture.Core.Reader.ReadFile(Path.Combine(Fixture.RepoRoot(), "samples", "young-people", sample + ".json"));
        var assessment = Fixture.Core.Engine.Assess(history!, AsAt);
        var offer = PersonalOfferBuilder.Build(assessment, history!, Fixture.Catalog.Find(councilId)!, Fixture.Core.Law);
        Approved.Verify($"yours-{sample}-{councilId}.html", YoungPersonPagesTests.YoursPage(offer));
    }

    [Fact]
    public void Personal_offer_lists_items_for_circumstances_the_history_shows_and_asks_about_the_rest()
    {
        var (history, _) = Fixture.Core.Reader.ReadFile(Path.Combine(Fixture.RepoRoot(), "samples", "young-people", "former-relevant.json"));
        var assessment = Fixture.Core.Engine.Assess(history!, AsAt);
        var offer = PersonalOfferBuilder.Build(assessment, history!, Fixture.Catalog.Find("dfe-illustrative")!, Fixture.Core.Law);
        offer.Statutory.Select(s => s.Entitlement.Id).Should().Contain("higher-education-bursary");
        offer.Statutory.Single(s => s.Entitlement.Id == "higher-education-bursary").CouncilItem!.Id.Should().Be("higher-education-bursary");
        offer.MayApply.Select(i => i.Id).Should().Contain("young-parents");
        offer.CouncilItems.Select(i => i.Id).Should().NotContain("young-parents");
        offer.Next.Should().Contain(c => c.What == "your 21st birthday" && c.On == new LocalDate(2029, 6, 15));
    }

    [Theory]
    [InlineData("detained-at-16", "in custody or in hospital on your 16th birthday")]
    [InlineData("hospital-at-16", "in custody or in hospital on your 16th birthday")]
    [InlineData("relevant", "You have left care aged 16 or 17")]
    public void The_detention_route_is_told_as_such_not_as_leaving_care(string sample, string meaning)
    {
        var (history, _) = Fixture.Core.Reader.ReadFile(Path.Combine(Fixture.RepoRoot(), "samples", "young-people", sample + ".json"));
        var on = history!.DateOfBirth.PlusYears(17);
        var assessment = Fixture.Core.Engine.Assess(history, on);
        assessment.Status.Should().Be(LocalOffer.Core.Engine.Status.Relevant);
        PersonalOfferBuilder.Build(assessment, history, Fixture.Catalog.Find("wakefield")!, Fixture.Core.Law).StatusMeaning
            .Should().Contain(meaning);
    }
}
