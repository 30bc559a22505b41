using LocalOffer.Batch.Input;
using LocalOffer.Indicators.Input;
using NodaTime;

namespace LocalOffer.Indicators.Tests;

/// <summary>
/// Issue 24 (2): the OC3 reader goes through the one CSV input layer, so a stray quote costs one
/// rejected row (named by line and column), never the rest of the file, and rows read = counted +
/// in the cohort check + rejected.
/// </summary>
public sealed class StrayQuoteTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_quote_never_closed_rejects_its_row_and_every_later_row_is_read()
    {
        var lines = new List<string> { "CHILD,DOB,IN_TOUCH,ACTIV,ACCOM" };
        for (var i = 0; i < 30; i++) lines.Add($"C{i},15/06/2006,YES,F1,Z1");
        lines[5] = "\"C4,15/06/2006,YES,F1,Z1"; // line 6: the quote is never closed
        var rows = new List<Oc3Row>();

        Oc3CsvReader.Read(_dir.Write("oc3.csv", string.Join('\n', lines) + "\n"), rows);

        rows.Should().HaveCount(30, "every row read is kept, the malformed one as unreadable");
        rows.Single(r => r.Unreadable is not null).Should().Match<Oc3Row>(r => r.Line == 6 && r.ChildColumn == 1);
        rows.Select(r => r.Line).Should().Equal(Enumerable.Range(2, 30).Select(l => (long)l));
    }

    [Fact]
    public void Rows_read_equal_counted_plus_in_findings_plus_rejected_with_a_stray_quote()
    {
        var header = new List<string> { "CHILD,DOB" };
        var oc3 = new List<string> { "CHILD,DOB,IN_TOUCH,ACTIV,ACCOM" };
        for (var i = 0; i < 20; i++)
        {
            header.Add($"C{i},15/06/2006");
            oc3.Add($"C{i},15/06/2006,YES,F1,Z1");
        }
        oc3[3] = "C2,15/06/2006,\"YES,F1,Z1"; // line 4
        oc3[8] = "C7,15/06/2006,\"YES\"x,F1,Z1"; // line 9: text after a closing quote
        _dir.Write("header.csv", string.Join('\n', header) + "\n");
        _dir.Write("episodes.csv", "CHILD,DECOM,LS,PLACE,DEC,REC\n");
        _dir.Write("oc3.csv", string.Join('\n', oc3) + "\n");

        var run = Fixture.Runner.Compute(new IndicatorOptions(_dir.File("header.csv"), [_dir.File("episodes.csv")],
            _dir.File("oc3.csv"), [], new LocalDate(2025, 3, 31), null, _dir.File("out")));

        var s = run.Summary;
        s.Oc3RowsRead.Should().Be(20);
        (s.Oc3RowsCounted + s.Oc3RowsInFindings + s.Oc3RowsRejected).Should().Be(s.Oc3RowsRead);
        run.Rejects.Where(r => r.Field == "row").Select(r => (r.Line, r.Column)).Should().Equal((4, 3), (9, 3));
        run.Rejects.Should().Contain(r => r.Line == 4 && r.Reason.Contains("never closed"));
    }

    [Fact]
    public void A_field_over_the_cap_rejects_its_row_and_an_ordinary_file_is_read_whole()
    {
        var rows = new List<Oc3Row>();
        Oc3CsvReader.Read(_dir.Write("oc3.csv", "CHILD,DOB,IN_TOUCH,ACTIV,ACCOM\n" +
            $"{new string('X', Oc3CsvReader.MaxFieldBytes + 1)},15/06/2006,YES,F1,Z1\nB,15/06/2006,YES,F1,Z1\n"), rows);
        rows.Should().HaveCount(2);
        rows[0].Unreadable.Should().Contain("longer than 200 bytes");
        rows[1].Should().Match<Oc3Row>(r => r.Unreadable == null && r.Child == "B" && r.InTouch == "YES");
    }

    [Fact]
    public void A_row_over_a_mebibyte_stops_the_run_naming_the_line()
    {
        var act = () => Oc3CsvReader.Read(_dir.Write("oc3.csv", "CHILD,DOB,IN_TOUCH,ACTIV,ACCOM\nA,1,YES,F1,Z1\n" +
            new string('x', 3 * CsvInput.MaxRowBytes) + "\n"), []);
        act.Should().Throw<UnreadableInputException>().WithMessage("*line 3*longer than*");
    }

    /// <summary>Issue 24 (8): the OC3 XML reader goes through the one XML input layer too.</summary>
    [Fact]
    public void An_oc3_field_given_twice_in_xml_rejects_the_row_naming_the_child_and_an_ordinary_row_reads()
    {
        var rows = new List<Oc3Row>();
        Oc3XmlReader.Read(_dir.Write("x.xml", """
            <EXPSSDA903><CHILD><HEADER><CHILDID>C1</CHILDID><DOB>15/06/2006</DOB></HEADER>
            <OC3><IN_TOUCH>YES</IN_TOUCH><IN_TOUCH>NO</IN_TOUCH><ACTIV>F1</ACTIV><ACCOM>Z1</ACCOM></OC3></CHILD>
            <CHILD><HEADER><CHILDID>C2</CHILDID><DOB>15/06/2006</DOB></HEADER>
            <OC3><IN_TOUCH>yes</IN_TOUCH><ACTIV>F1</ACTIV><ACCOM>Z1</ACCOM></OC3></CHILD></EXPSSDA903>
            """), rows);
        rows.Should().HaveCount(2);
        rows[0].Unreadable.Should().Be("IN_TOUCH given twice (CHILD C1)");
        rows[1].Should().Match<Oc3Row>(r => r.Unreadable == null && r.Child == "C2" && r.InTouch == "YES");
    }
}
