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
        { "kirklees", "2026-11-22" }, { "wirral", "2024-06-01" },
    };

    [Theory]
    [MemberData(nameof(Councils))]
    public void Published_pages_match_the_approved_files(string id, string date)
    {
        var council = Fixture.Catalog.Find(id)!;
        var pages = new SitePublisher(Fixture.Core, Fixture.Templates).Pages(council, NodaTime.Text.LocalDatePattern.Iso.Parse(date).Value);
        foreach (var file in new[] { "index.html", "law.html", "offer.md" })
            Approved.Verify($"{id}-{date}-{file}", pages.Single(p => p.File == file).Text);
        pages.Select(p => p.File).Should().Contain(OfferVocabulary.DfeAreas.Where(a => council.OfferOn(NodaTime.Text.LocalDatePattern.Iso.Parse(date).Value)!.Items.Any(i => i.Area == a)).Select(OfferViews.AreaFile));
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
