using LocalOffer.Core.Rules;
using NodaTime;

namespace LocalOffer.Core.Tests;

/// <summary>The dated rules load, and a malformed rule file fails loudly naming file, line and column.</summary>
public sealed class RuleFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("rules-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Shipped_rules_load_and_every_parameter_cites_legislation_or_guidance()
    {
        var book = RuleBook.LoadDefault();
        book.Parameters.Should().HaveCountGreaterThan(30);
        book.Parameters.SelectMany(p => p.References).Should().OnlyContain(r => r.Url.StartsWith("https://www.legislation.gov.uk/") || r.Url.StartsWith("https://www.gov.uk/"));
        new EnglandLaw(book).EligibleDays.Should().Be(91);
    }

    [Theory]
    [InlineData("2018-07-31", null)]
    [InlineData("2018-08-01", 1000)]
    [InlineData("2023-07-31", 1000)]
    [InlineData("2023-08-01", 3000)]
    public void Amounts_are_dated(string on, int? expected) =>
        SharedRules.Core.Law.ApprenticeshipBursary.On(NodaTime.Text.LocalDatePattern.Iso.Parse(on).Value)
            .Should().Be(expected);

    [Fact]
    public void Prospective_provision_has_no_commencement() =>
        SharedRules.Core.Law.StayingCloseStart.Should().BeNull();

    [Fact]
    public void Yaml_syntax_error_names_file_line_and_column()
    {
        var path = Write("bad.yaml", "description: x\nparameters:\n  a:\n    description: [unclosed\n");
        var act = () => RuleBook.LoadFile(path);
        act.Should().Throw<RuleFileException>().Where(e => e.File == "bad.yaml" && e.Line >= 4 && e.Message.StartsWith("bad.yaml:"));
    }

    [Fact]
    public void Unknown_key_names_its_line()
    {
        var path = Write("ages.yaml", "description: x\nparameters:\n  adult:\n    description: d\n    refrence: []\n    values: { 2001-10-01: 18 }\n");
        var act = () => RuleBook.LoadFile(path);
        act.Should().Throw<RuleFileException>().WithMessage("ages.yaml:5:5: unknown key 'refrence'*");
    }

    [Fact]
    public void Value_keyed_by_a_non_date_is_refused()
    {
        var path = Write("ages.yaml", "description: x\nparameters:\n  adult:\n    description: d\n    reference: [ { citation: c, url: https://www.legislation.gov.uk/x } ]\n    values: { 2001-13-01: 18 }\n");
        var act = () => RuleBook.LoadFile(path);
        act.Should().Throw<RuleFileException>().WithMessage("ages.yaml:6:15: '2001-13-01' is not a date*");
    }

    [Fact]
    public void Reference_without_https_url_is_refused()
    {
        var path = Write("ages.yaml", "description: x\nparameters:\n  adult:\n    description: d\n    reference: [ { citation: c, url: ftp://x } ]\n    values: { 2001-10-01: 18 }\n");
        var act = () => RuleBook.LoadFile(path);
        act.Should().Throw<RuleFileException>().WithMessage("*must start with https://*");
    }

    [Fact]
    public void An_age_with_two_dated_values_is_refused_rather_than_misapplied()
    {
        foreach (var f in Directory.GetFiles(RulesLocator.EnglandDirectory())) File.Copy(f, Path.Combine(_dir, Path.GetFileName(f)));
        var ages = Path.Combine(_dir, "ages.yaml");
        File.WriteAllText(ages, File.ReadAllText(ages).Replace("      2001-10-01: 16\n", "      2001-10-01: 16\n      2030-01-01: 17\n"));
        var act = () => new EnglandLaw(RuleBook.Load(_dir));
        act.Should().Throw<RuleFileException>().WithMessage("ages.yaml:*ages.eligible_from: must have exactly one*");
    }

    [Fact]
    public void Ages_out_of_the_laws_order_are_refused_naming_the_file_and_line()
    {
        foreach (var f in Directory.GetFiles(RulesLocator.EnglandDirectory()))
            File.Copy(f, Path.Combine(_dir, Path.GetFileName(f)));
        var ages = Path.Combine(_dir, "ages.yaml");
        var text = File.ReadAllText(ages);
        File.WriteAllText(ages, text.Replace("      2001-10-01: 16\n", "      2001-10-01: 19\n"));
        var act = () => new EnglandLaw(RuleBook.Load(_dir));
        act.Should().Throw<RuleFileException>()
            .WithMessage("ages.yaml:*ages.adult: 18 must be later than ages.eligible_from (19)*");
        File.WriteAllText(ages, text.Replace("      2001-10-01: 16\n", "      2001-10-01: 14\n"));
        act.Should().Throw<RuleFileException>()
            .WithMessage("*ages.eligible_from: 14 must be later than ages.counting_from (14)*");
    }

    [Fact]
    public void Value_on_a_date_follows_the_dates_in_force()
    {
        var p = RuleBook.LoadDefault().Get("ages.shared_accommodation_exemption_until");
        p.ValueOn(new LocalDate(2013, 4, 28)).Should().BeNull();
        p.ValueOn(new LocalDate(2021, 5, 30)).Should().Be(22);
        p.ValueOn(new LocalDate(2021, 5, 31)).Should().Be(25);
    }
}
