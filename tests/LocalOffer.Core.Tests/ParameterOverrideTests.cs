using LocalOffer.Core.Rules;
using NodaTime;

namespace LocalOffer.Core.Tests;

/// <summary>
/// `whatif --set`: a change is made to the parameters as read from the files and the law is built from them as
/// from the files, so a change the files would refuse is refused with the same words, naming the parameter.
/// </summary>
public sealed class ParameterOverrideTests : IDisposable
{
    private static readonly EnglandLaw Law = EnglandLaw.LoadDefault();
    private readonly string _dir = Directory.CreateTempSubdirectory("rules-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void A_commencement_date_puts_a_prospective_provision_in_force_from_that_day()
    {
        var law = ParameterOverrides.Apply(Law, ["commencement.staying_close=2027-04-01"]);
        law.StayingCloseStart.Should().Be(new LocalDate(2027, 4, 1));
        law.IntentionallyHomelessStart.Should().BeNull("only what is set changes");
        Law.StayingCloseStart.Should().BeNull("the law as it stands is left as it is");
    }

    [Fact]
    public void A_dated_amount_applies_from_its_date_and_the_older_value_before_it()
    {
        var law = ParameterOverrides.Apply(Law, ["amounts.higher_education_bursary=3000@2027-09-01"]);
        law.HigherEducationBursary.On(new LocalDate(2027, 8, 31)).Should().Be(2000);
        law.HigherEducationBursary.On(new LocalDate(2027, 9, 1)).Should().Be(3000);
    }

    [Fact]
    public void Two_dated_values_of_one_parameter_both_apply_and_a_value_on_an_existing_date_replaces_it()
    {
        var law = ParameterOverrides.Apply(Law,
            ["amounts.apprenticeship_bursary=4000@2023-08-01", "amounts.apprenticeship_bursary=5000@2028-01-01"]);
        law.ApprenticeshipBursary.On(new LocalDate(2020, 1, 1)).Should().Be(1000);
        law.ApprenticeshipBursary.On(new LocalDate(2024, 1, 1)).Should().Be(4000);
        law.ApprenticeshipBursary.On(new LocalDate(2028, 1, 1)).Should().Be(5000);
    }

    [Fact]
    public void An_age_without_a_date_replaces_its_one_value()
    {
        var law = ParameterOverrides.Apply(Law, ["ages.staying_put_until=23"]);
        law.AgeStayingPutUntil.Should().Be(23);
    }

    [Fact]
    public void No_change_gives_a_law_with_every_parameter_the_same()
    {
        var law = ParameterOverrides.Apply(Law, []);
        law.Should().NotBeSameAs(Law, "the law with no change is built again from the parameters, as with changes");
        foreach (var p in Law.Book.Parameters)
        {
            var q = law.Book.Get(p.Id);
            q.Values.Select(v => (v.From, Show(v.Value))).Should().Equal(p.Values.Select(v => (v.From, Show(v.Value))), p.Id);
        }
        law.StayingCloseStart.Should().Be(Law.StayingCloseStart);
        law.MilestoneAges.Should().Equal(Law.MilestoneAges);
    }

    private static string Show(object? v) => v is string[] list ? string.Join(",", list) : Convert.ToString(v) ?? "null";

    /// <summary>Each change, made in a copy of the rule files and given as --set: the same reason both ways.</summary>
    [Theory]
    [InlineData("ages.yaml", "      2001-10-01: 18\n", "      2001-10-01: 15\n", "ages.adult=15", "ages.adult: 15 must be later than ages.eligible_from (16)")]
    [InlineData("ages.yaml", "      2001-10-01: 18\n", "      2001-10-01: 22\n", "ages.adult=22", "ages.core_duties_until: 21 must be later than ages.adult (22)")]
    [InlineData("ages.yaml", "      2001-10-01: 16\n", "      2001-10-01: 16\n      2030-01-01: 17\n", "ages.eligible_from=17@2030-01-01",
        "ages.eligible_from: must have exactly one whole-number value")]
    [InlineData("amounts.yaml", "      2009-08-22: 2000\n", "      2009-08-22: 2000\n      2027-09-01: lots\n",
        "amounts.higher_education_bursary=lots@2027-09-01", "amounts.higher_education_bursary: value 'lots' is not a number")]
    [InlineData("amounts.yaml", "      2009-08-22: 2000\n", "      2009-08-22: 2000\n      2027-09-01: -5\n",
        "amounts.higher_education_bursary=-5@2027-09-01", "amounts.higher_education_bursary: value '-5' must not be negative")]
    [InlineData("commencement.yaml", "      2014-05-13: true\n", "      2014-05-13: maybe\n", "commencement.staying_put=maybe@2014-05-13",
        "commencement.staying_put: value 'maybe' must be true, false or null")]
    [InlineData("commencement.yaml", "      2009-08-22: 2008-09-01\n", "      2009-08-22: soon\n",
        "commencement.higher_education_bursary_courses_from=soon", "must be a date (YYYY-MM-DD)")]
    [InlineData("settings.yaml", "      2001-10-01: march_1\n", "      2001-10-01: march_2\n", "settings.leap_day_birthday=march_2",
        "settings.leap_day_birthday: 'march_2' must be march_1 or february_28")]
    [InlineData("settings.yaml", "      2001-10-01: false\n", "      2001-10-01: perhaps\n", "settings.adoption_ends_care_leaver_status=perhaps",
        "settings.adoption_ends_care_leaver_status: value 'perhaps' must be true or false")]
    [InlineData("periods.yaml", "      2001-10-01: 91\n", "      2001-10-01: 91\n      2028-01-01: 100\n", "periods.eligible_days=100@2028-01-01",
        "periods.eligible_days: must have exactly one whole-number value")]
    [InlineData("commencement.yaml", "      2014-05-13: true\n", "      2014-05-13: true\n      2030-01-01: null\n",
        "commencement.staying_put=null@2030-01-01", "commencement.staying_put: in force from 2014-05-13 and not from 2030-01-01")]
    public void A_change_the_rule_files_refuse_is_refused_the_same_way_naming_the_parameter(
        string file, string find, string replace, string set, string reason)
    {
        foreach (var f in Directory.GetFiles(RulesLocator.EnglandDirectory())) File.Copy(f, Path.Combine(_dir, Path.GetFileName(f)));
        var path = Path.Combine(_dir, file);
        var text = File.ReadAllText(path);
        text.Should().Contain(find, "the test edits a value the shipped file has");
        File.WriteAllText(path, text.Replace(find, replace));
        var fromFile = () => new EnglandLaw(RuleBook.Load(_dir));
        var fileReason = fromFile.Should().Throw<RuleFileException>().Which.Reason;
        fileReason.Should().Contain(reason);

        var fromSet = () => ParameterOverrides.Apply(Law, [set]);
        var e = fromSet.Should().Throw<ParameterOverrideException>().Which;
        e.Reason.Should().EndWith(fileReason, "the same check, the same words");
        e.Message.Should().StartWith($"--set {set}: ");
    }

    [Fact]
    public void A_date_not_written_as_the_files_write_one_is_refused_with_their_words()
    {
        // The files: a value keyed by '2027-4-1' is "not a date (YYYY-MM-DD)".
        var file = Path.Combine(_dir, "amounts.yaml");
        File.WriteAllText(file, "description: x\nparameters:\n  higher_education_bursary:\n    description: d\n" +
            "    reference: [ { citation: c, url: https://www.legislation.gov.uk/x } ]\n    values: { 2027-4-1: 3000 }\n");
        var fromFile = () => RuleBook.LoadFile(file);
        fromFile.Should().Throw<RuleFileException>().Which.Reason.Should().Contain("'2027-4-1' is not a date (YYYY-MM-DD)");
        var fromSet = () => ParameterOverrides.Apply(Law, ["amounts.higher_education_bursary=3000@2027-4-1"]);
        fromSet.Should().Throw<ParameterOverrideException>().Which.Reason
            .Should().Be("'2027-4-1' is not a date (YYYY-MM-DD) in 'amounts.higher_education_bursary.values'");
    }

    [Theory]
    [InlineData("staying_close=2027-04-01", "no parameter 'staying_close' in rules/england")]
    [InlineData("commencement.staying_closer=2027-04-01", "(in commencement: commencement.advocacy,")]
    [InlineData("commencement.staying_close", "must be PARAMETER=VALUE or PARAMETER=VALUE@YYYY-MM-DD")]
    [InlineData("=2027-04-01", "must be PARAMETER=VALUE")]
    [InlineData("commencement.staying_close=true", "commencement.staying_close has no value yet: give the date")]
    [InlineData("commencement.staying_close=2027-04-01@2027-04-01", "value '2027-04-01' must be true, false or null")]
    [InlineData("commencement.staying_close=true@2300-01-01", "is outside the dates LocalOffer accepts")]
    [InlineData("commencement.staying_close=1800-01-01", "is outside the dates LocalOffer accepts")]
    [InlineData("amounts.bursary_16_19={a: 1}@2027-01-01", "'amounts.bursary_16_19' values must be plain values or lists")]
    [InlineData("amounts.bursary_16_19=[1500@2027-01-01", "--set")]
    [InlineData("amounts.bursary_16_19=*x@2027-01-01", "--set")]
    public void A_change_that_cannot_be_read_is_refused_saying_why(string set, string words)
    {
        var act = () => ParameterOverrides.Apply(Law, [set]);
        act.Should().Throw<ParameterOverrideException>().Which.Message.Should().Contain(words);
    }

    [Fact]
    public void A_parameter_set_whole_and_again_is_refused_rather_than_one_change_silently_lost()
    {
        var act = () => ParameterOverrides.Apply(Law, ["commencement.staying_close=2027-04-01", "commencement.staying_close=2028-04-01"]);
        act.Should().Throw<ParameterOverrideException>().WithMessage("*set more than once*");
        var twice = () => ParameterOverrides.Apply(Law,
            ["amounts.bursary_16_19=1300@2027-09-01", "amounts.bursary_16_19=1400@2027-09-01"]);
        twice.Should().Throw<ParameterOverrideException>().WithMessage("*set twice for 2027-09-01*");
    }

    [Fact]
    public void False_before_a_commencement_date_is_not_yet_in_force()
    {
        var law = ParameterOverrides.Apply(Law,
            ["commencement.staying_close=false@2026-05-01", "commencement.staying_close=true@2027-04-01"]);
        law.StayingCloseStart.Should().Be(new LocalDate(2027, 4, 1));
    }
}
