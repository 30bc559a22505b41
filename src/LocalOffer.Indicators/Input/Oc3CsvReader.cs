using LocalOffer.Batch.Input;

namespace LocalOffer.Indicators.Input;

/// <summary>
/// Reads oc3.csv (CHILD, DOB, IN_TOUCH, ACTIV, ACCOM) through the one CSV input layer
/// (<see cref="CsvInput"/>): header names in any case, extra columns ignored, UTF-8 with or without
/// BOM, blank lines skipped, the file's own line numbers. A row with malformed quoting or a field
/// over <see cref="MaxFieldBytes"/> is kept as an unreadable row, so it is rejected (line, column)
/// and counted: rows read = counted + in the cohort check + rejected. In a regional extract (an LA
/// column) the key is "LA/CHILD", as in <see cref="Ssda903CsvReader"/>.
/// </summary>
public static class Oc3CsvReader
{
    public static readonly string[] Columns = ["CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM"];

    /// <summary>Longest field accepted: ids, dates and codes are short; anything longer is not one.</summary>
    public const int MaxFieldBytes = 200;

    public static void Read(string path, List<Oc3Row> rows) => Read(InputSource.File(path), rows);

    /// <summary>Every row of a file, in a list of its own (to be read on another thread).</summary>
    public static List<Oc3Row> ReadAll(string path)
    {
        var rows = new List<Oc3Row>();
        Read(path, rows);
        return rows;
    }

    public static void Read(InputSource source, List<Oc3Row> rows)
    {
        var path = source.Name;
        using var input = CsvInput.Open(source, MaxFieldBytes);
        var names = input.Header();
        var missing = Columns.Where(c => !names.Contains(c)).ToList();
        if (missing.Count > 0)
            throw new UnreadableInputException(
                $"{path}: line 1: missing column(s) {string.Join(", ", missing)} " +
                $"(found: {Core.Safety.Printable.Clean(string.Join(", ", names))})");
        var c = Columns.Select(n => names.IndexOf(n)).ToArray();
        var la = names.IndexOf("LA");
        while (input.Next())
        {
            if (input.Problem is { } p)
            {
                rows.Add(new Oc3Row(path, input.Line, "", p.Column, "", p.Column, "", p.Column, "", p.Column, "",
                    p.Column, p.Reason));
                continue;
            }
            var child = input.Field(c[0]);
            var council = input.Field(la);
            if (la >= 0 && council.Length > 0 && child.Length > 0) child = $"{council}/{child}";
            rows.Add(new Oc3Row(path, input.Line, child, c[0] + 1, input.Field(c[1]), c[1] + 1,
                input.Field(c[2]).ToUpperInvariant(), c[2] + 1, input.Field(c[3]).ToUpperInvariant(), c[3] + 1,
                input.Field(c[4]).ToUpperInvariant(), c[4] + 1));
        }
    }
}
