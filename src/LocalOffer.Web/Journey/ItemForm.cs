using System.Text.Json.Nodes;
using LocalOffer.Core;
using LocalOffer.Core.Output;
using NodaTime;

namespace LocalOffer.Web.Journey;

/// <summary>
/// One item's page (an episode, a detention...): its answers read from the post and checked with
/// GOV.UK messages, turned into the item of the care history document; or the answers an item
/// already has, to change it. Questions revealed by a "No" are neither checked nor kept.
/// </summary>
public sealed class ItemForm
{
    public ListKind Kind { get; }
    /// <summary>Answers as typed, by input name (dates as name-day, name-month, name-year).</summary>
    public Dictionary<string, string> Raw { get; } = new(StringComparer.Ordinal);
    /// <summary>Errors by question key, in the order of the questions.</summary>
    public List<(string Key, string Message)> Errors { get; } = [];

    private ItemForm(ListKind kind) => Kind = kind;

    public static ItemForm Empty(ListKind kind) => new(kind);

    public static ItemForm FromItem(ListKind kind, JsonObject item)
    {
        var f = new ItemForm(kind);
        foreach (var q in kind.Fields)
        {
            switch (q.Type)
            {
                case FieldType.Date:
                    var parts = DateInput.Parts.Of(Iso((string?)item[q.Key]));
                    (f.Raw[q.Key + "-day"], f.Raw[q.Key + "-month"], f.Raw[q.Key + "-year"]) = (parts.Day, parts.Month, parts.Year);
                    break;
                case FieldType.YesNo when !q.InDocument:
                    f.Raw[q.Key] = item["end"] is null ? "no" : "yes";
                    break;
                case FieldType.YesNo:
                    f.Raw[q.Key] = item[q.Key]?.GetValue<bool>() == true ? "yes" : "no";
                    break;
                default:
                    f.Raw[q.Key] = (string?)item[q.Key] ?? "";
                    break;
            }
        }
        return f;
    }

    /// <summary>Reads and checks a posted item; <see cref="Errors"/> is empty when the item is sound.</summary>
    public static (ItemForm Form, JsonObject? Item) Read(ListKind kind, IFormCollection post, LocalDate? dob, RulesCore core)
    {
        var f = new ItemForm(kind);
        var item = new JsonObject();
        var dates = new Dictionary<string, LocalDate>();
        foreach (var q in kind.Fields)
        {
            if (q.Type == FieldType.Date)
            {
                var parts = DateInput.Read(post, q.Key);
                (f.Raw[q.Key + "-day"], f.Raw[q.Key + "-month"], f.Raw[q.Key + "-year"]) = (parts.Day, parts.Month, parts.Year);
            }
            else f.Raw[q.Key] = ((string?)post[q.Key] ?? "").Trim();
        }
        foreach (var q in kind.Fields)
        {
            if (q.RevealedBy is { } by && f.Raw.GetValueOrDefault(by) != "yes") continue;
            switch (q.Type)
            {
                case FieldType.Date:
                    var (date, error) = DateInput.Parse(DateInput.Read(post, q.Key), q.Label, q.Required);
                    if (error is not null) f.Errors.Add((q.Key, error));
                    else if (date is { } d)
                    {
                        dates[q.Key] = d;
                        item[q.Key] = AssessmentJson.Iso(d);
                    }
                    break;
                case FieldType.YesNo:
                    var yn = f.Raw[q.Key];
                    if (yn is not ("yes" or "no")) f.Errors.Add((q.Key, q.MissingMessage));
                    else if (q.InDocument) item[q.Key] = yn == "yes";
                    break;
                default:
                    var value = f.Raw[q.Key];
                    if (value.Length == 0)
                    {
                        if (q.Required) f.Errors.Add((q.Key, q.MissingMessage));
                    }
                    else if (FactLists.Options(kind, q, core).All(o => o.Value != value))
                        f.Errors.Add((q.Key, $"Select the {Lower(q.Label)} from the list"));
                    else item[q.Key] = value;
                    break;
            }
        }
        var start = kind.Start;
        if (start is not null && dates.TryGetValue(start.Key, out var s))
        {
            if (dob is { } birth && s < birth)
                f.Errors.Add((start.Key, $"{start.Label} must be on or after the date of birth"));
            if (kind.End is { } endQ && dates.TryGetValue(endQ.Key, out var e) && e <= s)
                f.Errors.Add((endQ.Key, $"{endQ.Label} must be after the {Lower(start.Label)}"));
        }
        // The error summary lists errors in the order of the questions (issue 28): the date checks above
        // come after every question, so sort them into place (a stable sort keeps each question's own order).
        var order = kind.Fields.Select((q, i) => (q.Key, i)).ToDictionary(x => x.Key, x => x.i);
        var sorted = f.Errors.OrderBy(e => order.GetValueOrDefault(e.Key, int.MaxValue)).ToList();
        f.Errors.Clear();
        f.Errors.AddRange(sorted);
        return (f, f.Errors.Count == 0 ? item : null);
    }

    private static LocalDate? Iso(string? s) =>
        s is not null && NodaTime.Text.LocalDatePattern.Iso.Parse(s) is { Success: true } p ? p.Value : null;

    private static string Lower(string s) => s.Length == 0 ? s : char.ToLowerInvariant(s[0]) + s[1..];
}
