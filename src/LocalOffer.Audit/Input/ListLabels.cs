using LocalOffer.Core.Engine;
using LocalOffer.Core.Rules;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace LocalOffer.Audit.Input;

/// <summary>The two forms of list the audit reads (rules/audit/list-labels.yaml, "columns").</summary>
public enum ListFormat { AnnexA, Ssd }

/// <summary>
/// rules/audit/list-labels.yaml: each form's column names and what the words in its cells mean (a
/// lettered label "a) Relevant child", its words, or a plain code, in any case). The words live in
/// the rules file, never in C#; this class only matches a cell against them.
/// </summary>
public sealed class ListLabels
{
    public Dictionary<string, Dictionary<string, string>> Columns { get; set; } = [];
    public Dictionary<string, string[]> Category { get; set; } = [];
    public Dictionary<string, string[]> InTouch { get; set; } = [];
    public Dictionary<string, string[]> Suitability { get; set; } = [];
    public string[] Accommodation { get; set; } = [];

    /// <summary>The fields a list row has, in the order the columns file names them.</summary>
    public static readonly string[] Fields =
        ["child", "dob", "team", "worker", "adviser", "category", "plan", "in_touch", "contact", "accommodation",
         "suitability", "activity"];

    private Dictionary<string, Status?> _categories = [];
    private Dictionary<string, string> _inTouch = [];
    private Dictionary<string, string> _suitability = [];

    /// <summary>The column name of each field in a form (upper-cased, as <c>CsvInput.Header</c> gives them).</summary>
    public IReadOnlyDictionary<string, string> ColumnsOf(ListFormat f) =>
        Columns[f == ListFormat.AnnexA ? "annex_a" : "ssd"]
            .ToDictionary(kv => kv.Key, kv => kv.Value.ToUpperInvariant());

    /// <summary>The category a cell records: a status, null for none recorded, or false when unknown.</summary>
    public bool TryCategory(string cell, out Status? status)
    {
        status = null;
        return Key(cell).Length == 0 || _categories.TryGetValue(Key(cell), out status);
    }

    /// <summary>The OC3 IN_TOUCH code a cell records ("" when blank), or false when unknown.</summary>
    public bool TryInTouch(string cell, out string code) => TryCode(_inTouch, cell, out code);

    /// <summary>"1" (suitable) or "2" (unsuitable), "" when blank, or false when unknown.</summary>
    public bool TrySuitability(string cell, out string code) => TryCode(_suitability, cell, out code);

    /// <summary>
    /// The type letter of an accommodation cell ("B" or "B: Parents/relatives"), "" when blank, or
    /// false when the letter is not one of the OC3 types.
    /// </summary>
    public bool TryAccommodation(string cell, out string letter)
    {
        letter = CodeBeforeColon(cell).ToUpperInvariant();
        return letter.Length == 0 || Accommodation.Contains(letter);
    }

    /// <summary>The code of an activity cell ("F1" or "F1: Full time in higher education"), upper-cased.</summary>
    public static string CodeBeforeColon(string cell)
    {
        var colon = cell.IndexOf(':');
        return (colon < 0 ? cell : cell[..colon]).Trim();
    }

    /// <summary>Every accepted form of a table's values, for an error message.</summary>
    public static string Accepted(Dictionary<string, string[]> table) =>
        string.Join(", ", table.Values.Select(v => $"'{v[0]}'")) + " (or their words or codes, in any case)";

    private static bool TryCode(Dictionary<string, string> table, string cell, out string code)
    {
        code = "";
        return Key(cell).Length == 0 || table.TryGetValue(Key(cell), out code!);
    }

    /// <summary>A cell as matched: trimmed, spaces collapsed, lower case.</summary>
    private static string Key(string cell)
    {
        var t = cell.Trim();
        // Most cells hold no run of spaces: then lower case alone (20,000 rows a second matter in a bench).
        if (!t.Contains("  ", StringComparison.Ordinal)) return t.ToLowerInvariant();
        return string.Join(' ', t.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToLowerInvariant();
    }

    /// <summary>Each label, its words and its code, as keys (one form with two meanings is an error).</summary>
    private static Dictionary<string, T> Index<T>(string file, string table, Dictionary<string, string[]> labels,
        Func<string, T> meaning)
    {
        var index = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var (code, forms) in labels)
            foreach (var form in forms.Append(code))
            {
                var k = Key(form);
                if (index.TryGetValue(k, out var other) && !Equals(other, meaning(code)))
                    throw new RuleFileException(file, 1, 1, $"{table}: '{form}' is given two meanings");
                index[k] = meaning(code);
            }
        return index;
    }

    public static ListLabels LoadDefault() => Load(Path.Combine(RulesLocator.RulesRoot(), "audit", "list-labels.yaml"));

    public static ListLabels Load(string file)
    {
        var name = Path.GetFileName(file);
        ListLabels l;
        try
        {
            l = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build()
                .Deserialize<ListLabels>(File.ReadAllText(file)) ?? new ListLabels();
        }
        catch (YamlException e)
        {
            throw new RuleFileException(name, e.Start.Line, e.Start.Column, e.InnerException?.Message ?? e.Message);
        }
        foreach (var form in new[] { "annex_a", "ssd" })
        {
            if (!l.Columns.TryGetValue(form, out var cols))
                throw new RuleFileException(name, 1, 1, $"columns: no '{form}'");
            var missing = Fields.Where(f => f != "dob" && !cols.ContainsKey(f)).ToList();
            if (missing.Count > 0)
                throw new RuleFileException(name, 1, 1, $"columns.{form}: no {string.Join(", ", missing)}");
        }
        var categories = new[] { "eligible", "relevant", "former_relevant", "qualifying", "none" };
        if (l.Category.Keys.FirstOrDefault(k => !categories.Contains(k)) is { } odd)
            throw new RuleFileException(name, 1, 1, $"category: '{odd}' is not one of {string.Join(", ", categories)}");
        l._categories = Index(name, "category", l.Category,
            code => code == "none" ? (Status?)null : StatusNames.FromWire(code));
        l._inTouch = Index(name, "in_touch", l.InTouch, code => code);
        l._suitability = Index(name, "suitability", l.Suitability, code => code);
        return l;
    }
}
