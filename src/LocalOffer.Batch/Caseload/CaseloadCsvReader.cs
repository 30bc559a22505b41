using LocalOffer.Batch.Input;
using NodaTime;

namespace LocalOffer.Batch.Caseload;

/// <summary>
/// Reads a caseload CSV: CHILD and the optional columns a case system exports. Header names are
/// case-insensitive; the Standard Safeguarding Dataset's ssd_care_leavers names are accepted too.
/// Dates are YYYY-MM-DD or DD/MM/YYYY. A row with a bad field is rejected whole (file, line, column,
/// reason); the child is still listed, without an adviser. Read through the one CSV input layer
/// (<see cref="CsvInput"/>): a row with malformed quoting is rejected and the next line read, so
/// one stray quote loses no later row (rows read = used + rejected).
/// </summary>
public static class CaseloadCsvReader
{
    /// <summary>Longest cell accepted (names and team names are short; anything longer is not one).</summary>
    public const int MaxCell = 200;

    // Our name first, then the SSD's (ssd_care_leavers) where it has one.
    private static readonly string[][] Names =
    [
        ["CHILD", "CLEA_PERSON_ID"],
        ["ADVISER", "CLEA_CARE_LEAVER_PERSONAL_ADVISOR"],
        ["TEAM", "CLEA_CARE_LEAVER_ALLOCATED_TEAM"],
        ["LAST_REVIEW", "CLEA_PATHWAY_PLAN_REVIEW_DATE"],
        ["LAST_CONTACT", "CLEA_CARE_LEAVER_LATEST_CONTACT"],
        ["LA"],
    ];

    /// <summary>Extras by child key (LA/CHILD when there is an LA column), and the line each came from.</summary>
    public static Dictionary<string, (CaseloadExtras Extras, long Line)> Read(string path, LocalDate asAt, List<Reject> rejects) =>
        Read(InputSource.File(path), asAt, rejects);

    public static Dictionary<string, (CaseloadExtras Extras, long Line)> Read(InputSource source, LocalDate asAt, List<Reject> rejects)
    {
        var path = source.Name;
        // A cell is capped at MaxCell characters below (naming the field); the layer's byte cap (4 bytes a
        // character at most in UTF-8) bounds what is held before that check.
        using var input = CsvInput.Open(source, MaxCell * 4);
        var header = input.Header();
        var col = Names.Select(alts => alts.Select(a => header.IndexOf(a)).FirstOrDefault(i => i >= 0, -1)).ToArray();
        if (col[0] < 0)
            throw new UnreadableInputException($"{path}: line 1: missing column CHILD (or clea_person_id) (found: {Core.Safety.Printable.Clean(string.Join(", ", header))})");
        var result = new Dictionary<string, (CaseloadExtras, long)>(StringComparer.Ordinal);
        // Each cell read once a row (the checks below ask for some several times: a string made each time).
        var cells = new string?[header.Count];
        while (input.Next())
        {
            Array.Clear(cells);
            var line = input.Line;
            if (input.Problem is { } p)
            {
                rejects.Add(new Reject(path, line, p.Column, "row", null, p.Reason));
                continue;
            }
            string Cell(int c) => (uint)c < (uint)cells.Length ? cells[c] ??= input.Field(c) : input.Field(c);
            string? error = null; var errorCol = 0; var errorField = "";
            void Fail(int c, string reason) { if (error is null) { error = reason; errorCol = c + 1; errorField = Names[Array.IndexOf(col, c)][0]; } }
            foreach (var c in col.Where(c => c >= 0))
                if (Cell(c).Length > MaxCell) Fail(c, $"longer than {MaxCell} characters");
            var child = Cell(col[0]);
            if (child.Length == 0) Fail(col[0], "CHILD is blank");
            var key = col[5] >= 0 && Cell(col[5]).Length > 0 ? $"{Cell(col[5])}/{child}" : child;
            LocalDate? Date(int c)
            {
                var text = Cell(c);
                if (text.Length == 0) return null;
                // The SSD's care_leavers table is DATETIME (the time dropped) and writes 1900-01-01 for none.
                if (!ListDate.TryParse(text, out var d)) { Fail(c, $"'{Trim(text)}' is not a date (YYYY-MM-DD or DD/MM/YYYY)"); return null; }
                if (d == ListDate.SsdNone) return null;
                if (d > asAt) { Fail(c, $"{d:yyyy-MM-dd} is after the as-at date {asAt:yyyy-MM-dd}"); return null; }
                return d;
            }
            var review = Date(col[3]);
            var contact = Date(col[4]);
            if (error is null && result.TryGetValue(key, out var earlier))
                Fail(col[0], $"CHILD repeated (first on line {earlier.Item2})");
            if (error is not null)
            {
                rejects.Add(new Reject(path, line, errorCol, errorField, child.Length is > 0 and <= MaxCell ? key : null, error));
                continue;
            }
            string? Text(int c) => Cell(c) is { Length: > 0 } t ? t : null;
            result[key] = (new CaseloadExtras(Text(col[1]), Text(col[2]), review, contact), line);
        }
        return result;
    }

    private static string Trim(string s) => s.Length <= 40 ? s : s[..40] + "...";
}
