using System.Reflection;
using System.Text.RegularExpressions;
using LocalOffer.Core.Engine;
using LocalOffer.Core.Model;
using LocalOffer.Core.Rules;

namespace LocalOffer.Core.Tests;

/// <summary>
/// The entitlement catalogue and the provisions (rules/england/entitlements.yaml, provisions.yaml):
/// declared once, every id with one rule, every parameter read and used, errors naming file:line:column.
/// </summary>
public sealed class CatalogueTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("catalogue-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Every_catalogue_entry_has_one_rule_and_every_rule_an_entry()
    {
        var law = SharedRules.Core.Law;
        var rules = new LocalOffer.Core.Engine.Entitlements.EntitlementRuleSet(law).Ids.ToArray();
        rules.Should().OnlyHaveUniqueItems();
        rules.Should().BeEquivalentTo(law.Entitlements.Ids);
        typeof(EntitlementIds).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!)
            .Should().BeEquivalentTo(law.Entitlements.Ids, "each named id is in the catalogue, and only those");
    }

    [Fact]
    public void Every_entry_has_words_and_provisions()
    {
        foreach (var e in SharedRules.Core.Law.Entitlements.All)
        {
            e.Title.Should().NotBeNullOrWhiteSpace(e.Id);
            e.Summary.Should().Contain("you", $"{e.Id}: the summary is for a young person, in the second person");
            e.Summary.Should().NotMatchRegex(@"s\.\d|reg \d|\[|\]", $"{e.Id}: no citations or ids in words for a young person");
            e.Provisions.Should().NotBeEmpty(e.Id);
        }
    }

    [Fact]
    public void Every_parameter_is_read_by_a_typed_accessor()
    {
        var book = RuleBook.LoadDefault();
        _ = new EnglandLaw(book);
        book.Parameters.Select(p => p.Id).Except(book.ReadIds)
            .Should().BeEmpty("a parameter nothing reads would change nothing when edited");
    }

    [Fact]
    public void Every_accessor_of_the_law_is_used_by_the_program()
    {
        // Each typed accessor of EnglandLaw must be read somewhere in src/ outside EnglandLaw.cs: an
        // accessor nothing uses is a parameter that changes nothing (e.g. a commencement date no rule reads).
        var src = Path.Combine(TestPaths.RepoRoot(), "src");
        var code = string.Join("\n", Directory.GetFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && Path.GetFileName(f) != "EnglandLaw.cs")
            .Select(File.ReadAllText));
        var unused = typeof(EnglandLaw).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.Name is not ("Book" or "MilestoneAges"))
            .Where(p => !Regex.IsMatch(code, $@"\.{p.Name}\b"))
            .Select(p => p.Name);
        unused.Should().BeEmpty();
    }

    [Fact]
    public void Every_provision_is_cited_by_an_entitlement_or_the_engine()
    {
        var law = SharedRules.Core.Law;
        var byEntitlement = law.Entitlements.All.SelectMany(e => e.ProvisionIds).ToHashSet();
        var named = typeof(Provisions).GetProperties().Where(p => p.PropertyType == typeof(LegalReference))
            .Select(p => (LegalReference)p.GetValue(law.P)!).ToHashSet();
        law.P.Book.Ids.Where(id => !byEntitlement.Contains(id) && !named.Contains(law.P.Book.Get(id)))
            .Should().BeEmpty("a provision nobody cites is dead data");
        // ... and every named provision is cited by the engine's code.
        var src = Path.Combine(TestPaths.RepoRoot(), "src", "LocalOffer.Core");
        var code = string.Join("\n", Directory.GetFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) != "Provisions.cs").Select(File.ReadAllText));
        typeof(Provisions).GetProperties().Where(p => p.PropertyType == typeof(LegalReference))
            .Where(p => !Regex.IsMatch(code, $@"\bP\.{p.Name}\b")).Select(p => p.Name).Should().BeEmpty();
    }

    private void CopyRules()
    {
        foreach (var f in Directory.GetFiles(RulesLocator.EnglandDirectory())) File.Copy(f, Path.Combine(_dir, Path.GetFileName(f)));
    }

    [Fact]
    public void An_unknown_provision_in_the_catalogue_names_file_line_and_column()
    {
        CopyRules();
        var file = Path.Combine(_dir, "entitlements.yaml");
        File.WriteAllText(file, File.ReadAllText(file).Replace("provisions: [ca-sch2-19C,", "provisions: [ca-sch2-19X,"));
        var act = () => new EnglandLaw(RuleBook.Load(_dir));
        act.Should().Throw<RuleFileException>().WithMessage("entitlements.yaml:*:*: entitlement 'personal-adviser': unknown provision 'ca-sch2-19X'*");
    }

    /// <summary>
    /// The SSDA903 return's convention (settings.adoption_ends_care_leaver_status: true), for statistics only:
    /// care before an adoption gives no status, and the reason says it is the convention, not the law.
    /// </summary>
    [Fact]
    public void The_statistics_setting_leaves_adopted_young_people_out_and_says_so()
    {
        CopyRules();
        var file = Path.Combine(_dir, "settings.yaml");
        File.WriteAllText(file, File.ReadAllText(file).Replace("      2001-10-01: false", "      2001-10-01: true"));
        var core = new RulesCore(new EnglandLaw(RuleBook.Load(_dir)), Ssda903Codes.LoadDefault());
        var h = CareHistory.Of(new NodaTime.LocalDate(2010, 2, 2),
            new Episode(new NodaTime.LocalDate(2024, 3, 1), new NodaTime.LocalDate(2026, 5, 14), "E1", "A5", "E11"));
        var a = core.Engine.Assess(h, new NodaTime.LocalDate(2028, 2, 2));
        a.Status.Should().Be(Status.None);
        a.StatusReason.Should().Contain("SSDA903 care leaver return's convention");
        core.Engine.Classify(h, new NodaTime.LocalDate(2028, 2, 2)).Status.Should().Be(Status.None);
        // The law's reading, the default: qualifying (s.24(1B), (2)(a)).
        SharedRules.Core.Engine.Assess(h, new NodaTime.LocalDate(2028, 2, 2)).Status.Should().Be(Status.Qualifying);
    }

    [Fact]
    public void An_unknown_key_or_a_missing_rule_is_refused()
    {
        CopyRules();
        var file = Path.Combine(_dir, "entitlements.yaml");
        var text = File.ReadAllText(file);
        File.WriteAllText(file, text.Replace("    local_offer: must_explain\n  pathway-plan:", "    local_offer: must_explain\n    colour: blue\n  pathway-plan:"));
        ((Action)(() => new EnglandLaw(RuleBook.Load(_dir)))).Should().Throw<RuleFileException>().WithMessage("entitlements.yaml:*unknown key 'colour'*");
        File.WriteAllText(file, text + "  made-up:\n    title: T\n    short: t\n    summary: You get T.\n    who: W\n    provisions: [ca-s22-1]\n" +
            "    local_offer: may_explain\n");
        var law = new EnglandLaw(RuleBook.Load(_dir));
        ((Action)(() => new LocalOffer.Core.Engine.Entitlements.EntitlementRuleSet(law))).Should().Throw<RuleFileException>()
            .WithMessage("*'made-up' has no rule*");
    }

    /// <summary>
    /// Issue 25: the statutory bursaries appear on every council's money page from the catalogue, each
    /// with its dated amount (amounts.yaml) and how to apply, never copied into a council's offer.
    /// </summary>
    [Theory]
    [InlineData("higher-education-bursary", "once", "2009-08-22", 2000)]
    [InlineData("bursary-16-19", "yearly", "2011-09-01", 1200)]
    [InlineData("apprenticeship-bursary", "once", "2018-08-01", 1000)]
    [InlineData("apprenticeship-bursary", "once", "2023-08-01", 3000)]
    public void The_statutory_bursaries_carry_their_dated_amount_and_how_to_apply(string id, string period, string from, int gbp)
    {
        var money = EnglandLaw.LoadDefault().Entitlements[id].Money!;
        var date = NodaTime.Text.LocalDatePattern.Iso.Parse(from).Value;
        (money.Period, money.Amount.On(date), money.Amount.On(date.PlusDays(-1)) == gbp).Should().Be((period, gbp, false));
        money.HowToApply.Should().Contain("you").And.NotMatchRegex(@"s\.\d|reg \d|£");
        money.Source.Should().StartWith("https://");
    }

    /// <summary>
    /// Issue 25: a prospective duty (no commencement date yet) is shown to young people only under
    /// "Coming soon"; the catalogue names the commencement setting, and a duty with none is in force.
    /// </summary>
    [Fact]
    public void A_duty_is_in_force_from_its_commencement_and_prospective_without_one()
    {
        var law = EnglandLaw.LoadDefault();
        var day = new NodaTime.LocalDate(2026, 11, 22);
        law.Entitlements.All.Where(e => !e.InForceOn(day)).Select(e => e.Id)
            .Should().BeEquivalentTo("staying-close", "not-intentionally-homeless");
        law.Entitlements["no-local-connection-test"].InForceOn(new NodaTime.LocalDate(2025, 7, 9)).Should().BeFalse();
        law.Entitlements["no-local-connection-test"].InForceOn(new NodaTime.LocalDate(2025, 7, 10)).Should().BeTrue();
        law.Entitlements["personal-adviser"].Commencement.Should().BeNull();
        law.Entitlements["personal-adviser"].InForceOn(new NodaTime.LocalDate(1990, 1, 1)).Should().BeTrue();
    }

    [Fact]
    public void Every_entry_has_a_short_name_for_a_young_persons_sentence()
    {
        foreach (var e in EnglandLaw.LoadDefault().Entitlements.All)
        {
            e.Short.Should().NotBeNullOrWhiteSpace(e.Id);
            e.Short[0].Should().Match<char>(c => !char.IsUpper(c) || e.Short.StartsWith("16"), $"{e.Id}: lower case, to sit inside a sentence");
            e.Short.Should().NotMatchRegex(@"(?i)\b(eligible|relevant|qualifying)\b|s\.\d", e.Id);
        }
    }

    [Theory]
    [InlineData("commencement: commencement.staying_close", "commencement: commencement.free_pony", "commencement 'commencement.free_pony' is not a setting of commencement.yaml")]
    [InlineData("commencement: commencement.staying_close", "commencement: amounts.bursary_16_19", "commencement 'amounts.bursary_16_19' is not a setting")]
    public void A_bad_commencement_names_file_line_and_column(string from, string to, string message)
    {
        CopyRules();
        var file = Path.Combine(_dir, "entitlements.yaml");
        File.WriteAllText(file, File.ReadAllText(file).Replace(from, to));
        ((Action)(() => new EnglandLaw(RuleBook.Load(_dir)))).Should().Throw<RuleFileException>()
            .WithMessage($"entitlements.yaml:*:*: entitlement 'staying-close': {message}*");
    }

    [Fact]
    public void Only_payments_carry_money()
    {
        var law = EnglandLaw.LoadDefault();
        law.Entitlements.All.Where(e => e.Money is not null).Select(e => e.Id)
            .Should().BeEquivalentTo("higher-education-bursary", "bursary-16-19", "apprenticeship-bursary");
    }

    [Theory]
    [InlineData("amount: amounts.higher_education_bursary", "amount: amounts.free_pony", "money amount 'amounts.free_pony' is not a parameter of amounts.yaml")]
    [InlineData("amount: amounts.higher_education_bursary", "amount: ages.leaving_care_from", "money amount 'ages.leaving_care_from' is not a parameter")]
    [InlineData("source: https://www.legislation.gov.uk/uksi/2009/2274/regulation/2", "source: a leaflet", "money source must be a https:// address")]
    public void A_bad_money_entry_names_file_line_and_column(string from, string to, string message)
    {
        CopyRules();
        var file = Path.Combine(_dir, "entitlements.yaml");
        File.WriteAllText(file, File.ReadAllText(file).Replace(from, to));
        ((Action)(() => new EnglandLaw(RuleBook.Load(_dir)))).Should().Throw<RuleFileException>()
            .WithMessage($"entitlements.yaml:*:*: entitlement 'higher-education-bursary': {message}*");
    }

    [Fact]
    public void A_bad_provision_url_names_the_line()
    {
        CopyRules();
        var file = Path.Combine(_dir, "provisions.yaml");
        File.WriteAllText(file, File.ReadAllText(file).Replace("url: https://www.legislation.gov.uk/ukpga/1989/41/section/12 }", "url: http://example.org }"));
        ((Action)(() => new EnglandLaw(RuleBook.Load(_dir)))).Should().Throw<RuleFileException>().WithMessage("provisions.yaml:*must start with https://*");
    }
}

/// <summary>
/// What ties a rule to its catalogue entry and to the short cuts, found from the code itself rather than
/// a list kept by hand (issue 23).
/// </summary>
public sealed class RuleBindingTests
{
    private static readonly RulesCore Core = SharedRules.Core;

    /// <summary>
    /// Every provision a rule can cite (each LegalReference it holds) is listed in its catalogue entry, so the
    /// "what the law says" pages and the compliance list name every provision the engine cites.
    /// </summary>
    [Fact]
    public void Every_provision_a_rule_cites_is_in_its_catalogue_entry()
    {
        var rules = (LocalOffer.Core.Engine.Entitlements.EntitlementRule[])typeof(
                LocalOffer.Core.Engine.Entitlements.EntitlementRuleSet)
            .GetField("_rules", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(Core.Engine.Entitlements)!;
        rules.Should().HaveCount(Core.Law.Entitlements.Ids.Count);
        foreach (var rule in rules)
        {
            var cited = rule.GetType().GetFields(BindingFlags.NonPublic | BindingFlags.Instance)
                .Select(f => f.GetValue(rule))
                .SelectMany(v => v switch
                {
                    LegalReference r => [r],
                    LegalReference[] rs => rs,
                    _ => Array.Empty<LegalReference>(),
                })
                .Select(r => r.Citation).Distinct().ToList();
            cited.Should().NotBeEmpty(rule.Id);
            Core.Law.Entitlements[rule.Id].Provisions.Select(p => p.Citation).Should()
                .Contain(cited, $"the catalogue entry '{rule.Id}' lists every provision its rule cites");
        }
    }

    /// <summary>
    /// The short cuts read episodes alone and step aside for any other list (HistoryView.OnlyEpisodes): every
    /// list of a care history but the episodes, found by reflection, sends a child to the full path. A list
    /// added to CareHistory and not to OnlyEpisodes fails here.
    /// </summary>
    [Fact]
    public void Every_list_of_a_care_history_but_the_episodes_sends_a_child_to_the_full_path()
    {
        var dob = new NodaTime.LocalDate(2008, 6, 15);
        var basic = CareHistory.Of(dob, new Episode(new NodaTime.LocalDate(2015, 1, 1), new NodaTime.LocalDate(2016, 1, 1), "C2"));
        var asAt = new NodaTime.LocalDate(2020, 1, 1);
        Core.Engine.TakesShortCut(basic, asAt).Should().BeTrue("a child whose care ended before 16 takes the short cut");
        var lists = typeof(CareHistory).GetProperties()
            .Where(p => p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(IReadOnlyList<>)
                && p.Name != nameof(CareHistory.Episodes)).ToList();
        lists.Should().HaveCountGreaterThan(4);
        foreach (var list in lists)
        {
            var item = Example(list.PropertyType.GetGenericArguments()[0], dob);
            var array = Array.CreateInstance(item.GetType(), 1);
            array.SetValue(item, 0);
            var args = typeof(CareHistory).GetConstructors()[0].GetParameters()
                .Select(p => p.Name == "Id" ? null : p.Name == "DateOfBirth" ? (object)dob
                    : p.Name == list.Name ? array : p.Name == "Episodes" ? basic.Episodes
                    : Array.CreateInstance(p.ParameterType.GetGenericArguments()[0], 0))
                .ToArray();
            var h = (CareHistory)typeof(CareHistory).GetConstructors()[0].Invoke(args);
            Core.Engine.TakesShortCut(h, asAt).Should().BeFalse($"a history with {list.Name} takes the full path");
        }
    }

    // One item of a list's type, made from its constructor: dates a year after birth, the first of each enum.
    private static object Example(Type t, NodaTime.LocalDate dob) =>
        t.GetConstructors()[0].Invoke(t.GetConstructors()[0].GetParameters().Select(p =>
            p.ParameterType == typeof(NodaTime.LocalDate) || p.ParameterType == typeof(NodaTime.LocalDate?)
                ? (object)dob.PlusYears(13)
                : p.ParameterType.IsEnum ? Enum.GetValues(p.ParameterType).GetValue(0)!
                : p.ParameterType == typeof(bool) ? false : null!).ToArray());
}
