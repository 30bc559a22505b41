using LocalOffer.Batch.Input;
using LocalOffer.Core;
using NodaTime;

namespace LocalOffer.Batch.Tests;

/// <summary>Every kind of bad row lands in the rejects with file, line, column and reason, and nothing is lost.</summary>
public sealed class BadRowTests : IDisposable
{
    private static readonly RulesCore Core = SharedRules.Core;
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private (BatchSummary Summary, IReadOnlyList<Reject> Rejects, List<BatchResult> Results) Run(string header, string episodes, string asAt = "2018-03-31")
    {
        var h = _dir.Write("header.csv", header);
        var e = _dir.Write("episodes.csv", episodes);
        var results = new List<BatchResult>();
        var (summary, rejects) = new BatchRunner(Core).Run(
            new BatchOptions(h, [e], [], NodaTime.Text.LocalDatePattern.Iso.Parse(asAt).Value, _dir.File("out.csv"), "csv", _dir.File("rejects.csv")),
            onResult: results.Add);
        return (summary, rejects, results);
    }

    private const string Header = "CHILD,SEX,DOB\n1,1,01/01/2002\n2,1,\n3,2,31/02/2002\n4,1,2002-05-05\n";

    public static TheoryData<string, int, int, string, string> BadEpisodes => new()
    {
        // episode row, expected line, column, field, reason contains
        { "1,xx/01/2017,C2,U4,,X1", 2, 2, "DECOM", "'xx/01/2017' is not a date" },
        { "1,01/01/2017,C2,U4,32/01/2017,E4A", 2, 5, "DEC", "'32/01/2017' is not a date" },
        { "1,01/02/2017,C2,U4,01/01/2017,E4A", 2, 5, "DEC", "DEC 2017-01-01 is before DECOM 2017-02-01" },
        { "1,01/02/2001,C2,U4,01/01/2017,E4A", 2, 2, "DECOM", "before the DOB" },
        { "1,01/01/2017,Q9,U4,01/02/2017,E4A", 2, 3, "LS", "unknown legal status 'Q9'" },
        { "1,01/01/2017,C2,ZZ,01/02/2017,E4A", 2, 4, "PLACE", "unknown placement 'ZZ'" },
        { "1,01/01/2017,C2,U4,01/02/2017,E99", 2, 6, "REC", "unknown reason episode ceased 'E99'" },
        { "9,01/01/2017,C2,U4,01/02/2017,E4A", 2, 1, "CHILD", "no header row" },
        { ",01/01/2017,C2,U4,01/02/2017,E4A", 2, 1, "CHILD", "no CHILD id" },
        { "1,,C2,U4,01/02/2017,E4A", 2, 2, "DECOM", "no DECOM" },
    };

    [Theory]
    [MemberData(nameof(BadEpisodes))]
    public void A_bad_episode_row_is_rejected_naming_line_column_and_reason(string row, int line, int column, string field, string reason)
    {
        var (summary, rejects, _) = Run(Header, "CHILD,DECOM,LS,PLACE,DEC,REC\n" + row + "\n");
        var r = rejects.Single(x => x.File.EndsWith("episodes.csv"));
        (r.Line, r.Column, r.Field).Should().Be((line, column, field));
        r.Reason.Should().Contain(reason);
        summary.RowsRead.Should().Be(summary.RowsUsed + summary.RowsRejected);
    }

    [Fact]
    public void Bad_header_rows_are_rejected_and_their_episodes_too()
    {
        var (summary, rejects, results) = Run(Header, "CHILD,DECOM,LS,PLACE,DEC,REC\n2,01/01/2017,C2,U4,01/02/2017,E4A\n");
        rejects.Should().Contain(r => r.File.EndsWith("header.csv") && r.Line == 3 && r.Field == "DOB" && r.Reason == "no DOB");
        rejects.Should().Contain(r => r.File.EndsWith("header.csv") && r.Line == 4 && r.Column == 3 && r.Reason.Contains("'31/02/2002' is not a date"));
        rejects.Should().Contain(r => r.File.EndsWith("episodes.csv") && r.Line == 2 && r.Reason.Contains("no header row"));
        results.Select(r => r.Child).Should().Equal("1", "4");
        (summary.HeaderRowsRead, summary.EpisodeRowsRead, summary.RowsRejected, summary.RowsUsed).Should().Be((4, 1, 3, 2));
    }

    [Fact]
    public void Overlapping_episodes_of_one_child_reject_the_later_and_warn_on_the_child()
    {
        var (summary, rejects, results) = Run(Header,
            "CHILD,DECOM,LS,PLACE,DEC,REC\n1,01/01/2017,C2,U4,01/06/2017,E4A\n1,01/05/2017,C2,U4,01/07/2017,E4A\n1,01/08/2017,C2,U4,01/09/2017,E4A\n");
        var r = rejects.Single(x => x.File.EndsWith("episodes.csv"));
        (r.Line, r.Column, r.Field).Should().Be((3, 2, "DECOM"));
        r.Reason.Should().Contain("overlaps the episode at").And.Contain("line 2");
        results.Single(x => x.Child == "1").Warning.Should().Contain("1 row(s) of this child rejected");
        summary.RowsRead.Should().Be(summary.RowsUsed + summary.RowsRejected);
    }

    [Fact]
    public void The_same_episode_twice_in_one_return_is_a_duplicate()
    {
        var (_, rejects, _) = Run(Header, "CHILD,DECOM,LS,PLACE,DEC,REC\n1,01/01/2017,C2,U4,,X1\n1,01/01/2017,C2,U4,,X1\n");
        rejects.Single(x => x.File.EndsWith("episodes.csv")).Reason.Should().Contain("duplicate episode");
    }

    [Fact]
    public void A_record_too_long_to_search_in_turn_still_finds_its_duplicates()
    {
        // 300 episodes of a day for child 1, more than CohortBuilder.SearchedInTurn: the first search that
        // finds nothing past that many makes an index of the child's starts, used from then on.
        var start = new LocalDate(2016, 1, 1);
        string Row(int k) => $"1,{start.PlusDays(2 * k):dd/MM/yyyy},C2,U4,{start.PlusDays(2 * k + 1):dd/MM/yyyy},X1\n";
        var rows = Enumerable.Range(0, 300).Select(Row).ToList();
        rows.Add(Row(10)); // line 302: found by searching in turn, 290 episodes down
        rows.Add(Row(300)); // line 303: a new start, searched past the limit: the index is made
        rows.Add(Row(5)); // line 304: found in the index
        var (summary, rejects, results) = Run(Header, "CHILD,DECOM,LS,PLACE,DEC,REC\n" + string.Concat(rows));
        rejects.Where(r => r.File.EndsWith("episodes.csv")).Select(r => (r.Line, r.Reason)).Should().Equal(
            (302, "duplicate episode: the same CHILD and DECOM at line 12 of the same return"),
            (304, "duplicate episode: the same CHILD and DECOM at line 7 of the same return"));
        results.Single(r => r.Child == "1").Classification!.Facts.DaysLookedAfterSince14.Should().Be(301);
        summary.RowsRead.Should().Be(summary.RowsUsed + summary.RowsRejected);
        Batch.Cohort.CohortBuilder.SearchedInTurn.Should().BeLessThan(300, "the index is what this test reaches");
    }

    [Fact]
    public void Iso_dates_any_case_headers_extra_columns_bom_and_crlf_are_read()
    {
        var bom = "\uFEFF";
        var (summary, rejects, results) = Run(bom + "child,Sex,dob,LA_EXTRA\r\n1,1,2002-01-01,x\r\n",
            bom + "Child,DECOM,ls,Place,dec,rec,YEARX\r\n1,2017-01-01,C2,U4,2017-06-01,E4A,2018\r\n");
        rejects.Should().BeEmpty();
        results.Single().Classification!.Facts.DaysLookedAfterSince14.Should().Be(151);
        summary.RowsUsed.Should().Be(2);
    }

    [Fact]
    public void A_utf16_file_gets_a_clear_error()
    {
        var h = _dir.Write("header.csv", "CHILD,DOB\n1,01/01/2002\n", new System.Text.UnicodeEncoding(false, true));
        var e = _dir.Write("episodes.csv", "CHILD,DECOM,LS,PLACE,DEC,REC\n");
        var act = () => new BatchRunner(Core).Run(new BatchOptions(h, [e], [], new LocalDate(2018, 3, 31), _dir.File("o.csv")));
        act.Should().Throw<UnreadableInputException>().WithMessage("*UTF-16*save it as UTF-8*");
    }

    [Fact]
    public void A_missing_column_is_an_error_naming_it()
    {
        var h = _dir.Write("header.csv", "CHILD,SEX\n1,1\n");
        var e = _dir.Write("episodes.csv", "CHILD,DECOM,LS,PLACE,DEC,REC\n");
        var act = () => new BatchRunner(Core).Run(new BatchOptions(h, [e], [], new LocalDate(2018, 3, 31), _dir.File("o.csv")));
        act.Should().Throw<UnreadableInputException>().WithMessage("*missing column(s) DOB*");
    }

    [Fact]
    public void Later_return_wins_for_the_same_child_and_decom()
    {
        var h = _dir.Write("header.csv", "CHILD,DOB\n1,01/01/2002\n");
        var older = _dir.Write("episodes2017.csv", "CHILD,DECOM,LS,PLACE,DEC,REC\n1,01/01/2017,C2,U4,,X1\n");
        var newer = _dir.Write("episodes2018.csv", "CHILD,DECOM,LS,PLACE,DEC,REC\n1,01/01/2017,C2,U4,01/03/2017,E4A\n1,01/05/2017,V2,U6,,X1\n");
        var results = new List<BatchResult>();
        var (summary, rejects) = new BatchRunner(Core).Run(new BatchOptions(h, [older, newer], [], new LocalDate(2018, 3, 31), _dir.File("o.csv")), onResult: results.Add);
        rejects.Should().BeEmpty("the open episode of 2017 is closed by the 2018 return, so it does not overlap the next");
        summary.EpisodeRowsMerged.Should().Be(1);
        (summary.RowsRead, summary.RowsUsed).Should().Be((4, 4));
        results.Single().Classification!.Facts.DaysLookedAfterSince14.Should().Be(59 + 334);
    }

    [Fact]
    public void Xml_export_is_read_with_positions()
    {
        var x = _dir.Write("f.xml", """
            <EXPSSDA903><CHILD><HEADER><CHILDID>7</CHILDID><DOB>01/01/2002</DOB><AREVIEW><REVIEW>01/01/2017</REVIEW></AREVIEW></HEADER>
            <EPISODE><DECOM>01/01/2017</DECOM><LS>C2</LS><PL>U4</PL><DEC>01/06/2017</DEC><REC>E4A</REC></EPISODE>
            <EPISODE><DECOM>01/07/2017</DECOM><LS>XX</LS><PL>U4</PL><DEC /><REC /></EPISODE></CHILD></EXPSSDA903>
            """);
        var results = new List<BatchResult>();
        var (summary, rejects) = new BatchRunner(Core).Run(new BatchOptions(null, [], [x], new LocalDate(2018, 3, 31), _dir.File("o.csv")), onResult: results.Add);
        results.Single().Child.Should().Be("7");
        rejects.Single().Should().Match<Reject>(r => r.Line == 3 && r.Field == "LS" && r.Reason.Contains("'XX'"));
        (summary.RowsRead, summary.RowsRejected).Should().Be((3, 1));
    }
}
