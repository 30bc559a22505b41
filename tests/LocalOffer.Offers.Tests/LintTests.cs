using LocalOffer.Core.Engine;
using LocalOffer.Offers.Lint;
using LocalOffer.Offers.Policy;
using NodaTime;

namespace LocalOffer.Offers.Tests;

/// <summary>Each kind of bad policy file gives a finding with file, line and column; the shipped councils pass.</summary>
public sealed class LintTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("council-").FullName;

    public void Dispose() => Directory.Delete(_dir, true);

    /// <summary>A council a young person can reach: its leaving care team's phone, email and hours, cited.</summary>
    internal const string Council = """
        name: Test Council
        source: test
        contacts:
          leaving_care_team:
            name: Leaving care team
            phone: 01234 567890
            email: leaving.care@example.gov.uk
            hours: Monday to Friday, 9am to 5pm
            source: https://example.gov.uk/leaving-care ("Contact us")

        """;
    private const string GoodItem = """
          - id: pa
            area: relationships
            kind: statutory
            entitlement: personal-adviser
            title: A personal adviser
            description: Help.
            source: test
        """;

    private List<Finding> Lint(string offer, string council = Council, string name = "offer-2020.yaml")
    {
        File.WriteAllText(Path.Combine(_dir, "council.yaml"), council);
        File.WriteAllText(Path.Combine(_dir, name), offer);
        var loader = new PolicyLoader(Fixture.Core.Law.Entitlements.Ids.ToHashSet());
        var (c, findings) = loader.LoadFolder(_dir);
        if (c is not null) findings.AddRange(Linter.Check(c, Fixture.Core.Law));
        return findings;
    }

    private static string Offer(string items, string head = "in_force_from: 2020-01-01\nsource: test\n") => head + "items:\n" + items + "\n";

    [Fact]
    public void A_good_file_has_no_findings() => Lint(Offer(GoodItem)).Should().BeEmpty();

    [Fact]
    public void Unknown_key_names_file_line_and_column()
    {
        var f = Lint(Offer(GoodItem + "\n    colour: red")).Single();
        (f.Severity, Path.GetFileName(f.File), f.Line, f.Column).Should().Be((Severity.Error, "offer-2020.yaml", 11, 5));
        f.Message.Should().StartWith("unknown key 'colour'");
    }

    [Fact]
    public void Missing_required_field_is_an_error() =>
        Lint(Offer(GoodItem.Replace("    title: A personal adviser\n", ""))).Should().ContainSingle(f => f.Message == "missing required field 'title'" && f.Line == 4);

    [Fact]
    public void Unknown_entitlement_id_is_an_error() =>
        Lint(Offer(GoodItem.Replace("entitlement: personal-adviser", "entitlement: free-pony"))).Should().ContainSingle(f => f.Message.StartsWith("unknown entitlement id 'free-pony'") && f.Line == 7 && f.Column == 18);

    [Fact]
    public void Statutory_without_entitlement_and_discretionary_with_one_are_errors()
    {
        Lint(Offer(GoodItem.Replace("    entitlement: personal-adviser\n", ""))).Should().ContainSingle(f => f.Message.Contains("is statutory: name the entitlement"));
        Lint(Offer(GoodItem.Replace("kind: statutory", "kind: discretionary"))).Should().ContainSingle(f => f.Message.Contains("keep statutory entitlements in statutory items"));
    }

    [Fact]
    public void Unknown_area_category_and_circumstance_are_errors()
    {
        var findings = Lint(Offer(GoodItem.Replace("area: relationships", "area: hobbies") + "\n    for: { categories: [adult], circumstances: [pilot] }"));
        findings.Select(f => f.Message).Should().Contain(m => m.StartsWith("unknown area 'hobbies'"))
            .And.Contain(m => m.StartsWith("unknown category 'adult'"))
            .And.Contain(m => m.StartsWith("unknown circumstance 'pilot'"));
    }

    [Fact]
    public void Higher_education_bursary_under_the_statutory_floor_is_an_error()
    {
        var item = GoodItem.Replace("personal-adviser", "higher-education-bursary").Replace("area: relationships", "area: education-and-training") + "\n    amount: { gbp: 1500, period: once }";
        Lint(Offer(item)).Should().ContainSingle(f => f.Severity == Severity.Error && f.Message.Contains("at least £2,000 by law") && f.Message.Contains("£1,500"));
    }

    [Fact]
    public void Two_versions_starting_the_same_day_are_an_error()
    {
        File.WriteAllText(Path.Combine(_dir, "offer-2019.yaml"), Offer(GoodItem, "in_force_from: 2020-01-01\nsource: test\n"));
        Lint(Offer(GoodItem)).Should().ContainSingle(f => f.Message.Contains("each version needs its own start date") && Path.GetFileName(f.File) == "offer-2020.yaml");
    }

    [Fact]
    public void In_force_to_is_refused_because_an_offer_stays_in_force_until_a_newer_one() =>
        Lint(Offer(GoodItem, "in_force_from: 2020-01-01\nin_force_to: 2021-01-01\nsource: test\n"))
            .Should().ContainSingle(f => f.Message.StartsWith("unknown key 'in_force_to'") && f.Line == 2);

    [Fact]
    public void Yaml_syntax_error_is_unreadable_with_line_and_column()
    {
        var f = Lint("in_force_from: 2020-01-01\nitems: [\n").First(x => x.Severity == Severity.Unreadable);
        f.Severity.Should().Be(Severity.Unreadable);
        f.Line.Should().BeGreaterThan(1);
    }

    [Fact]
    public void Alias_bomb_is_refused_before_expansion()
    {
        var bomb = "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n";
        var f = Lint(bomb).First(x => x.Severity == Severity.Unreadable);
        (f.Severity, f.Line).Should().Be((Severity.Unreadable, 1));
        f.Message.Should().Contain("anchors");
    }

    [Fact]
    public void Huge_file_is_refused()
    {
        var f = Lint(Offer(GoodItem) + "# " + new string('x', PolicyLoader.MaxFileBytes)).First(x => x.Severity == Severity.Unreadable);
        f.Severity.Should().Be(Severity.Unreadable);
        f.Message.Should().Contain("limited to");
    }

    [Fact]
    public void Bad_date_and_bad_amount_are_errors()
    {
        var findings = Lint(Offer(GoodItem + "\n    amount: { gbp: lots, period: fortnightly }", "in_force_from: 2020-13-01\nsource: test\n"));
        findings.Select(f => f.Message).Should().Contain(m => m.Contains("'2020-13-01' is not a date"))
            .And.Contain(m => m.Contains("must be a number of pounds"))
            .And.Contain(m => m.StartsWith("period must be one of"));
    }

    /// <summary>
    /// The shipped councils whose public pages, as found (issue 25), give no complete way to reach the
    /// leaving care team: lint refuses them (so publish does) and nothing else is wrong with them.
    /// When a council's pages give its team's phone, email or contact form and hours, it leaves this list.
    /// </summary>
    private static readonly string[] WithoutAWayToReachTheTeam =
        ["blackpool", "dfe-illustrative", "kirklees", "lancashire", "leeds", "rutland", "surrey", "wakefield", "wirral"];

    [Fact]
    public void Every_shipped_council_passes_lint_but_for_the_leaving_care_contacts_its_pages_do_not_give()
    {
        Fixture.Catalog.Councils.Select(c => c.Id).Should().BeEquivalentTo(
            "blackpool", "dfe-illustrative", "hackney", "kirklees", "lancashire", "leeds", "rutland", "surrey", "wakefield", "wirral");
        var errors = Fixture.Catalog.Findings.ToList();
        errors.Should().OnlyContain(f => f.Severity == Severity.Error && Path.GetFileName(f.File) == "council.yaml"
            && (f.Message.StartsWith("no leaving care team contact") || f.Message.StartsWith("the leaving care team contact is missing")));
        errors.Select(f => Path.GetFileName(Path.GetDirectoryName(f.File))).Should().BeEquivalentTo(WithoutAWayToReachTheTeam);
    }

    [Fact]
    public void Compliance_report_says_what_the_illustrative_offer_lacks()
    {
        var findings = ComplianceReport.For(Fixture.Catalog.Find("dfe-illustrative")!, new LocalDate(2026, 11, 22), Fixture.Core.Law);
        findings.Should().OnlyContain(f => f.Severity == Severity.Compliance);
        findings.Select(f => f.Message).Should().Contain(m => m.Contains("'keep-in-touch'"))
            .And.Contain(m => m.Contains("'apprenticeship-bursary'"))
            .And.Contain("no out of hours (evenings, weekends, bank holidays) contact")
            .And.Contain("no complaints contact")
            .And.Contain("no next_review date");
        // The leaving care team is a lint error, not a compliance finding: it is never only reported.
        findings.Select(f => f.Message).Should().NotContain(m => m.Contains("DfE area") || m.Contains("leaving care team"));
    }

    [Fact]
    public void The_offer_on_a_date_is_the_version_in_force_then()
    {
        var wakefield = Fixture.Catalog.Find("wakefield")!;
        Path.GetFileName(wakefield.OfferOn(new LocalDate(2025, 12, 31))!.File).Should().Be("offer-2021.yaml");
        Path.GetFileName(wakefield.OfferOn(new LocalDate(2026, 1, 1))!.File).Should().Be("offer-2026.yaml");
        wakefield.OfferOn(new LocalDate(2020, 12, 31)).Should().BeNull();
    }
}
