using FsCheck;
using FsCheck.Fluent;
using LocalOffer.Batch.Synth;
using NodaTime;

namespace LocalOffer.Indicators.Tests;

/// <summary>
/// Invariants over random OC3 files (FsCheck): known and unknown CHILDs, right, wrong and broken
/// DOBs, codes in any case or garbage, formula-like text, truncated rows. Whatever the rows, every
/// one read is counted, in a finding, or rejected with its line; only care leavers are counted; and
/// each category's counts add up to its band's total.
/// </summary>
public sealed class PropertyTests : IDisposable
{
    private static readonly LocalDate YearEnd = new(2026, 3, 31);
    private static readonly Config Config = Config.QuickThrowOnFailure.WithMaxTest(60).WithStartSize(1);
    private readonly TempDir _dir = new();
    private readonly List<(string Id, string Dob)> _children;

    public PropertyTests()
    {
        SyntheticReturn.Write(_dir.Path, 300, 11, YearEnd);
        _children = File.ReadLines(_dir.File("header.csv")).Skip(1).Select(l => l.Split(','))
            .Select(f => (f[0], f[2])).ToList();
    }

    public void Dispose() => _dir.Dispose();

    private Gen<string> Row() =>
        from child in Gen.Choose(0, _children.Count - 1)
        from childKind in Gen.Choose(0, 9)
        from dobKind in Gen.Choose(0, 9)
        from inTouch in Gen.Elements("YES", "no", "REFU", "NREQ", "DIED", "RHOM", "", "MAYBE", "=1+1")
        from activ in Gen.Elements("F1", "p2", "G5", "0", "", "ZZ", "@SUM(A1)")
        from accom in Gen.Elements("Z1", "b2", "X", "", "R0", "-1")
        from fields in Gen.Choose(1, 6)
        select Line(child, childKind, dobKind, inTouch, activ, accom, fields);

    private string Line(int child, int childKind, int dobKind, string inTouch, string activ, string accom, int fields)
    {
        var (id, dob) = _children[child];
        var c = childKind switch { 0 => "", 1 => "NO-SUCH", 2 => "\"=HYPERLINK(\"\"x\"\")\"", _ => id };
        var d = dobKind switch { 0 => "", 1 => "31/02/2006", 2 => "01/01/1999", 3 => "2006-06-15", _ => dob };
        return string.Join(',', new[] { c, d, inTouch, activ, accom, "extra" }.Take(fields));
    }

    [Fact]
    public void Every_oc3_row_read_is_counted_in_a_finding_or_rejected() =>
        Check.One(Config, Prop.ForAll(Gen.ListOf(Row()).ToArbitrary(), rows =>
        {
            var file = _dir.File("oc3.csv");
            File.WriteAllText(file, "CHILD,DOB,IN_TOUCH,ACTIV,ACCOM\n" + string.Join('\n', rows) + "\n");
            var run = Fixture.Runner.Compute(new IndicatorOptions(
                _dir.File("header.csv"), [_dir.File("episodes.csv")], file, [],
                YearEnd, "384", _dir.File("out")));
            var s = run.Summary;
            s.Oc3RowsRead
                .Should().Be(rows.Count(r => r.Length > 0), "a blank line is not a row (skipped, as in batch)");
            (s.Oc3RowsCounted + s.Oc3RowsInFindings + s.Oc3RowsRejected).Should().Be(s.Oc3RowsRead);
            var rejects = run.Rejects.Where(r => r.File == file).ToList();
            rejects.Should().HaveCount((int)s.Oc3RowsRejected);
            rejects.All(r => r.Line >= 2 && r.Line <= rows.Count + 1 && r.Reason.Length > 0).Should().BeTrue();
            run.People.Where(p => p.Counted).All(p => p.CareLeaver).Should().BeTrue();
            foreach (var g in run.Rows.Where(r => r.Indicator != "staying_put").GroupBy(r => (r.Indicator, r.AgeBand)))
                g.Sum(r => r.Count).Should().Be(g.First().Total, $"{g.Key} categories add up to the total");
            return true;
        }));
}
