using CsvHelper;
using FluentAssertions;
using LocalOffer.Batch.Output;
using LocalOffer.Core.Engine;
using NodaTime;

namespace LocalOffer.Batch.Tests;

/// <summary>
/// Issue 30: the results file's plain rows are written as bytes without CsvHelper (<see cref="ResultCsvWriter"/>),
/// the rest through it. The file must be what CsvHelper writing every row (RFC 4180, quoting when needed,
/// formulas escaped) made, byte for byte: every character of ASCII and some beyond it alone, first, inside and
/// last in a field; random rows of hostile text; dates and numbers outside the usual (negative, years before
/// 1000 and BC); rows not classified; and enough rows that the writer's buffer is drained many times.
/// </summary>
public sealed class ResultCsvWriterTests
{
    private static readonly Classification Some = new(17, Status.Eligible, new LocalDate(2024, 2, 29),
        new StatusChange(new LocalDate(2025, 1, 1), Status.Relevant), new CareFacts(12, 400, true, null),
        ["personal_adviser", "pathway_plan"], []);

    /// <summary>What CsvHelper itself writes for the header and the rows, as the writer did before issue 30.</summary>
    private static byte[] Reference(IEnumerable<BatchResult> rows)
    {
        var text = new MemoryStream();
        var rowWriter = new ResultCsvWriter(Stream.Null, header: false);
        using (var csv = CsvWriter.Create(text, ResultCsvWriter.Options, leaveOpen: true))
        {
            csv.WriteRecord(ResultCsvWriter.Columns);
            foreach (var r in rows) rowWriter.WriteRow(csv, r);
            csv.Flush();
        }
        return text.ToArray();
    }

    private static byte[] Written(IEnumerable<BatchResult> rows)
    {
        var text = new MemoryStream();
        using (var w = new ResultCsvWriter(text)) foreach (var r in rows) w.Write(r);
        return text.ToArray();
    }

    /// <summary>Every text a character makes in a field: alone, doubled, first, inside, last.</summary>
    private static IEnumerable<string> Placed(char c) =>
        [$"{c}", $"{c}{c}", $"{c}ab", $"a{c}b", $"ab{c}", $"1{c}", $"{c}1"];

    private static readonly char[] Beyond =
        ['é', '\u00A0', '\u0085', '\u2028', '\uFEFF', '\u200B', 'Ω', '\uD800', '\uDC00', '\uFFFD', '\u007F'];

    [Fact]
    public void Every_character_in_every_place_of_an_id_or_a_warning_is_written_as_CsvHelper_writes_it()
    {
        var texts = Enumerable.Range(0, 128).Select(i => (char)i).Concat(Beyond).SelectMany(Placed)
            .Append("").Append(" ").Append("😀").Append("a\r\nb").ToList();
        foreach (var t in texts)
        {
            BatchResult[] rows =
            [
                new(t, new LocalDate(2008, 5, 1), Some, null),
                new("100001", new LocalDate(2008, 5, 1), Some, t),
                new(t, new LocalDate(2030, 1, 1), null, t),
                new("100002", new LocalDate(2008, 5, 1), Some with { EntitlementIds = [t, "x"] }, null),
            ];
            Written(rows).Should().Equal(Reference(rows), $"the text \"{Escaped(t)}\"");
        }
    }

    [Fact]
    public void What_is_plain_CsvHelper_writes_as_it_is()
    {
        foreach (var t in Enumerable.Range(0, 128).Select(i => (char)i).Concat(Beyond).SelectMany(Placed))
        {
            var alone = new MemoryStream();
            using (var csv = CsvWriter.Create(alone, ResultCsvWriter.Options, leaveOpen: true))
            {
                csv.WriteField("x");
                csv.WriteField(t);
                csv.EndRecord();
            }
            var asItIs = System.Text.Encoding.UTF8.GetString(alone.ToArray()) == $"x,{t}\r\n";
            if (ResultCsvWriter.Plain(t)) asItIs.Should().BeTrue($"the text \"{Escaped(t)}\" is plain");
        }
    }

    [Fact]
    public void Random_rows_of_hostile_text_and_odd_values_many_buffers_long_are_the_same_bytes()
    {
        var random = new Random(30);
        const string alphabet = "abcXYZ0189 _-/;.:()'=+@,\"\t\r\né😀\u00A0";
        string Text(int most)
        {
            var n = random.Next(most + 1);
            var chars = new char[n];
            for (var i = 0; i < n; i++)
                chars[i] = random.Next(4) == 0 ? alphabet[random.Next(alphabet.Length)] : (char)('a' + random.Next(26));
            return new string(chars);
        }
        LocalDate Date() => random.Next(20) switch
        {
            0 => new LocalDate(random.Next(1, 999), 1, 1),
            1 => new LocalDate(9999, 12, 31),
            2 => new LocalDate(-random.Next(1, 50), 6, 15),
            _ => new LocalDate(random.Next(1950, 2100), random.Next(1, 13), random.Next(1, 29)),
        };
        int Number() => random.Next(10) == 0 ? -random.Next(1, 100_000) : random.Next(0, 10_000);
        var rows = new List<BatchResult>();
        for (var i = 0; i < 30_000; i++)
        {
            var classification = random.Next(30) == 0 ? null : new Classification(Number(),
                (Status)random.Next(6), Date(),
                random.Next(2) == 0 ? null : new StatusChange(Date(), (Status)random.Next(6)),
                new CareFacts(Number(), Number(), random.Next(2) == 0, null),
                [.. Enumerable.Range(0, random.Next(4)).Select(_ => Text(12))], []);
            var id = random.Next(5) == 0 ? Text(10) : (100_000 + i).ToString();
            rows.Add(new BatchResult(id, Date(), classification, random.Next(4) == 0 ? Text(80) : null));
        }
        Written(rows).Should().Equal(Reference(rows));
    }

    [Fact]
    public void A_slice_written_without_the_header_and_flushed_is_the_rows_alone()
    {
        BatchResult[] rows =
            [new("1", new LocalDate(2008, 5, 1), Some, "a, b"), new("2", new LocalDate(2008, 5, 1), Some, null)];
        var slice = new MemoryStream();
        var w = new ResultCsvWriter(slice, header: false);
        foreach (var r in rows) w.Write(r);
        w.Flush();
        var header = Written([]);
        header.Concat(slice.ToArray()).Should().Equal(Reference(rows));
    }

    private static string Escaped(string t) =>
        string.Concat(t.Select(c => c is < ' ' or > '~' ? $"\\u{(int)c:X4}" : c.ToString()));
}
