using System.CommandLine;
using LocalOffer.Cli;

namespace LocalOffer.Core.Tests;

/// <summary>
/// Issue 9 on `check` and the JSON reader: duplicate keys, Latin-1, FIFOs and folders, far dates,
/// lone surrogates, control characters, overlap floods and unexpected failures all end in exit 2
/// with a clear line naming the field or path, never a stack trace.
/// </summary>
public sealed class CheckHardeningTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("check-hard-").FullName;

    public void Dispose() => Directory.Delete(_dir, true);

    private string Write(string name, string text, System.Text.Encoding? encoding = null)
    {
        var p = Path.Combine(_dir, name);
        File.WriteAllText(p, text, encoding ?? new System.Text.UTF8Encoding(false));
        return p;
    }

    private static async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        var (o, e) = (new StringWriter(), new StringWriter());
        var root = new RootCommand { LocalOffer.Cli.Commands.CheckCommand.Create() };
        var code = await CliRunner.RunAsync(root, args, o, e);
        return (code, o.ToString(), e.ToString());
    }

    private async Task<string> Refused(string json, string asAt = "2026-11-22")
    {
        var (code, _, err) = await Run("check", Write("h.json", json), "--as-at", asAt);
        code.Should().Be(2, err);
        err.Should().StartWith("error: ").And.NotContain("   at ");
        return err;
    }

    [Fact]
    public async Task A_duplicate_key_is_an_error_naming_the_key_and_its_path()
    {
        (await Refused("""{"dateOfBirth":"2008-06-15","dateOfBirth":"2001-01-01"}"""))
            .Should().Contain("dateOfBirth: duplicate field");
        (await Refused("""{"dateOfBirth":"2008-06-15","episodes":[{"start":"2022-01-01","legalStatus":"C2","legalStatus":"V2"}]}"""))
            .Should().Contain("episodes[0].legalStatus: duplicate field");
    }

    [Fact]
    public async Task Latin1_is_refused_not_turned_into_replacement_characters()
    {
        var (code, _, err) = await Run("check", Write("h.json", """{"id":"Zoé","dateOfBirth":"2008-06-15"}""", System.Text.Encoding.Latin1));
        code.Should().Be(2);
        err.Should().Contain("not UTF-8");
    }

    [Fact]
    public async Task A_fifo_or_a_folder_is_refused()
    {
        var fifo = Path.Combine(_dir, "fifo.json");
        using (var p = System.Diagnostics.Process.Start("mkfifo", fifo)) p.WaitForExit();
        var run = Run("check", fifo);
        (await Task.WhenAny(run, Task.Delay(10_000))).Should().Be(run, "a FIFO must not hang check");
        (await run).Code.Should().Be(2);
        (await Run("check", _dir)).Code.Should().Be(2);
    }

    [Theory]
    [InlineData("""{"dateOfBirth":"9999-12-31"}""", "2026-11-22", "dateOfBirth: 9999-12-31 is outside")]
    [InlineData("""{"dateOfBirth":"2008-06-15","supportRequests":[{"date":"9999-01-01"}]}""", "2026-11-22", "supportRequests[0].date")]
    [InlineData("""{"dateOfBirth":"2008-06-15"}""", "9999-12-31", "--as-at: 9999-12-31 is outside")]
    [InlineData("""{"dateOfBirth":"2008-06-15"}""", "1899-12-31", "1900-01-01 to 2199-12-31")]
    public async Task Dates_outside_the_documented_range_are_refused(string json, string asAt, string message) =>
        (await Refused(json, asAt)).Should().Contain(message);

    [Theory]
    [InlineData("2199-12-31", "2199-12-31")]
    [InlineData("1900-01-01", "2199-12-31")]
    [InlineData("1900-01-01", "1900-01-01")]
    public async Task The_edges_of_the_range_are_answered(string dob, string asAt)
    {
        var json = $$"""{"dateOfBirth":"{{dob}}","episodes":[{"start":"{{dob}}","legalStatus":"C2"}],"detentions":[{"start":"{{dob}}","kind":"custody"}]}""";
        var (code, output, err) = await Run("check", Write("h.json", json), "--as-at", asAt, "--format", "json");
        code.Should().Be(0, err);
        output.Should().Contain("\"status\"");
    }

    [Fact]
    public async Task A_lone_surrogate_is_refused() =>
        (await Refused("""{"id":"\ud800","dateOfBirth":"2008-06-15"}""")).Should().Contain("lone surrogate");

    [Fact]
    public async Task Control_characters_in_the_id_are_refused_and_never_echoed()
    {
        var err = await Refused("{\"id\":\"YP\\u001b[2J\\u001b]0;x\\u0007\",\"dateOfBirth\":\"2008-06-15\",\"episodes\":[{\"start\":\"x\\u001b[31m\",\"legalStatus\":\"C2\"}]}");
        err.Should().Contain("id: must be").And.NotContain("\u001b").And.NotContain("\u0007");
    }

    [Fact]
    public async Task Overlapping_floods_give_at_most_51_errors()
    {
        var episodes = string.Join(',', Enumerable.Repeat("""{"start":"2020-01-01","legalStatus":"C2"}""", 5000));
        var err = await Refused($$"""{"dateOfBirth":"2005-01-01","episodes":[{{episodes}}]}""");
        err.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.Should().BeLessThanOrEqualTo(52);
        err.Should().Contain("more");
    }

    [Fact]
    public void Overlaps_are_found_by_one_sweep_however_the_periods_are_ordered()
    {
        var reader = SharedRules.Core.Reader;
        var (_, errors) = reader.Read("""
            {"dateOfBirth":"2006-01-01","episodes":[
              {"start":"2021-01-01","end":"2021-06-01","legalStatus":"C2"},
              {"start":"2020-01-01","end":"2022-01-01","legalStatus":"C2"},
              {"start":"2023-01-01","end":"2023-01-01","legalStatus":"C2"},
              {"start":"2022-01-01","legalStatus":"C2"}]}
            """);
        errors.Select(e => e.ToString()).Should().Equal("episodes[1]: overlaps episodes[0] (2021-01-01 to 2021-06-01): one child cannot be in two episodes on the same day");
    }

    [Fact]
    public async Task An_unexpected_failure_is_one_line_and_exit_2()
    {
        var boom = new Command("boom");
        boom.SetAction((Func<System.CommandLine.ParseResult, int>)(_ => throw new NullReferenceException("deep inside")));
        var (o, e) = (new StringWriter(), new StringWriter());
        var code = await CliRunner.RunAsync(new RootCommand { boom }, ["boom"], o, e);
        code.Should().Be(2);
        e.ToString().Should().StartWith("error: ").And.NotContain("   at ");
    }
}
