using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using LocalOffer.Core.Engine;
using LocalOffer.Indicators.Input;
using LocalOffer.Indicators.Output;
using NodaTime;

namespace LocalOffer.Indicators.Tests;

/// <summary>
/// The workbook's sheets are written as UTF-8 bytes by <c>SheetXml</c>, not through the XmlWriter (issue 30).
/// Held here to the XmlWriter: every sheet and the shared strings, byte for byte, as the XmlWriter alone writes
/// them (the writer as it was, kept below), on the fake return and on young people whose every text is hostile;
/// and a text the XmlWriter refuses (a lone surrogate, U+FFFE, U+FFFF) refused alike.
/// </summary>
public sealed class WorkbookCellTests
{
    [Fact]
    public void The_fake_returns_workbook_is_the_xml_writers_byte_for_byte()
    {
        var run = Fixture.Runner.Compute(new IndicatorOptions(Path.Combine(Fixture.FakeData, "header.csv"),
            [Path.Combine(Fixture.FakeData, "episodes.csv")], Path.Combine(Fixture.FakeData, "oc3.csv"), [],
            new LocalDate(2018, 3, 31), "384", Path.GetTempPath()));
        run.People.Should().NotBeEmpty();
        Same(run.Rows, run.People, "Care leaver indicators, year ending 2018-03-31, Wakefield");
    }

    public static TheoryData<string> Hostile => new()
    {
        "<b>bold</b> & \"quoted\" 'single'", "  leading and trailing  ", "\ttab\nnew line\r\ncarriage",
        "=HYPERLINK(\"http://x\")", "control\u0001\u001f\u0000 characters",
        "emoji 🙋‍♀️ and العربية ትግርኛ",
        "]]> <![CDATA[ x ]]>", "&amp; &#x41; &lt;", "\u200b\u200e\u202e invisible", "", " ", new string('x', 40_000),
        "\u0085 \u2028 \u2029 line separators", "\uFFFD replacement",
        "del \u007f and C1 \u0080 \u009f", "\u07ff \u0800 \ud7ff \ue000 \ufffd ends of UTF-8's lengths",
        "pairs 𐀀 \U0010FFFF at the end 😀", "\n\nlines\n", "\u00a0non-breaking\u00a0", ">", "&",
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Hostile_text_in_every_text_cell_is_written_as_the_xml_writer_writes_it(string text)
    {
        var oc3 = new Oc3Row("oc3.csv", 7, text, 1, text, 2, text, 3, text, 4, text, 5);
        // Enough young people for more than 4,096 shared strings (the dates), fewer for the longest text.
        var people = Enumerable.Range(0, text.Length > 1000 ? 20 : 5000).Select(i => new YoungPerson(
            i % 3 == 0 ? text : $"{text}{i}", new LocalDate(2000 + i % 20, 1 + i % 12, 1 + i % 28), 17 + i % 5,
            new LocalDate(2025, 1 + i % 12, 1), i % 2 == 0 ? text : "17-18", (Status)(i % 5), i % 2 == 0,
            i % 4 == 0 ? null : oc3 with { Line = i + 2 }, i % 5 == 0 ? null : text + i % 7, text,
            i % 6 == 0 ? null : text, text + i % 4000, i % 3 == 0 ? null : text, i % 2 == 0 ? text : null,
            i % 2 == 0, i % 3 == 0, i % 7 == 0 ? null : text)).ToList();
        var rows = new[]
        {
            new IndicatorRow(text, text, text, -1, int.MaxValue, null, 2025, new BenchmarkFigure(text, null),
                new BenchmarkFigure(text, 12.5m), null, new Benchmarks.NeighbourMedian(-0.5m, 3, 10), null),
            new IndicatorRow("in_touch", "17-18", "in_touch", 0, 0, 0, 0,
                new BenchmarkFigure("x", 79228162514264337593543950335m), null, new BenchmarkFigure("c", 0.0001m), null,
                null),
        };
        Same(rows, people, text);
    }

    // The characters as numbers: xUnit's names for the cases would make a lone surrogate U+FFFD.
    [Theory]
    [InlineData(0xD800, 0x20)]
    [InlineData(0xDC00, 0x20)]
    [InlineData(0xDC00, 0xD800)]
    [InlineData(0xD800, -1)]
    [InlineData(0xFFFE, 0x20)]
    [InlineData(0xFFFF, -1)]
    public void A_text_the_xml_writer_refuses_is_refused_as_before(int first, int second)
    {
        var text = "text " + (char)first + (second < 0 ? "" : ((char)second).ToString());
        var people = new[]
        {
            new YoungPerson(text, new LocalDate(2007, 1, 1), 18, new LocalDate(2025, 1, 1), "17-18",
                Status.Relevant, true, null, null, "", null, null, null, null, false, false, null),
        };
        var act = () => IndicatorXlsx.Write(new MemoryStream(), [], people, "t");
        act.Should().Throw<ArgumentException>();
        var reference = () => Reference.Sheets([], people, "t");
        reference.Should().Throw<ArgumentException>();
    }

    private static void Same(IReadOnlyList<IndicatorRow> rows, IReadOnlyList<YoungPerson> people, string title)
    {
        using var stream = new MemoryStream();
        IndicatorXlsx.Write(stream, rows, people, title);
        using var zip = new ZipArchive(new MemoryStream(stream.ToArray()), ZipArchiveMode.Read);
        string Part(string name)
        {
            using var s = zip.GetEntry(name)!.Open();
            using var r = new MemoryStream();
            s.CopyTo(r);
            return Encoding.UTF8.GetString(r.ToArray());
        }
        var (summary, detail, shared) = Reference.Sheets(rows, people, title);
        Part("xl/worksheets/sheet1.xml").Should().Be(summary);
        Part("xl/worksheets/sheet2.xml").Should().Be(detail);
        Part("xl/sharedStrings.xml").Should().Be(shared);
    }

    /// <summary>The sheets as the workbook wrote them before issue 30: every cell through the XmlWriter.</summary>
    private static class Reference
    {
        private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        private static readonly XmlWriterSettings Settings = new() { Encoding = new UTF8Encoding(false) };

        public static (string Summary, string Detail, string Shared) Sheets(
            IReadOnlyList<IndicatorRow> rows, IReadOnlyList<YoungPerson> people, string title)
        {
            var summary = Sheet(w =>
            {
                Row(w, [title]);
                Row(w, []);
                Row(w, [.. IndicatorCsv.IndicatorColumns]);
                foreach (var r in rows)
                    Row(w, [r.Indicator, r.AgeBand, r.Category, r.Count, r.Total, r.Percent,
                        r.England.Value ?? (object)r.England.Text,
                        r.Region is null ? null : r.Region.Value ?? (object)r.Region.Text,
                        r.Neighbours is null ? null : r.Neighbours.Value ?? (object)r.Neighbours.Text, r.BenchmarkYear,
                        r.NeighboursUsed is { } u ? $"{u.Used} of {u.Of}" : null]);
            });
            var strings = new List<string>();
            var index = new Dictionary<string, int>(StringComparer.Ordinal);
            var detailColumn = Array.IndexOf(IndicatorXlsx.PeopleColumns, "detail");
            var detail = Sheet(w =>
            {
                Row(w, [.. IndicatorXlsx.PeopleColumns], (strings, index));
                foreach (var p in people)
                    Row(w, [p.Child, Iso(p.DateOfBirth), p.Age, Iso(p.Birthday), p.Band, p.Status.Wire(), p.Oc3?.Line,
                        p.Oc3?.InTouch, p.Oc3?.Activity, p.Oc3?.Accommodation, p.InTouch, p.Activity, p.Accommodation,
                        p.StayingPutBand, p.LeftFosterCareAt18 ? "yes" : "no", p.StayingPut ? "yes" : "no", p.Finding,
                        p.Finding is null ? null : p.Detail, p.Warning], (strings, index), detailColumn,
                        inlineColumn: 0);
            });
            var shared = Write(w =>
            {
                w.WriteStartDocument();
                w.WriteStartElement("sst", Main);
                w.WriteAttributeString("count", strings.Count.ToString(CultureInfo.InvariantCulture));
                w.WriteAttributeString("uniqueCount", strings.Count.ToString(CultureInfo.InvariantCulture));
                foreach (var s in strings)
                {
                    w.WriteStartElement("si", Main);
                    w.WriteStartElement("t", Main);
                    Preserve(w, s);
                    w.WriteString(s);
                    w.WriteEndElement();
                    w.WriteEndElement();
                }
                w.WriteEndElement();
                w.WriteEndDocument();
            });
            return (summary, detail, shared);
        }

        private static string Sheet(Action<XmlWriter> rows) => Write(w =>
        {
            w.WriteStartDocument();
            w.WriteStartElement("worksheet", Main);
            w.WriteStartElement("sheetData", Main);
            rows(w);
            w.WriteEndElement();
            w.WriteEndElement();
            w.WriteEndDocument();
        });

        private static string Write(Action<XmlWriter> write)
        {
            using var stream = new MemoryStream();
            using (var w = XmlWriter.Create(stream, Settings)) write(w);
            return Encoding.UTF8.GetString(stream.ToArray());
        }

        private static void Row(XmlWriter w, object?[] values,
            (List<string> Strings, Dictionary<string, int> Index)? shared = null, int inlineFrom = int.MaxValue,
            int inlineColumn = -1)
        {
            w.WriteStartElement("row", Main);
            for (var i = 0; i < values.Length; i++)
            {
                var v = values[i];
                w.WriteStartElement("c", Main);
                switch (v)
                {
                    case null: break;
                    case int or long or decimal:
                        w.WriteElementString("v", Main, Convert.ToString(v, CultureInfo.InvariantCulture));
                        break;
                    default:
                        var text = Clean(v.ToString()!);
                        if (shared is { } s && i < inlineFrom && i != inlineColumn)
                        {
                            if (!s.Index.TryGetValue(text, out var k))
                            {
                                k = s.Index[text] = s.Strings.Count;
                                s.Strings.Add(text);
                            }
                            w.WriteAttributeString("t", "s");
                            w.WriteElementString("v", Main, k.ToString(CultureInfo.InvariantCulture));
                            break;
                        }
                        w.WriteAttributeString("t", "inlineStr");
                        w.WriteStartElement("is", Main);
                        w.WriteStartElement("t", Main);
                        Preserve(w, text);
                        w.WriteString(text);
                        w.WriteEndElement();
                        w.WriteEndElement();
                        break;
                }
                w.WriteEndElement();
            }
            w.WriteEndElement();
        }

        private static string Clean(string s) =>
            s.Any(c => c < ' ' && c is not '\t' and not '\n')
                ? new string(s.Where(c => c >= ' ' || c is '\t' or '\n').ToArray()) : s;

        private static void Preserve(XmlWriter w, string text)
        {
            if (text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])))
                w.WriteAttributeString("xml", "space", null, "preserve");
        }

        private static string Iso(LocalDate d) => Core.Output.AssessmentJson.Iso(d);
    }
}
