using LocalOffer.Batch.Input;
using LocalOffer.Core;
using NodaTime;

namespace LocalOffer.Batch.Tests;

/// <summary>
/// Issue 24, low: a CHILD holding an invisible character (zero-width, BOM, NBSP, bidi controls) is a
/// second child that looks like the first. Its header or episode row is a reject naming file, line,
/// column and field; ordinary CHILD values (with spaces trimmed, a file BOM) are still used.
/// </summary>
public sealed class InvisibleChildTests : IDisposable
{
    private static readonly RulesCore Core = SharedRules.Core;
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private (BatchSummary Summary, IReadOnlyList<Reject> Rejects) Csv(string header, string episodes)
    {
        var h = _dir.Write("header.csv", header, new System.Text.UTF8Encoding(true));
        var e = _dir.Write("episodes.csv", episodes);
        return new BatchRunner(Core).Run(new BatchOptions(h, [e], [], new LocalDate(2018, 3, 31), _dir.File("o.csv")));
    }

    [Theory]
    [InlineData("\u200B")]
    [InlineData("\uFEFF")]
    [InlineData("\u00A0")]
    [InlineData("\u202E")]
    [InlineData("\u2067")]
    public void A_csv_child_with_an_invisible_character_is_a_reject_naming_file_row_and_field(string hidden)
    {
        var (summary, rejects) = Csv(
            $"CHILD,SEX,DOB\n1,1,01/01/2002\n1{hidden},1,01/01/2003\n",
            $"CHILD,DECOM,LS,PLACE,DEC,REC\n1,01/01/2017,C2,U4,,\n1{hidden},01/02/2017,C2,U4,,\n");
        var code = $"U+{(int)hidden[0]:X4}";
        rejects.Should().HaveCount(2);
        rejects.Should().Contain(r => r.File.EndsWith("header.csv") && r.Line == 3 && r.Column == 1
            && r.Field == "CHILD" && r.Child == null && r.Reason.Contains("invisible character")
            && r.Reason.Contains(code));
        rejects.Should().Contain(r => r.File.EndsWith("episodes.csv") && r.Line == 3 && r.Column == 1
            && r.Field == "CHILD" && r.Reason.Contains(code));
        summary.Children.Should().Be(1);
        summary.RowsRead.Should().Be(summary.RowsUsed + summary.RowsRejected);
    }

    [Fact]
    public void Ordinary_children_are_still_used_spaces_trimmed_and_a_file_bom_skipped()
    {
        var (summary, rejects) = Csv("CHILD,SEX,DOB\n 1 ,1,01/01/2002\nZoé-李\U00020000,1,01/01/2003\n",
            "CHILD,DECOM,LS,PLACE,DEC,REC\n1,01/01/2017,C2,U4,,\nZoé-李\U00020000,01/02/2017,C2,U4,,\n");
        rejects.Should().BeEmpty();
        (summary.Children, summary.RowsUsed).Should().Be((2, 4));
    }

    [Fact]
    public void An_xml_childid_with_a_zero_width_space_is_refused_and_an_ordinary_one_read()
    {
        var x = _dir.Write("x.xml", """
            <EXPSSDA903><CHILD><HEADER><CHILDID>C7</CHILDID><DOB>01/01/2002</DOB></HEADER></CHILD>
            <CHILD><HEADER><CHILDID>C&#x200B;7</CHILDID><DOB>01/01/2003</DOB></HEADER>
            <EPISODE><DECOM>01/01/2016</DECOM><LS>C2</LS><PL>U4</PL></EPISODE></CHILD></EXPSSDA903>
            """);
        var (summary, rejects) = new BatchRunner(Core).Run(
            new BatchOptions(null, [], [x], new LocalDate(2018, 3, 31), _dir.File("o.csv")));
        rejects.Should().Contain(r => r.Line == 2 && r.Field == "CHILD" && r.Reason.Contains("U+200B"));
        summary.Children.Should().Be(1);
        summary.RowsRead.Should().Be(summary.RowsUsed + summary.RowsRejected);
    }
}
