using LocalOffer.Batch.Input;
using LocalOffer.Core.Safety;
using LocalOffer.Indicators.Definitions;
using NodaTime;

namespace LocalOffer.Audit.Input;

/// <summary>
/// Reads a care leaver list (Annex A list 9, or the SSD's ssd_care_leavers) through the one CSV input
/// layer (<see cref="CsvInput"/>): header names in any case, extra columns ignored, UTF-8 with or
/// without BOM, the file's own line numbers. A row with any bad field is rejected whole (file, line,
/// column, field, reason) and the next line read: malformed quoting, a blank or repeated id, a date
/// that is not one or is after the as-at date, an unknown category, in-touch answer, suitability,
/// accommodation type or activity code. Rows read = rows kept + rows rejected, exactly.
/// </summary>
public static class ListCsvReader
{
    /// <summary>Longest cell accepted: ids, names, codes and labels are short; anything longer is not one.</summary>
    public const int MaxCell = 200;

    public sealed record Result(List<ListRow> Rows, long RowsRead, HashSet<string> RejectedChildren);

    public static Result Read(InputSource source, ListFormat format, ListLabels labels, Oc3Codes activity,
        LocalDate asAt, List<Reject> rejects)
    {
        var path = source.Name;
        using var input = CsvInput.Open(source, MaxCell * 4);
        var header = input.Header();
        var names = labels.Columns[format == ListFormat.AnnexA ? "annex_a" : "ssd"];
        var columns = new Dictionary<string, (string Name, int Column)>();
        foreach (var (field, name) in names)
            if (header.IndexOf(name.ToUpperInvariant()) is var i and >= 0) columns[field] = (name, i + 1);
        var required = format == ListFormat.AnnexA ? new[] { "child", "dob", "category" } : ["child", "category"];
        var missing = required.Where(f => !columns.ContainsKey(f)).Select(f => names[f]).ToList();
        if (missing.Count > 0)
            // The other form first: a long list of the columns found is cut where a page shows it.
            throw new UnreadableInputException($"{path}: line 1: missing column(s) {string.Join(", ", missing)}; "
                + (format == ListFormat.AnnexA ? "is it an SSD ssd_care_leavers file (--ssd)?"
                    : "is it Annex A list 9 (--annex-a)?")
                + $" (found: {Printable.Clean(string.Join(", ", header), 300)})");

        var rows = new List<ListRow>();
        var firstLine = new Dictionary<string, long>(StringComparer.Ordinal);
        var rejected = new HashSet<string>(StringComparer.Ordinal);
        long read = 0;
        while (input.Next())
        {
            read++;
            if (input.Problem is { } p)
            {
                rejects.Add(new Reject(path, input.Line, p.Column, "row", null, p.Reason));
                continue;
            }
            var row = new RowReader(input, columns, labels, activity, asAt);
            var parsed = row.Parse(path);
            if (row.Error is null && firstLine.TryGetValue(parsed.Child, out var first))
                row.Fail("child", $"{parsed.Child}: repeated (first on line {first}); one row a young person");
            if (row.Error is { } e)
            {
                var id = parsed.Child.Length is > 0 and <= MaxCell && Invisible.Find(parsed.Child) < 0
                    ? parsed.Child : null;
                rejects.Add(new Reject(path, input.Line, e.Column, e.Field, id, e.Reason));
                if (id is not null) rejected.Add(id);
                continue;
            }
            firstLine[parsed.Child] = input.Line;
            rows.Add(parsed);
        }
        return new Result(rows, read, rejected);
    }

    /// <summary>One row's fields, checked in column order; the first problem is the row's reject.</summary>
    private sealed class RowReader(CsvInput input, Dictionary<string, (string Name, int Column)> columns,
        ListLabels labels, Oc3Codes activity, LocalDate asAt)
    {
        public (int Column, string Field, string Reason)? Error { get; private set; }

        public void Fail(string field, string reason)
        {
            var (name, column) = columns.TryGetValue(field, out var c) ? c : (field, 0);
            Error ??= (column, name, reason);
        }

        private string Cell(string field)
        {
            if (!columns.TryGetValue(field, out var c)) return "";
            var text = input.Field(c.Column - 1);
            if (text.Length > MaxCell) Fail(field, $"longer than {MaxCell} characters");
            return text;
        }

        private LocalDate? Date(string field)
        {
            var text = Cell(field);
            if (text.Length == 0) return null;
            if (!ListDate.TryParse(text, out var d))
            {
                Fail(field, ListDate.Problem(text));
                return null;
            }
            if (d > asAt)
            {
                Fail(field, $"{d:dd/MM/yyyy} is after the as-at date {asAt:dd/MM/yyyy}");
                return null;
            }
            return d == ListDate.SsdNone && field != "dob" ? null : d;
        }

        public ListRow Parse(string path)
        {
            var child = Cell("child");
            if (child.Length == 0) Fail("child", "no young person's id");
            else if (Invisible.Problem(child) is { } why) Fail("child", "the id " + why);
            var dob = Date("dob");
            var team = Cell("team");
            var worker = Cell("worker");
            var adviser = Cell("adviser");
            var categoryText = Cell("category");
            if (!labels.TryCategory(categoryText, out var category))
                // The labels a) to d) only, and the cell cut short, so the whole reason fits a reject (200).
                Fail("category", $"unknown category '{Printable.Clean(categoryText, 20)}': accepted are "
                    + string.Join(", ", labels.Category.Where(kv => kv.Key != "none").Select(kv => kv.Value[0]))
                    + " (or their words or codes) or blank");
            var plan = Date("plan");
            var inTouchText = Cell("in_touch");
            if (!labels.TryInTouch(inTouchText, out var inTouch))
                Fail("in_touch", $"unknown in-touch answer '{Reject.Quote(inTouchText)}': accepted are "
                    + ListLabels.Accepted(labels.InTouch));
            var contact = Date("contact");
            var accommodationText = Cell("accommodation");
            if (!labels.TryAccommodation(accommodationText, out var accommodation))
                Fail("accommodation", $"unknown accommodation type '{Reject.Quote(accommodationText)}': the SSDA903 "
                    + $"types are {string.Join(", ", labels.Accommodation)}, alone or as 'B: words'");
            var suitabilityText = Cell("suitability");
            if (!labels.TrySuitability(suitabilityText, out var suitability))
                Fail("suitability", $"unknown suitability '{Reject.Quote(suitabilityText)}': accepted are "
                    + ListLabels.Accepted(labels.Suitability));
            var activityText = Cell("activity");
            var code = ListLabels.CodeBeforeColon(activityText).ToUpperInvariant();
            if (code.Length > 0 && !activity.Activ.Contains(code))
                Fail("activity", $"unknown activity '{Reject.Quote(activityText)}': "
                    + "not a code of the SSDA903 guide for "
                    + $"{Oc3Codes.YearName(asAt)} ({string.Join(", ", activity.Activ.Order(StringComparer.Ordinal))})");
            return new ListRow(path, input.Line, columns, child, dob, category, categoryText, team, worker, adviser,
                plan, inTouch, contact, accommodation, suitability, code);
        }
    }
}
