using System.Text;
using FsCheck;
using FsCheck.Fluent;
using LocalOffer.Batch;
using LocalOffer.Batch.Input;
using LocalOffer.Offers.Lint;
using LocalOffer.Offers.Policy;
using NodaTime;

namespace LocalOffer.Core.Tests;

/// <summary>
/// Fuzzing (FsCheck) of every reader of outside input: the care history JSON reader, the SSDA903 CSV
/// and XML readers, the OC3 CSV and XML readers, the caseload reader (issue 24) and the council YAML
/// loader, over random bytes, truncations and mutations of real files. Whatever the bytes: no exception
/// other than the "bad input" ones (exit 2), and in batch every line read is used or rejected (a stray
/// quote can never swallow the rest of a file).
/// </summary>
public sealed class FuzzTests : IDisposable
{
    private static readonly RulesCore Core = SharedRules.Core;
    private static readonly Config Config = Config.QuickThrowOnFailure.WithMaxTest(150);
    private readonly string _dir = Directory.CreateTempSubdirectory("fuzz-").FullName;

    public void Dispose() => Directory.Delete(_dir, true);

    /// <summary>Bytes that matter to the formats: quotes, separators, line ends, brackets, escapes, bad UTF-8.</summary>
    private static readonly byte[] Interesting =
        [(byte)'"', (byte)',', (byte)'\n', (byte)'\r', (byte)'<', (byte)'>', (byte)'/', (byte)'{', (byte)'}', (byte)'[', (byte)']',
         (byte)':', (byte)'\\', (byte)'u', (byte)'&', (byte)'-', (byte)' ', (byte)'\t', (byte)'9', (byte)'=', (byte)'*', (byte)'!',
         0x00, 0x1B, 0x7F, 0xC3, 0xA9, 0xE2, 0x80, 0xFF, 0xFE, 0xEF, 0xBB, 0xBF];

    private sealed record Edit(int Kind, int At, int Length, byte Byte);

    private static readonly Gen<Edit> Edits =
        from kind in Gen.Choose(0, 5)
        from at in Gen.Choose(0, 1 << 20)
        from length in Gen.Choose(1, 64)
        from b in Gen.OneOf(Gen.Elements(Interesting), Gen.Choose(0, 255).Select(i => (byte)i))
        select new Edit(kind, at, length, b);

    /// <summary>A real file changed by 1 to 8 edits: insert, overwrite, delete, truncate, duplicate a slice, or swap halves.</summary>
    private static Gen<byte[]> Mutations(byte[] seed) =>
        Gen.Choose(1, 8).SelectMany(n => Gen.ListOf(Edits, n)).Select(edits =>
        {
            var b = new List<byte>(seed);
            foreach (var e in edits)
            {
                if (b.Count == 0) break;
                var at = e.At % b.Count;
                var len = Math.Min(e.Length, b.Count - at);
                switch (e.Kind)
                {
                    case 0: b.Insert(at, e.Byte); break;
                    case 1: b[at] = e.Byte; break;
                    case 2: b.RemoveRange(at, len); break;
                    case 3: b.RemoveRange(at, b.Count - at); break;
                    case 4: b.InsertRange(at, b.GetRange(at, len)); break;
                    default: b.InsertRange(at, Enumerable.Repeat(e.Byte, len)); break;
                }
            }
            return b.ToArray();
        });

    private static Gen<byte[]> RandomBytes => Gen.Choose(0, 255).Select(i => (byte)i).ArrayOf();

    private static Gen<byte[]> Inputs(byte[] seed) => Gen.Frequency((8, Mutations(seed)), (1, RandomBytes), (1, Gen.Constant(seed)));

    private string Write(string name, byte[] bytes)
    {
        var p = Path.Combine(_dir, name);
        File.WriteAllBytes(p, bytes);
        return p;
    }

    private static byte[] Sample(string name) => File.ReadAllBytes(Path.Combine(TestPaths.RepoRoot(), "samples", "young-people", name));

    [Fact]
    public void The_json_reader_answers_or_names_errors_for_any_bytes()
    {
        var seeds = Directory.GetFiles(Path.Combine(TestPaths.RepoRoot(), "samples", "young-people"), "*.json").Select(File.ReadAllBytes).ToArray();
        var (cases, answered) = (0, 0);
        Check.One(Config, Prop.ForAll(Gen.Elements(seeds).SelectMany(Inputs).ToArbitrary(), bytes =>
        {
            cases++;
            var (history, errors) = Core.Reader.ReadFile(Write("h.json", bytes));
            if (history is not null) answered++;
            (history is null).Should().Be(errors.Count > 0);
            errors.Count.Should().BeLessThanOrEqualTo(Input.CareHistoryReader.MaxErrors + 1);
            if (history is not null) Core.Engine.Assess(history, history.DateOfBirth.PlusYears(20));
        }));
        cases.Should().Be(150, "every case was tried");
        answered.Should().BeGreaterThan(0, "some mutations stay valid, so the engine is fuzzed too");
    }

    private static readonly byte[] HeaderSeed = Head(Path.Combine(TestPaths.Shared(), "data", "ssda903-fake", "header.csv"), 40);
    private static readonly byte[] EpisodesSeed = Head(Path.Combine(TestPaths.Shared(), "data", "ssda903-fake", "episodes.csv"), 80);

    private static byte[] Head(string path, int lines) => Encoding.UTF8.GetBytes(string.Join("\n", File.ReadLines(path).Take(lines)) + "\n");

    /// <summary>Lines CsvHelper reads as rows: CR, LF and CR LF end a line; empty lines are skipped; the first is the header.</summary>
    private static int DataLines(byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF');
        var lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n').Count(l => l.Length > 0);
        return Math.Max(0, lines - 1);
    }

    [Fact]
    public void The_csv_readers_use_or_reject_every_line_whatever_the_bytes()
    {
        var inputs = from which in Gen.Choose(0, 1)
                     from bytes in Inputs(which == 0 ? HeaderSeed : EpisodesSeed)
                     select (which, bytes);
        Check.One(Config, Prop.ForAll(inputs.ToArbitrary(), x =>
        {
            var h = Write("header.csv", x.which == 0 ? x.bytes : HeaderSeed);
            var e = Write("episodes.csv", x.which == 1 ? x.bytes : EpisodesSeed);
            var options = new BatchOptions(h, [e], [], new LocalDate(2018, 3, 31), Path.Combine(_dir, "out.csv"), "csv", Path.Combine(_dir, "rejects.csv"));
            try
            {
                var (summary, rejects) = new BatchRunner(Core).Run(options);
                summary.HeaderRowsRead.Should().Be(DataLines(File.ReadAllBytes(h)), "every header line is one row read");
                summary.EpisodeRowsRead.Should().Be(DataLines(File.ReadAllBytes(e)), "every episode line is one row read");
                summary.RowsRejected.Should().Be(rejects.Count);
                File.ReadLines(options.Out).Count().Should().Be(summary.Children + 1);
            }
            catch (UnreadableInputException)
            {
                File.Exists(options.Out).Should().BeFalse("a refused run writes nothing");
            }
            finally
            {
                File.Delete(options.Out);
                File.Delete(options.RejectsPath!);
            }
        }));
    }

    private static readonly byte[] XmlSeed = XmlHead(6);

    private static byte[] XmlHead(int children)
    {
        var text = File.ReadAllText(Path.Combine(TestPaths.Shared(), "data", "ssda903-fake", "fake_903.xml"));
        var at = 0;
        for (var i = 0; i < children; i++) at = text.IndexOf("</CHILD>", at, StringComparison.Ordinal) + "</CHILD>".Length;
        return Encoding.UTF8.GetBytes(text[..at] + "</EXPSSDA903>\n");
    }

    [Fact]
    public void The_xml_reader_uses_rejects_or_refuses_whatever_the_bytes()
    {
        Check.One(Config, Prop.ForAll(Inputs(XmlSeed).ToArbitrary(), bytes =>
        {
            var x = Write("f.xml", bytes);
            var options = new BatchOptions(null, [], [x], new LocalDate(2018, 3, 31), Path.Combine(_dir, "out.csv"), "csv", Path.Combine(_dir, "rejects.csv"));
            try
            {
                var (summary, rejects) = new BatchRunner(Core).Run(options);
                summary.RowsRejected.Should().Be(rejects.Count);
                summary.RowsRead.Should().Be(summary.RowsUsed + summary.RowsRejected,
                    "every row read is used or rejected");
                (summary.HeaderRowsRead + summary.EpisodeRowsRead).Should().Be(
                    Elements(bytes, ["HEADER", "EPISODE"], []), "each HEADER and EPISODE is one row");
                File.ReadLines(options.Out).Count().Should().Be(summary.Children + 1);
            }
            catch (UnreadableInputException)
            {
                File.Exists(options.Out).Should().BeFalse("a refused run writes nothing");
            }
            finally
            {
                File.Delete(options.Out);
                File.Delete(options.RejectsPath!);
            }
        }));
    }

    /// <summary>
    /// The oracle for the XML readers: elements named <paramref name="rows"/> that are not inside another
    /// row or inside one of <paramref name="skipped"/> (groups a reader reads whole), counted by a plain
    /// XmlReader with the same settings. Only called when the reader under test accepted the file.
    /// </summary>
    private static int Elements(byte[] bytes, string[] rows, string[] skipped)
    {
        var settings = new System.Xml.XmlReaderSettings
        {
            DtdProcessing = System.Xml.DtdProcessing.Prohibit, XmlResolver = null, IgnoreWhitespace = true,
        };
        using var xml = System.Xml.XmlReader.Create(new StreamReader(new MemoryStream(bytes)), settings);
        var (count, insideDepth) = (0, -1);
        while (xml.Read())
        {
            if (insideDepth >= 0 && xml.Depth <= insideDepth) insideDepth = -1;
            if (xml.NodeType != System.Xml.XmlNodeType.Element || insideDepth >= 0) continue;
            if (rows.Contains(xml.Name)) count++;
            if ((rows.Contains(xml.Name) || skipped.Contains(xml.Name)) && !xml.IsEmptyElement)
                insideDepth = xml.Depth;
        }
        return count;
    }

    // OC3 seeds: the shared oc3.csv's first rows and rows for the header seed's children (quoted, as
    // a spreadsheet saves them), so some are counted and some land in findings, plus two malformed
    // rows (a quote never closed, text after a closing quote). The XML seed has an OC3 group in each
    // child, one with IN_TOUCH given twice: the seeds hold rows a reader must reject, not drop.
    private static readonly byte[] Oc3Seed = Encoding.UTF8.GetBytes(string.Join("\n",
        File.ReadLines(Path.Combine(TestPaths.Shared(), "data", "ssda903-fake", "oc3.csv")).Take(30)
            .Concat(Encoding.UTF8.GetString(HeaderSeed).Split('\n').Skip(1).Where(l => l.Length > 0).Take(20)
                .Select((l, i) => $"\"{l.Split(',')[0]}\",{l.Split(',')[2]},\"{(i % 3 == 0 ? "NO" : "YES")}\",F1,Z1"))
            .Append("\"77,01/01/2001,YES,F1,Z1").Append("78,01/01/2001,\"YES\"x,F1,Z1")) + "\n");

    private static readonly byte[] Oc3XmlSeed = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(XmlSeed)
        .Replace("</CHILD>", "<OC3><IN_TOUCH>YES</IN_TOUCH><ACTIV>F1</ACTIV><ACCOM>Z1</ACCOM></OC3></CHILD>")
        .Replace("<IN_TOUCH>YES</IN_TOUCH><ACTIV>F1</ACTIV><ACCOM>Z1</ACCOM></OC3></CHILD></EXPSSDA903>",
            "<IN_TOUCH>YES</IN_TOUCH><IN_TOUCH>NO</IN_TOUCH><ACTIV>F1</ACTIV><ACCOM>Z1</ACCOM></OC3></CHILD>" +
            "</EXPSSDA903>"));

    private static readonly Lazy<LocalOffer.Indicators.IndicatorsRunner> Indicators = new(() =>
    {
        var defs = LocalOffer.Indicators.Definitions.IndicatorDefinitions.LoadDefault();
        return new LocalOffer.Indicators.IndicatorsRunner(Core, defs,
            LocalOffer.Indicators.Benchmarks.DfeTables.LoadDefault(defs),
            LocalOffer.Offers.Render.TemplateSet.LoadDefault());
    });

    [Fact]
    public void The_oc3_csv_reader_counts_every_line_in_the_indicators_whatever_the_bytes()
    {
        var h = Write("oc3-header.csv", HeaderSeed);
        var e = Write("oc3-episodes.csv", EpisodesSeed);
        Check.One(Config, Prop.ForAll(Inputs(Oc3Seed).ToArbitrary(), bytes =>
        {
            var oc3 = Write("oc3.csv", bytes);
            try
            {
                var s = Indicators.Value.Compute(new LocalOffer.Indicators.IndicatorOptions(h, [e], oc3, [],
                    new LocalDate(2018, 3, 31), null, Path.Combine(_dir, "ind"))).Summary;
                s.Oc3RowsRead.Should().Be(DataLines(bytes), "every OC3 line is one row read");
                (s.Oc3RowsCounted + s.Oc3RowsInFindings + s.Oc3RowsRejected).Should().Be(s.Oc3RowsRead,
                    "every OC3 row read is counted, in a finding or rejected");
            }
            catch (UnreadableInputException)
            {
            }
        }));
    }

    [Fact]
    public void The_oc3_xml_reader_reads_every_oc3_group_whatever_the_bytes()
    {
        Check.One(Config, Prop.ForAll(Inputs(Oc3XmlSeed).ToArbitrary(), bytes =>
        {
            var x = Write("oc3.xml", bytes);
            var rows = new List<LocalOffer.Indicators.Input.Oc3Row>();
            try
            {
                LocalOffer.Indicators.Input.Oc3XmlReader.Read(x, rows);
            }
            catch (UnreadableInputException)
            {
                return;
            }
            rows.Count.Should().Be(Elements(bytes, ["OC3"], ["HEADER"]), "every OC3 group is one row");
            rows.Should().NotContain(r => r.Unreadable == null && r.Child.Length > 1024);
        }));
    }

    // A caseload file as an SSD extract gives it: CHILD, adviser, team, review and contact dates.
    private static readonly byte[] CaseloadSeed = Encoding.UTF8.GetBytes(
        "CHILD,adviser,team,last_review,last_contact\n" +
        string.Concat(Enumerable.Range(0, 40).Select(i =>
            $"C{i},\"Adviser {i % 5}, North\",Team {i % 3},{1 + i % 28:00}/01/2026,2026-02-{1 + i % 28:00}\n")) +
        "C40,\"Adviser 1,Team 1,2026-01-01,\nC41,\"Jo\"x,Team 2,,\n");

    [Fact]
    public void The_caseload_reader_uses_or_rejects_every_line_whatever_the_bytes()
    {
        Check.One(Config, Prop.ForAll(Inputs(CaseloadSeed).ToArbitrary(), bytes =>
        {
            var rejects = new List<Reject>();
            Dictionary<string, (LocalOffer.Batch.Caseload.CaseloadExtras, long)> extras;
            try
            {
                extras = LocalOffer.Batch.Caseload.CaseloadCsvReader.Read(InputSource.Bytes("caseload.csv", bytes),
                    new LocalDate(2026, 3, 31), rejects);
            }
            catch (UnreadableInputException)
            {
                return;
            }
            (extras.Count + rejects.Count).Should().Be(DataLines(bytes), "every line is used or rejected");
            rejects.Should().NotContain(r => r.Line < 2 || r.Reason.Length == 0);
        }));
    }

    [Fact]
    public void The_council_loader_gives_findings_whatever_the_bytes()
    {
        var folder = Path.Combine(TestPaths.RepoRoot(), "rules", "councils", "wakefield");
        var council = File.ReadAllBytes(Path.Combine(folder, "council.yaml"));
        var offer = File.ReadAllBytes(Path.Combine(folder, "offer-2026.yaml"));
        var inputs = from which in Gen.Choose(0, 1)
                     from bytes in Inputs(which == 0 ? council : offer)
                     select (which, bytes);
        var target = Directory.CreateDirectory(Path.Combine(_dir, "council")).FullName;
        var loader = new PolicyLoader(Core.Law.Entitlements.Ids.ToHashSet());
        Check.One(Config, Prop.ForAll(inputs.ToArbitrary(), x =>
        {
            File.WriteAllBytes(Path.Combine(target, "council.yaml"), x.which == 0 ? x.bytes : council);
            File.WriteAllBytes(Path.Combine(target, "offer-2026.yaml"), x.which == 1 ? x.bytes : offer);
            var (c, findings) = loader.LoadFolder(target);
            if (c is not null) findings.AddRange(Linter.Check(c, Core.Law));
            findings.Should().NotContain(f => f.Message.Length == 0);
        }));
    }

    [Fact]
    public void The_commands_exit_0_or_2_with_no_stack_trace_whatever_the_bytes()
    {
        var seeds = Directory.GetFiles(Path.Combine(TestPaths.RepoRoot(), "samples", "young-people"), "*.json").Select(File.ReadAllBytes).ToArray();
        var root = new System.CommandLine.RootCommand { LocalOffer.Cli.Commands.CheckCommand.Create(), LocalOffer.Cli.Commands.BatchCommand.Create() };
        var inputs = from which in Gen.Choose(0, 1)
                     from bytes in which == 0 ? Gen.Elements(seeds).SelectMany(Inputs) : Inputs(EpisodesSeed)
                     select (which, bytes);
        Check.One(Config.WithMaxTest(60), Prop.ForAll(inputs.ToArbitrary(), x =>
        {
            var (o, e) = (new StringWriter(), new StringWriter());
            string[] args = x.which == 0
                ? ["check", Write("h.json", x.bytes), "--as-at", "2026-11-22", "--format", "json"]
                : ["batch", "--header", Write("header.csv", HeaderSeed), "--episodes", Write("episodes.csv", x.bytes),
                   "--as-at", "2018-03-31", "--out", Path.Combine(_dir, "o.csv")];
            var code = LocalOffer.Cli.CliRunner.RunAsync(root, args, o, e).GetAwaiter().GetResult();
            code.Should().BeOneOf([0, 2], e.ToString());
            e.ToString().Should().NotContain("   at ").And.NotContain("unexpected problem");
        }));
    }
}
