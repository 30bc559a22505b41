using LocalOffer.Batch.Input;
using LocalOffer.Indicators.Definitions;
using LocalOffer.Indicators.Input;
using NodaTime;

namespace LocalOffer.Indicators;

/// <summary>
/// The OC3 rows by CHILD, each row's codes checked against the SSDA903 guide's lists for the
/// collection year (oc3-codes.yaml): a row with no CHILD, a code the year's guide does not have, or
/// a second row for the same young person is rejected, naming the file, line and column of the cell.
/// A rejected row is never counted: an unknown code has no meaning to count it by.
/// </summary>
public static class Oc3RowIndex
{
    /// <summary>CHILD → index of the row in <paramref name="oc3"/>; rejected rows go to the rejects.</summary>
    public static Dictionary<string, int> Build(IReadOnlyList<Oc3Row> oc3, Oc3Codes codes, LocalDate yearEnd,
        List<Reject> rejects)
    {
        var year = Oc3Codes.YearName(yearEnd);
        var byChild = new Dictionary<string, int>(oc3.Count, StringComparer.Ordinal);
        // Each list's codes in words once, not once a row rejected (thousands in a large return).
        var expected = new Dictionary<IReadOnlySet<string>, string>(ReferenceEqualityComparer.Instance);
        for (var k = 0; k < oc3.Count; k++)
        {
            var r = oc3[k];
            if (r.Unreadable is { } why) { rejects.Add(Rej(r, r.ChildColumn, "row", null, why)); continue; }
            if (r.Child.Length == 0) { rejects.Add(Rej(r, r.ChildColumn, "CHILD", null, "no CHILD id")); continue; }
            var bad = Check(r, r.InTouch, r.InTouchColumn, "IN_TOUCH", codes.InTouch, year, expected)
                ?? Check(r, r.Activity, r.ActivityColumn, "ACTIV", codes.Activ, year, expected)
                ?? Check(r, r.Accommodation, r.AccommodationColumn, "ACCOM", codes.Accom, year, expected);
            if (bad is not null) { rejects.Add(bad); continue; }
            if (byChild.TryGetValue(r.Child, out var first))
            {
                rejects.Add(Rej(r, r.ChildColumn, "CHILD", r.Child,
                    $"duplicate OC3 row: the same CHILD at line {oc3[first].Line}"));
                continue;
            }
            byChild[r.Child] = k;
        }
        return byChild;
    }

    /// <summary>A reject when the code is not in the year's list (a blank field included), else null.</summary>
    private static Reject? Check(Oc3Row r, string code, int column, string field, IReadOnlySet<string> allowed,
        string year, Dictionary<IReadOnlySet<string>, string> words)
    {
        if (allowed.Contains(code)) return null;
        if (!words.TryGetValue(allowed, out var expected))
            words[allowed] = expected = string.Join(", ", allowed.Order(StringComparer.Ordinal));
        return Rej(r, column, field, r.Child, code.Length == 0
            ? $"no {field} (the SSDA903 guide for {year} has {expected})"
            : $"unknown {field} '{Quote(code)}': not a code of the SSDA903 guide for {year} (expected {expected})");
    }

    /// <summary>At most 60 characters of a value, as the batch rejects quote it.</summary>
    private static string Quote(string s) => s.Length <= 60 ? s : s[..60] + "...";

    internal static Reject Rej(Oc3Row r, int column, string field, string? child, string reason) =>
        new(r.File, r.Line, column, field, child, reason);
}
