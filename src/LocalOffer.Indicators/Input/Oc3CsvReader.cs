using CsvHelper;
using LocalOffer.Batch.Input;

namespace LocalOffer.Indicators.Input;

/// <summary>
/// Reads oc3.csv (CHILD, DOB, IN_TOUCH, ACTIV, ACCOM) with the same CsvHelper settings as the batch
/// readers: header names in any case, extra columns ignored, UTF-8 with or without BOM, blank lines
/// skipped, the file's own line numbers. In a regional extract (an LA column) the key is "LA/CHILD",
/// as in <see cref="Ssda903CsvReader"/>.
/// </summary>
public static class Oc3CsvReader
{
    public static readonly string[] Columns = ["CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM"];

    public static void Read(string path, List<Oc3Row> rows)
    {
        using var csv = CsvReader.Create(InputFile.OpenStream(path),
            new CsvReaderOptions { HasHeader = false, TrackLineNumbers = true, SkipEmptyLines = true }, false);
        if (!csv.Read()) throw new UnreadableInputException($"{path}: empty file (no header line)");
        var names = Enumerable.Range(0, csv.FieldCount)
            .Select(i => csv.GetString(i).Trim().TrimStart('\uFEFF').ToUpperInvariant()).ToList();
        var missing = Columns.Where(c => !names.Contains(c)).ToList();
        if (missing.Count > 0)
            throw new UnreadableInputException(
                $"{path}: line 1: missing column(s) {string.Join(", ", missing)} (found: {string.Join(", ", names)})");
        var c = Columns.Select(n => names.IndexOf(n)).ToArray();
        var la = names.IndexOf("LA");
        while (csv.Read())
        {
            string F(int i) => i >= 0 && i < csv.FieldCount ? csv.GetString(i).Trim() : "";
            var child = F(c[0]);
            var council = F(la);
            if (la >= 0 && council.Length > 0 && child.Length > 0) child = $"{council}/{child}";
            rows.Add(new Oc3Row(path, csv.LineNumber, child, c[0] + 1, F(c[1]), c[1] + 1,
                F(c[2]).ToUpperInvariant(), c[2] + 1, F(c[3]).ToUpperInvariant(), c[3] + 1,
                F(c[4]).ToUpperInvariant(), c[4] + 1));
        }
    }
}
