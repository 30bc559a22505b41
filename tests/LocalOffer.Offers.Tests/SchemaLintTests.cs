using LocalOffer.Core;
using LocalOffer.Core.Engine;
using LocalOffer.Offers.Lint;
using LocalOffer.Offers.Policy;
using NodaTime;

namespace LocalOffer.Offers.Tests;

/// <summary>One test per rule of the structured schema: money, council tax, contacts, dates, topics, national contacts.</summary>
public sealed class SchemaLintTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("council-").FullName;

    public void Dispose() => Directory.Delete(_dir, true);

    private const string Council = "name: Test Council\nsource: test\n";
    private const string Head = "in_force_from: 2020-01-01\nsource: test\n";
    private const string Item = """
          - id: grant
            area: finances
            kind: discretionary
            title: A grant
            description: Money.
            source: test
        """;

    private List<Finding> Lint(string offer, string council = Council)
    {
        File.WriteAllText(Path.Combine(_dir, "council.yaml"), council);
        File.WriteAllText(Path.Combine(_dir, "offer-2020.yaml"), offer);
        var (c, findings) = new PolicyLoader(Fixture.Core.Law.Entitlements.Ids.ToHashSet(), new HashSet<string> { "always-heard" }).LoadFolder(_dir);
        if (c is not null) findings.AddRange(Linter.Check(c, Fixture.Core.Law));
        return findings;
    }

    private static string Offer(string extra, string head = Head) => head + "items:\n" + Item + extra + "\n";

    private Council Load(string offer, string council = Council)
    {
        File.WriteAllText(Path.Combine(_dir, "council.yaml"), council);
        File.WriteAllText(Path.Combine(_dir, "offer-2020.yaml"), offer);
        var (c, findings) = new PolicyLoader(Fixture.Core.Law.Entitlements.Ids.ToHashSet(), new HashSet<string> { "always-heard" }).LoadFolder(_dir);
        findings.Should().BeEmpty();
        return c!;
    }

    [Fact]
    public void Structured_money_loads_every_field()
    {
        var c = Load(Offer("\n    topic: setting-up-home\n    amount: { gbp: 3000, period: once, up_to: true, until_age: 25, conditions: c, covers: d, how_to_claim: e }"));
        var m = c.Versions[0].Items[0].Amount!;
        (m.Gbp, m.Period, m.UpTo, m.UntilAge, m.Conditions, m.Covers, m.HowToClaim).Should().Be((3000m, "once", true, 25, "c", "d", "e"));
        m.ToString().Should().Be("Up to £3,000");
    }

    [Fact]
    public void Money_without_an_amount_must_say_how_to_find_it_out() =>
        Lint(Offer("\n    amount: { conditions: sometimes }")).Should().ContainSingle(f => f.Message.Contains("say how a young person finds it out"));

    [Fact]
    public void Money_with_how_to_find_out_and_no_amount_is_accepted() =>
        Lint(Offer("\n    amount: { how_to_find_out: Ask your personal adviser. }")).Should().BeEmpty();

    [Fact]
    public void An_amount_needs_its_period() =>
        Lint(Offer("\n    amount: { gbp: 50 }")).Should().ContainSingle(f => f.Message.StartsWith("an amount needs its period"));

    [Fact]
    public void An_absurd_amount_is_an_error() =>
        Lint(Offer("\n    amount: { gbp: 2000000, period: once }")).Should().ContainSingle(f => f.Message.Contains("is not a care leaver payment"));

    [Fact]
    public void Up_to_must_be_true_or_false() =>
        Lint(Offer("\n    amount: { gbp: 5, period: once, up_to: maybe }")).Should().ContainSingle(f => f.Message == "'up_to' must be true or false");

    [Fact]
    public void Council_tax_support_loads_and_needs_the_council_tax_topic()
    {
        var ct = "\n    council_tax: { until_age: 25, share: 100, joint: half, who_pays: the district, how_to_claim: apply }";
        var c = Load(Offer("\n    topic: council-tax" + ct));
        c.Versions[0].Items[0].CouncilTax.Should().Be(new CouncilTaxSupport(null, 25, 100, "half", "the district", "apply"));
        Lint(Offer(ct)).Should().ContainSingle(f => f.Message.Contains("set its topic to council-tax"));
    }

    [Fact]
    public void Council_tax_share_is_a_percentage_and_the_ages_are_in_order()
    {
        var findings = Lint(Offer("\n    topic: council-tax\n    council_tax: { from_age: 25, until_age: 18, share: 150, how_to_claim: apply }"));
        findings.Select(f => f.Message).Should().Contain(m => m.StartsWith("'share' must be a percentage")).And.Contain("until_age 18 is not after from_age 25");
    }

    [Fact]
    public void Unknown_topic_is_an_error() =>
        Lint(Offer("\n    topic: pony-rides")).Should().ContainSingle(f => f.Message.StartsWith("unknown topic 'pony-rides'"));

    [Fact]
    public void Review_dates_must_follow_publication()
    {
        Lint(Offer("", "in_force_from: 2020-01-01\npublished: 2020-01-01\nlast_reviewed: 2019-06-01\nsource: test\n"))
            .Should().ContainSingle(f => f.Message == "last_reviewed 2019-06-01 is before published 2020-01-01");
        Lint(Offer("", "in_force_from: 2020-01-01\npublished: 2020-01-01\nnext_review: 2019-12-31\nsource: test\n"))
            .Should().ContainSingle(f => f.Message == "next_review 2019-12-31 is not after published 2020-01-01");
    }

    [Fact]
    public void A_contact_with_no_way_to_reach_it_and_a_bad_email_are_errors()
    {
        Lint(Offer(""), Council + "contacts:\n  complaints: { name: Complaints team }\n").Should().ContainSingle(f => f.Message.Contains("gives no phone, email, website or address"));
        Lint(Offer(""), Council + "contacts:\n  advocacy: { email: not-an-address }\n").Should().Contain(f => f.Message.Contains("is not an email address"));
    }

    [Fact]
    public void A_council_names_only_national_contacts_that_exist()
    {
        Lint(Offer(""), Council + "national_contacts: [always-heard, pony-club]\n").Should().ContainSingle(f => f.Message.StartsWith("unknown national contact 'pony-club'"));
        Load(Offer(""), Council + "national_contacts: [always-heard]\n").NationalContactIds.Should().Equal("always-heard");
    }

    [Fact]
    public void Notes_load_and_are_kept_apart_from_the_description()
    {
        var c = Load(Offer("\n    notes: The report does not say.", Head + "notes: version note\n"), Council + "notes: council note\n");
        (c.Notes, c.Versions[0].Notes, c.Versions[0].Items[0].Notes).Should().Be(("council note", "version note", "The report does not say."));
        c.Versions[0].Items[0].Description.Should().Be("Money.");
    }

    [Fact]
    public void The_shipped_national_contacts_each_name_their_public_source()
    {
        var findings = new List<Finding>();
        var list = NationalContacts.Load(NationalContacts.DefaultFile(), findings);
        findings.Should().BeEmpty();
        list.Select(n => n.Id).Should().Contain(["always-heard", "help-at-hand", "become", "shelter", "citizens-advice"]);
        list.Should().OnlyContain(n => n.SourceUrl.StartsWith("http") && n.SourceSection.Length > 0);
    }

    [Fact]
    public void An_overdue_review_keeps_the_offer_in_force_and_is_a_compliance_finding()
    {
        var wirral = Fixture.Catalog.Find("wirral")!;
        var asAt = new LocalDate(2026, 11, 22);
        wirral.OfferOn(asAt).Should().NotBeNull();
        var findings = ComplianceReport.For(wirral, asAt, Fixture.Core.Law).Select(f => f.Message).ToList();
        findings.Should().Contain(m => m.StartsWith("review overdue: next_review 2026-01-01"));
        findings.Should().NotContain(m => m.Contains("no offer"));
    }

    [Fact]
    public void An_offer_not_reviewed_for_longer_than_the_rules_allow_is_a_compliance_finding() =>
        ComplianceReport.For(Fixture.Catalog.Find("kirklees")!, new LocalDate(2026, 11, 22), Fixture.Core.Law)
            .Should().Contain(f => f.Message.StartsWith("not reviewed for more than 3 years"));

    [Fact]
    public void No_council_tax_item_and_money_without_amounts_are_compliance_findings()
    {
        var kirklees = ComplianceReport.For(Fixture.Catalog.Find("kirklees")!, new LocalDate(2026, 11, 22), Fixture.Core.Law).Select(f => f.Message).ToList();
        kirklees.Should().Contain(m => m.StartsWith("does not say whether care leavers get council tax support"));
        kirklees.Should().Contain("item 'leaving-care-grant' (Leaving Care Grant) gives no amount and does not say how to find it out");
        ComplianceReport.For(Fixture.Catalog.Find("surrey")!, new LocalDate(2026, 11, 22), Fixture.Core.Law)
            .Should().NotContain(f => f.Message.Contains("council tax"));
    }

    [Fact]
    public void Cwsa_2026_s8_areas_are_measured_from_their_commencement_date_and_told_as_required_from_it_before()
    {
        var asAt = new LocalDate(2027, 6, 1);
        var council = Fixture.Catalog.Find("lancashire")!;
        ComplianceReport.For(council, asAt, Fixture.Core.Law).Should().NotContain(f => f.Message.Contains("s.8"));
        // A copy of the rules with a commencement date, as the regulations will set one.
        var rules = Directory.CreateDirectory(Path.Combine(_dir, "england")).FullName;
        foreach (var f in Directory.GetFiles(LocalOffer.Core.Rules.RulesLocator.EnglandDirectory(), "*.yaml"))
            File.Copy(f, Path.Combine(rules, Path.GetFileName(f)));
        var file = Path.Combine(rules, "local_offer.yaml");
        File.WriteAllText(file, File.ReadAllText(file).Replace("    values: {}", "    values:\n      2027-04-01: true"));
        var law = new LocalOffer.Core.Rules.EnglandLaw(LocalOffer.Core.Rules.RuleBook.Load(rules));
        var findings = ComplianceReport.For(council, asAt, law).Select(f => f.Message).ToList();
        findings.Should().Contain("no item covers 'Transition arrangements' (CSWA 2017 s.2(1)(c), inserted by CWSA 2026 s.8, " +
                "in force from 2027-04-01)")
            .And.Contain(m => m.StartsWith("no item covers 'Financial literacy' (CSWA 2017 s.2(2)(g)"))
            .And.Contain(m => m.StartsWith("no item covers 'Preventing homelessness' (CSWA 2017 s.2(2A)(c)(i), (2B)"))
            .And.Contain(m => m.StartsWith("no item covers 'Finding a home on release from custody' (CSWA 2017 s.2(2A)(c)(ii)"));
        ComplianceReport.For(council, asAt, law).Where(f => f.Message.Contains("s.8"))
            .Should().OnlyContain(f => f.Severity == Severity.Compliance).And.HaveCount(4);
        // Before the date: the same four, told as required from it, never a compliance finding (lint never fails on them).
        var before = ComplianceReport.For(council, new LocalDate(2027, 3, 31), law).Where(f => f.Message.Contains("s.8")).ToList();
        before.Should().HaveCount(4).And.OnlyContain(f => f.Severity == Severity.Upcoming && f.Message.EndsWith("required from 2027-04-01"));
        before[0].ToString().Should().Contain(": upcoming: no item covers 'Transition arrangements'");
    }
}
