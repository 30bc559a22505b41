namespace LocalOffer.Core.Tests;

/// <summary>Every kind of bad care history document gets an error naming the field path.</summary>
public sealed class InputValidationTests
{
    private static readonly RulesCore Core = SharedRules.Core;

    private static IEnumerable<string> Errors(string json)
    {
        var (history, errors) = Core.Reader.Read(json);
        history.Should().BeNull();
        return errors.Select(e => e.ToString());
    }

    [Theory]
    [InlineData("not json", "$: not valid JSON")]
    [InlineData("[]", "$: a care history must be a JSON object")]
    [InlineData("{\"dateOfBirth\": 20080615}", "dateOfBirth: must be a date string")]
    [InlineData("{\"dateOfBirth\": \"15/06/2008\"}", "dateOfBirth: '15/06/2008' is not a date (YYYY-MM-DD)")]
    [InlineData("{\"dateOfBirth\": \"2008-06-15\", \"episodes\": {}}", "episodes: must be a list")]
    [InlineData("{\"dateOfBirth\": \"2008-06-15\", \"episodes\": [{\"start\": \"2024-01-01\"}]}", "episodes[0].legalStatus: is required")]
    [InlineData("{\"dateOfBirth\": \"2008-06-15\", \"episodes\": [{\"start\": \"2024-01-01\", \"legalStatus\": \"C2\", \"placement\": \"ZZ\"}]}", "episodes[0].placement: unknown SSDA903 placement 'ZZ'")]
    [InlineData("{\"dateOfBirth\": \"2008-06-15\", \"detentions\": [{\"start\": \"2024-01-01\", \"kind\": \"jail\"}]}", "detentions[0].kind: unknown kind 'jail'")]
    [InlineData("{\"dateOfBirth\": \"2008-06-15\", \"education\": [{\"start\": \"2024-01-01\", \"kind\": \"training\", \"fullTime\": \"yes\"}]}", "education[0].fullTime: must be true or false")]
    [InlineData("{\"dateOfBirth\": \"2008-06-15\", \"otherCare\": [{\"start\": \"2007-01-01\", \"kind\": \"privateFostering\"}]}", "otherCare[0].start: 2007-01-01 is before the date of birth 2008-06-15")]
    [InlineData("{\"dateOfBirth\": \"2008-06-15\", \"livingWithParent\": [{\"start\": \"2025-01-01\", \"end\": \"2024-01-01\"}]}", "livingWithParent[0].end: 2024-01-01 is before start 2025-01-01")]
    [InlineData("{\"dateOfBirth\": \"2008-06-15\", \"supportRequests\": [{\"date\": \"2000-01-01\"}]}", "supportRequests[0].date: 2000-01-01 is before the date of birth 2008-06-15")]
    [InlineData("{\"dateOfBirth\": \"2008-06-15\", \"episodes\": [{\"start\": \"2024-01-01\", \"legalStatus\": \"C2\"}, {\"start\": \"2024-01-01\", \"end\": \"2024-03-01\", \"legalStatus\": \"C2\"}]}", "episodes[1]: overlaps episodes[0]")]
    public void Bad_input_is_named_by_field_path(string json, string expected) =>
        Errors(json).Should().Contain(e => e.StartsWith(expected));

    [Fact]
    public void The_count_of_errors_left_unnamed_stays_true_through_every_cap()
    {
        // 20,000 episodes each overlapping the first: the validator names 50 and counts 19,949 more (one is
        // named by the check for the second episode... each overlap is one error); the reader's own cap of 50
        // must then say how many were left out in all, never "and 1 more".
        var eps = string.Join(",", Enumerable.Range(0, 20_000).Select(_ =>
            """{"start": "2024-01-01", "end": "2024-03-01", "legalStatus": "C2"}"""));
        var errors = Errors($$"""{"dateOfBirth": "2008-06-15", "episodes": [{{eps}}]}""").ToList();
        errors.Should().HaveCount(51);
        errors[^1].Should().Be("$: ... and 19,949 more errors");
    }

    [Fact]
    public void Several_problems_are_all_reported()
    {
        var errors = Errors("""{"dateOfBirth": "2008-06-15", "episodes": [{"start": "2024-05-01", "end": "2024-04-01", "legalStatus": "Q1", "reasonEnded": "E99"}]}""").ToList();
        errors.Should().HaveCount(3);
    }

    [Fact]
    public void As_at_before_birth_is_an_input_error()
    {
        var (h, _) = Core.Reader.Read("""{"dateOfBirth": "2008-06-15"}""");
        var act = () => Core.Engine.Assess(h!, new NodaTime.LocalDate(2008, 6, 14));
        act.Should().Throw<LocalOffer.Core.Input.InvalidInputException>().WithMessage("asAt: 2008-06-14 is before the date of birth 2008-06-15");
    }
}
