using LocalOffer.Batch.Caseload;
using LocalOffer.Batch.Input;
using NodaTime;

namespace LocalOffer.Batch.Tests;

/// <summary>
/// Issue 24 (2): the caseload CSV goes through the one CSV input layer. Before, one stray quote
/// silently swallowed every later row (5 of 531 read, exit 0); now it rejects its own row (line,
/// column) and every later adviser and review date is read: used + rejected = read.
/// </summary>
public sealed class CaseloadStrayQuoteTests
{
    private static readonly LocalDate AsAt = new(2026, 3, 31);

    private static Dictionary<string, (CaseloadExtras Extras, long Line)> Read(string text, List<Reject> rejects) =>
        CaseloadCsvReader.Read(InputSource.Bytes("caseload.csv", System.Text.Encoding.UTF8.GetBytes(text)), AsAt, rejects);

    [Fact]
    public void A_stray_quote_rejects_one_row_and_every_later_row_is_read()
    {
        var lines = new List<string> { "CHILD,adviser,team,last_review" };
        for (var i = 0; i < 530; i++) lines.Add($"C{i},Adviser {i % 7},Team,2026-01-{1 + i % 28:00}");
        lines[5] = "C4,\"Adviser 4,Team,2026-01-05"; // line 6
        var rejects = new List<Reject>();

        var extras = Read(string.Join("\r\n", lines) + "\r\n", rejects);

        (extras.Count + rejects.Count).Should().Be(530);
        rejects.Single().Should().Match<Reject>(r => r.Line == 6 && r.Column == 2 && r.Reason.Contains("never closed"));
        extras["C529"].Extras.Adviser.Should().Be("Adviser 4");
        extras["C529"].Line.Should().Be(531);
    }

    [Fact]
    public void A_quote_inside_an_unquoted_field_is_text_as_a_spreadsheet_reads_it()
    {
        var rejects = new List<Reject>();
        var extras = Read("CHILD,adviser\nA,Siobhan O\"Brien\nB,Jo\n", rejects);
        rejects.Should().BeEmpty();
        extras["A"].Extras.Adviser.Should().Be("Siobhan O\"Brien");
        extras["B"].Extras.Adviser.Should().Be("Jo");
    }
}
