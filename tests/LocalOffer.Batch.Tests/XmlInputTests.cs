using LocalOffer.Batch.Input;
using LocalOffer.Core;
using NodaTime;

namespace LocalOffer.Batch.Tests;

/// <summary>
/// Issue 24, item 8 and the XML field cap: a field given twice in one group (two DOBs, two DECs)
/// is refused, naming the element and the child, instead of the last silently winning; a field far
/// longer than any id, date or code is refused while memory stays bounded; an ordinary export reads.
/// </summary>
public sealed class XmlInputTests : IDisposable
{
    private static readonly RulesCore Core = SharedRules.Core;
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private (BatchSummary Summary, IReadOnlyList<Reject> Rejects) Run(string xml)
    {
        var x = _dir.Write("x.xml", xml);
        return new BatchRunner(Core).Run(new BatchOptions(null, [], [x], new LocalDate(2018, 3, 31), _dir.File("o.csv")));
    }

    [Fact]
    public void A_dob_given_twice_rejects_the_header_naming_the_child_and_element()
    {
        var (summary, rejects) = Run("""
            <EXPSSDA903><CHILD><HEADER><CHILDID>C7</CHILDID><DOB>01/01/2002</DOB><DOB>01/01/2009</DOB></HEADER>
            </CHILD><CHILD><HEADER><CHILDID>C8</CHILDID><DOB>01/01/2003</DOB></HEADER></CHILD></EXPSSDA903>
            """);
        rejects.Should().Contain(r => r.Line == 1 && r.Reason.Contains("DOB given twice") && r.Reason.Contains("CHILD C7"));
        summary.HeaderRowsRead.Should().Be(2);
        summary.RowsRead.Should().Be(summary.RowsUsed + summary.RowsRejected);
    }

    [Fact]
    public void A_dec_given_twice_rejects_the_episode_and_an_ordinary_episode_is_used()
    {
        var (summary, rejects) = Run("""
            <EXPSSDA903><CHILD><HEADER><CHILDID>C7</CHILDID><DOB>01/01/2002</DOB></HEADER>
            <EPISODE><DECOM>01/01/2016</DECOM><LS>C2</LS><PL>U4</PL><DEC>01/06/2016</DEC><DEC>01/06/2017</DEC><REC>E4A</REC></EPISODE>
            <EPISODE><DECOM>01/01/2017</DECOM><LS>C2</LS><PL>U4</PL></EPISODE>
            </CHILD></EXPSSDA903>
            """);
        rejects.Should().ContainSingle().Which.Should().Match<Reject>(r =>
            r.Line == 2 && r.Reason.Contains("DEC given twice") && r.Reason.Contains("CHILD C7"));
        summary.EpisodeRowsRead.Should().Be(2);
        summary.RowsRejected.Should().Be(1);
    }

    [Fact]
    public void A_field_of_many_megabytes_is_refused_and_read_in_bounded_memory()
    {
        var x = _dir.File("big.xml");
        using (var w = new StreamWriter(x))
        {
            w.Write("<EXPSSDA903><CHILD><HEADER><CHILDID>");
            for (var i = 0; i < 2_000; i++) w.Write(new string('9', 10_000));
            w.Write("</CHILDID><DOB>01/01/2002</DOB></HEADER></CHILD>\n");
            w.Write("<CHILD><HEADER><CHILDID>C8</CHILDID><DOB>01/01/2003</DOB></HEADER></CHILD></EXPSSDA903>");
        }
        var before = GC.GetAllocatedBytesForCurrentThread();
        var (summary, rejects) = new BatchRunner(Core).Run(
            new BatchOptions(null, [], [x], new LocalDate(2018, 3, 31), _dir.File("o.csv")));
        rejects.Should().ContainSingle(r => r.Reason.Contains("CHILDID longer than 1,024 characters"));
        summary.HeaderRowsRead.Should().Be(2);
        summary.RowsUsed.Should().Be(1);
        // The old reader built the whole 20 M-character value (40 MB) and more; chunks keep it to the cap.
        (GC.GetAllocatedBytesForCurrentThread() - before).Should().BeLessThan(20_000_000);
    }
}
