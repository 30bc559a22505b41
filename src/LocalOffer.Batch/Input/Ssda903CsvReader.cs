using CsvHelper;
using LocalOffer.Batch.Cohort;

namespace LocalOffer.Batch.Input;

/// <summary>
/// Reads SSDA903 header.csv and episodes.csv with CsvHelper's UTF-8 reader: header names in any
/// case, extra columns ignored, UTF-8 with or without BOM, CRLF or LF, quoted fields, blank lines
/// skipped. Line numbers are the file's own (for the rejects file).
/// </summary>
public static class Ssda903CsvReader
{
    public static readonly string[] HeaderColumns = ["CHILD", "DOB"];
    public static readonly string[] EpisodeColumns = ["CHILD", "DECOM", "LS", "PLACE", "DEC", "REC"];

    private static CsvReader Open(string path) =>
        CsvReader.Create(InputFile.OpenStream(path), new CsvReaderOptions { HasHeader = false, TrackLineNumbers = true, SkipEmptyLines = true }, false);

    public static void ReadHeader(string path, CohortBuilder cohort)
    {
        using var csv = Open(path);
        var c = Columns(path, csv, [.. HeaderColumns, "LA"], required: HeaderColumns);
        while (csv.Read())
            cohort.AddChild(path, csv.LineNumber, Child(csv, c[0], c[2]), Field(csv, c[1]));
    }

    public static void ReadEpisodes(string path, CohortBuilder cohort)
    {
        using var csv = Open(path);
        var c = Columns(path, csv, [.. EpisodeColumns, "LA", "YEAR"], required: ["CHILD", "DECOM", "LS", "DEC", "REC"]);
        while (csv.Read())
        {
            var year = c[7] >= 0 && int.TryParse(Field(csv, c[7]).Text, out var y) ? y : 0;
            cohort.AddEpisode(path, csv.LineNumber, Child(csv, c[0], c[6]), Field(csv, c[1]), Field(csv, c[4]), Field(csv, c[2]), Field(csv, c[3]), Field(csv, c[5]), year);
        }
    }

    /// <summary>
    /// The child's key. In a regional extract (an LA column) CHILD ids are only unique within a
    /// council, so the key is "LA/CHILD".
    /// </summary>
    private static FieldAt Child(CsvReader csv, int child, int la)
    {
        var id = Field(csv, child);
        if (la < 0) return id;
        var council = Field(csv, la).Text.Trim();
        return council.Length == 0 || id.Text.Trim().Length == 0 ? id : new FieldAt($"{council}/{id.Text.Trim()}", id.Column);
    }

    /// <summary>The bare parse, the benchmark's floor: every row read and the same fields taken the same way, nothing done with them.</summary>
    public static long ParseOnly(string path, string[] wanted)
    {
        using var csv = Open(path);
        var cols = Columns(path, csv, wanted, required: []);
        long chars = 0;
        while (csv.Read())
            foreach (var c in cols) chars += Field(csv, c).Text.Length;
        return chars;
    }

    private static FieldAt Field(CsvReader csv, int index) =>
        index >= 0 && index < csv.FieldCount ? new FieldAt(csv.GetString(index), index + 1) : new FieldAt("", index + 1);

    /// <summary>Column index of each wanted name (case-insensitive), -1 when absent; a missing required one is an error.</summary>
    private static int[] Columns(string path, CsvReader csv, string[] wanted, string[] required)
    {
        if (!csv.Read()) throw new UnreadableInputException($"{path}: empty file (no header line)");
        var names = Enumerable.Range(0, csv.FieldCount).Select(i => csv.GetString(i).Trim().TrimStart('\uFEFF').ToUpperInvariant()).ToList();
        var missing = required.Where(r => !names.Contains(r)).ToList();
        if (missing.Count > 0)
            throw new UnreadableInputException($"{path}: line 1: missing column(s) {string.Join(", ", missing)} (found: {string.Join(", ", names)})");
        return wanted.Select(w => names.IndexOf(w)).ToArray();
    }
}
