using System.Security.Cryptography;
using System.Text;
using LocalOffer.Core.Engine;

namespace LocalOffer.Core.Tests;

/// <summary>
/// The words of every explanation, warning and timeline reason, unchanged by how they are built: since issue 30
/// the explanation formats its dates and citations into the line being built (LongDate, Citations) and orders the
/// episodes without a sort when they come in order. Every sample and every scenario history, at every age from 0 to
/// 26 and on days between birthdays, is written out and hashed; <see cref="Digest"/> is what main wrote before
/// (6743802). A change of words on purpose changes the digest: the text is written to the test's folder
/// (explanation-words.received) to diff against the same run on the commit before.
/// </summary>
public sealed class ExplanationWordsTests
{
    private const string Digest = "77EF3E44F467BDF22D0CCCA442D2D4633DA26391C4CF2A05B93CD3AB8B38E99D";

    private static readonly RulesCore Core = SharedRules.Core;

    [Fact]
    public void Every_explanation_of_every_sample_and_scenario_has_the_words_it_had()
    {
        var text = new StringBuilder();
        var assessments = 0;
        foreach (var history in Histories())
            for (var years = 0; years <= 26; years++)
                foreach (var days in new[] { 0, 45, 200 })
                {
                    var asAt = history.DateOfBirth.PlusYears(years).PlusDays(days);
                    Write(Core.Engine.Assess(history, asAt), text);
                    assessments++;
                }
        assessments.Should().BeGreaterThan(5000);
        var digest = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
        if (digest != Digest)
            File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "explanation-words.received"), text.ToString());
        digest.Should().Be(Digest, $"the words of {assessments} assessments ({text.Length:N0} characters)");
    }

    private static void Write(Assessment a, StringBuilder text)
    {
        text.Append(a.Id).Append(' ').Append(a.AsAt).Append('\n').Append(a.StatusReason).Append('\n');
        foreach (var line in a.Explanation) text.Append(line).Append('\n');
        foreach (var line in a.Warnings) text.Append("! ").Append(line).Append('\n');
        foreach (var span in a.Timeline)
        {
            text.Append("- ").Append(span.Reason).Append('\n');
            foreach (var part in span.Parts) text.Append("  - ").Append(part.Reason).Append('\n');
        }
    }

    // The samples, then each distinct history of the scenario cases that reads without errors.
    private static IEnumerable<Model.CareHistory> Histories()
    {
        var folder = Path.Combine(TestPaths.RepoRoot(), "samples", "young-people");
        var json = Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal).Select(File.ReadAllText)
            .Concat(ScenarioFile.LoadAll().Select(c => c.HistoryJson).Distinct());
        foreach (var document in json)
            if (Core.Reader.Read(document).History is { } history) yield return history;
    }
}
