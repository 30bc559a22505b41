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

    private const string Council = LintTests.Council;
    private const string Head = "in_force_from: 2020-01-01\nsource: test\n";
    // Not a payment by its area (a finances item with no topic would be one, and need its amount).
    private const string Item = """
          - id: grant
            area: participation-in-society
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
        (m.Gbp, m.Period, m.UpTo, m.UntilAge, m.Conditions?.En, m.Covers?.En, m.HowToClaim?.En).Should().Be((3000m, "once", true, 25, "c", "d", "e"));
        m.ToString().Should().Be("Up to £3,000");
    }

    [Fact]
    public void Money_without_an_amount_must_give_one_or_say_to_ask()
    {
        Lint(Offer("\n    amount: { conditions: sometimes }")).Should().ContainSingle(f => f.Message.StartsWith("no amount: give gbp, or ask: true"));
        Lint(Offer("\n    amount: { how_to_find_out: Ask your personal adviser. }")).Should().ContainSingle(f => f.Message.StartsWith("no amount: give gbp, or ask: true"));
    }

    [Fact]
    public void Money_the_council_publishes_no_figure_for_says_ask()
    {
        Lint(Offer("\n    amount: { ask: true, how_to_find_out: Ask your personal adviser. }")).Should().BeEmpty();
        var m = Load(Offer("\n    amount: { ask: true }")).Versions[0].Items[0].Amount!;
        (m.Gbp, m.Ask, m.ToString()).Should().Be(((decimal?)null, true, (string?)null));
        Lint(Offer("\n    amount: { gbp: 20, period: once, ask: true }")).Should().ContainSingle(f => f.Message == "give gbp or ask: true, not both");
        Lint(Offer("\n    amount: { ask: maybe }")).Should().Contain(f => f.Message == "'ask' must be true or false");
    }

    [Fact]
    public void A_money_item_without_an_amount_is_refused_and_other_items_need_none()
    {
        // In the finances area with no topic, or with a payment topic, an item is money: it needs its amount (or ask).
        Lint(Offer("").Replace("participation-in-society", "finances")).Should().ContainSingle(f => f.Message.StartsWith("item 'grant' is money: give amount") && f.Line == 4);
        Lint(Offer("\n    topic: birthday")).Should().ContainSingle(f => f.Message.StartsWith("item 'grant' is money: give amount"));
        Lint(Offer("")).Should().BeEmpty();
        Lint(Offer("\n    topic: leisure").Replace("participation-in-society", "finances")).Should().BeEmpty();
    }

    [Fact]
    public void An_amount_needs_its_period() =>
        Lint(Offer("\n    amount: { gbp: 50 }")).Should().ContainSingle(f => f.Message.StartsWith("an amount needs its period"));

    [Fact]
    public void An_absurd_amount_is_an_error() =>
        Lint(Offer("\n    amount: { gbp: 2000000, period: once }")).Should().ContainSingle(f => f.Message.Contains("is not a care leaver payment"));

    [Fact]
    public void Up_to_must_be_true_or_false() =>
        Lint(Offer("\n    amount: { gbp: 5, period: once, up_to: maybe }")).Should().ContainSingle(f => f.Message == "'up_to' must be true or false");

    [Theory]
    [InlineData(57.9, "once", false, "£57.90")]
    [InlineData(57.90, "weekly", false, "£57.90 a week")]
    [InlineData(2000, "once", true, "Up to £2,000")]
    [InlineData(1200.5, "yearly", false, "£1,200.50 a year")]
    [InlineData(35, "monthly", false, "£35 a month")]
    public void Amounts_read_as_pounds_and_pence(decimal gbp, string period, bool upTo, string expected) =>
        new ItemMoney(gbp, period, upTo).ToString().Should().Be(expected);

    [Theory]
    [InlineData("gbp: 25, period: once, conditions: On your 21st birthday you get £50.", "the conditions name £50 but the amount is £25")]
    [InlineData("gbp: 35, period: yearly, conditions: '£35 from 16 to 21; from 22 to 25 a £10 voucher'", "the conditions name £10 but the amount is £35")]
    [InlineData("gbp: 40, period: yearly, up_to: true, conditions: Up to £45 at 16.", "the conditions name £45 but the amount is up to £40")]
    [InlineData("gbp: 1000, period: once, conditions: '£1,200 if you study'", "the conditions name £1,200 but the amount is £1,000")]
    public void An_amount_that_disagrees_with_its_own_conditions_is_an_error(string amount, string message) =>
        Lint(Offer("\n    amount: { " + amount + " }")).Should().ContainSingle(f => f.Severity == Severity.Error && f.Message.StartsWith(message) && f.Line == 10);

    [Theory]
    [InlineData("gbp: 25, period: once, conditions: £25 on your 19th birthday.")]
    [InlineData("gbp: 57.90, period: weekly, conditions: '£57.90 a week for 5 weeks, for your first claim only.'")]
    [InlineData("gbp: 40, period: yearly, up_to: true, conditions: £25 from 18 to 20.")]
    [InlineData("gbp: 30, period: weekly, conditions: If you study 12 or more hours a week.")]
    public void An_amount_that_agrees_with_its_conditions_is_accepted(string amount) =>
        Lint(Offer("\n    amount: { " + amount + " }")).Should().BeEmpty();

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

    private const string Bare = "name: Test Council\nsource: test\n";
    private const string Cited = ", source: 'https://example.gov.uk/x (Contact us)'";

    private static string Team(string fields) => Bare + "contacts:\n  leaving_care_team: { " + fields + Cited + " }\n";

    [Fact]
    public void A_contact_with_no_way_to_reach_it_and_a_bad_email_are_errors()
    {
        Lint(Offer("\n    topic: leisure"), Council + "  complaints: { name: Complaints team" + Cited + " }\n")
            .Should().ContainSingle(f => f.Message.Contains("gives no phone, email, contact form, website or address"));
        Lint(Offer("\n    topic: leisure"), Council + "  advocacy: { email: not-an-address" + Cited + " }\n").Should().Contain(f => f.Message.Contains("is not an email address"));
    }

    [Fact]
    public void A_council_without_a_leaving_care_team_contact_is_refused() =>
        Lint(Offer("\n    topic: leisure"), Bare).Should().ContainSingle(f => f.Severity == Severity.Error
            && f.Message.StartsWith("no leaving care team contact") && Path.GetFileName(f.File) == "council.yaml" && f.Line == 1);

    [Theory]
    [InlineData("email: a@b.gov.uk, hours: 9 to 5", "missing a phone number (phone)")]
    [InlineData("phone: 01234 567890, hours: 9 to 5", "missing an email or a contact form (email or contact_form)")]
    [InlineData("phone: 01234 567890, email: a@b.gov.uk", "missing the hours it is answered (hours)")]
    [InlineData("phone: 01234 567890", "missing an email or a contact form (email or contact_form) and the hours it is answered (hours)")]
    public void A_leaving_care_team_a_young_person_cannot_fully_reach_is_refused(string fields, string missing) =>
        Lint(Offer("\n    topic: leisure"), Team(fields)).Should().ContainSingle(f => f.Severity == Severity.Error
            && f.Message.StartsWith("the leaving care team contact is " + missing) && f.Line == 4);

    [Theory]
    [InlineData("phone: 01234 567890, email: a@b.gov.uk, hours: Monday to Friday 9am to 5pm")]
    [InlineData("phone: 0300 123 6720, contact_form: 'https://example.gov.uk/contact', hours: Office hours")]
    [InlineData("phone: '0113 378 3364 (East), 0113 378 1666 (South)', email: a@b.gov.uk, hours: 8:30am to 5pm")]
    public void A_leaving_care_team_with_a_phone_an_email_or_form_and_hours_is_accepted(string fields) =>
        Lint(Offer("\n    topic: leisure"), Team(fields)).Should().BeEmpty();

    [Theory]
    [InlineData("phone: ask your personal adviser, email: a@b.gov.uk, hours: 9 to 5", "holds no UK phone number to dial")]
    [InlineData("phone: 123, email: a@b.gov.uk, hours: 9 to 5", "holds no UK phone number to dial")]
    public void A_phone_field_without_a_number_is_an_error(string fields, string message) =>
        Lint(Offer("\n    topic: leisure"), Team(fields)).Should().Contain(f => f.Message.Contains(message));

    [Theory]
    [InlineData("0113 378 3364 (East), 0113 378 1666 (South), 0113 247 7424 (West)", "0113 378 3364|0113 378 1666|0113 247 7424")]
    [InlineData("01484 225511 (business support and duty), or 01484 221000", "01484 225511|01484 221000")]
    [InlineData("0300 323 0251 (freephone)", "0300 323 0251")]
    [InlineData("ask your personal adviser", "")]
    public void Each_number_in_a_phone_field_is_found_on_its_own(string phone, string numbers) =>
        PhoneText.Numbers(phone).Should().Equal(numbers.Split('|', StringSplitOptions.RemoveEmptyEntries));

    [Fact]
    public void A_contact_must_cite_the_page_it_comes_from()
    {
        var uncited = Bare + "contacts:\n  leaving_care_team: { phone: 01234 567890, email: a@b.gov.uk, hours: 9 to 5 }\n";
        Lint(Offer("\n    topic: leisure"), uncited).Should().ContainSingle(f => f.Message.Contains("names no source page"));
        Lint(Offer("\n    topic: leisure"), uncited.Replace(" }", ", source: the 2018 report }"))
            .Should().ContainSingle(f => f.Message.Contains("names no source page"));
    }

    [Theory]
    [InlineData("staying_put_policy: You can stay with your foster carer (Voice of the Child action plan).", "'(Voice of the Child action plan)'")]
    [InlineData("co_production: The template says the leaflet is written with care leavers.", "'The template says'")]
    [InlineData("co_production: The council has not said.", "'The council has not said'")]
    [InlineData("co_production: Written with the forum (see notes).", "'see notes'")]
    [InlineData("co_production: See wakefield-offer-2026.txt.", "'wakefield-offer-2026.txt'")]
    public void Editorial_notes_and_placeholders_in_published_fields_are_refused(string field, string quoted) =>
        Lint(Offer("\n    topic: leisure", Head + field + "\n")).Should().ContainSingle(f => f.Severity == Severity.Error
            && f.Message.Contains(quoted) && f.Line == 3);

    [Fact]
    public void Editorial_notes_are_refused_in_items_and_contacts_but_not_in_notes()
    {
        Lint(Offer("\n    topic: leisure\n    notes: The template says so (Voice of the Child action plan); the council has not said more."))
            .Should().BeEmpty();
        Lint(Offer("\n    topic: leisure").Replace("description: Money.", "description: Money (report)."))
            .Should().ContainSingle(f => f.Message.StartsWith("'description' is published to young people"));
        Lint(Offer("\n    amount: { gbp: 5, period: once, how_to_claim: TBC }"))
            .Should().ContainSingle(f => f.Message.StartsWith("'how_to_claim' is published to young people"));
        Lint(Offer("\n    topic: leisure"), Council.Replace("name: Leaving care team", "name: Head of service (contact officer for the 2018 report)"))
            .Should().ContainSingle(f => f.Message.StartsWith("'name' is published to young people"));
    }

    [Theory]
    [InlineData("higher-education-bursary", 2000, true)]
    [InlineData("higher-education-bursary", 2500, false)]
    [InlineData("bursary-16-19", 1200, true)]
    public void A_statutory_payment_copied_from_the_catalogue_is_refused_but_more_is_accepted(string entitlement, int gbp, bool refused)
    {
        var item = Item.Replace("kind: discretionary", "kind: statutory\n    entitlement: " + entitlement).Replace("area: participation-in-society", "area: education-and-training")
            + $"\n    amount: {{ gbp: {gbp}, period: {(entitlement == "bursary-16-19" ? "yearly" : "once")} }}";
        var findings = Lint(Head + "items:\n" + item + "\n");
        if (refused) findings.Should().ContainSingle(f => f.Message.Contains("is the amount the law sets") && f.Message.Contains($"£{gbp:#,0}"));
        else findings.Should().BeEmpty();
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
        c.Versions[0].Items[0].Description.En.Should().Be("Money.");
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

    /// <summary>
    /// Issue 25: an offer older than its review date must say so at the top of its pages. The date is
    /// the offer's own next_review, else its last date plus the years the DfE guidance allows (3).
    /// </summary>
    [Theory]
    [InlineData("kirklees", "2021-06-27", true)]
    [InlineData("wirral", "2026-01-01", true)]
    [InlineData("wakefield", "2027-01-01", false)]
    [InlineData("blackpool", "2026-08-15", true)]
    public void An_offer_older_than_its_review_date_is_flagged(string id, string due, bool past)
    {
        var asAt = new LocalDate(2026, 11, 22);
        var v = Fixture.Catalog.Find(id)!.OfferOn(asAt)!;
        OfferRules.ReviewDue(Fixture.Core.Law, v).Should().Be(NodaTime.Text.LocalDatePattern.Iso.Parse(due).Value);
        OfferRules.PastReview(Fixture.Core.Law, v, asAt).Should().Be(past);
        OfferRules.PastReview(Fixture.Core.Law, v, OfferRules.ReviewDue(Fixture.Core.Law, v)!.Value).Should().BeFalse("due that day, not yet past");
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
        kirklees.Should().Contain("item 'leaving-care-grant' (Leaving Care Grant) gives no amount (the council publishes none: ask)");
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
