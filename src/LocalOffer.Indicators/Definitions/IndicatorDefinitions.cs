using LocalOffer.Core.Rules;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace LocalOffer.Indicators.Definitions;

/// <summary>
/// rules/indicators/oc3.yaml: which OC3 codes count as what, the age bands, staying put and the DfE
/// breakdown each category is compared with. Codes live in the rules file, never in C#.
/// </summary>
public sealed class IndicatorDefinitions
{
    public string Description { get; set; } = "";
    public Dictionary<string, int[]> AgeBands { get; set; } = [];
    public string[] ExcludedInTouch { get; set; } = [];
    public string[] CareTransferredReasons { get; set; } = [];
    public Dictionary<string, string[]> InTouch { get; set; } = [];
    public ActivityCodes Activity { get; set; } = new();
    public AccommodationCodes Accommodation { get; set; } = new();
    public StayingPutRules StayingPut { get; set; } = new();
    public Dictionary<string, BenchmarkSource> Benchmarks { get; set; } = [];
    public Dictionary<string, string> DfeSymbols { get; set; } = [];

    /// <summary>The OC3 codes each collection year allows (oc3-codes.yaml, beside this file).</summary>
    [YamlIgnore]
    public Oc3CodeLists Codes { get; private set; } = null!;

    /// <summary>The accommodation category of a young person the DfE leaves out of its suitability figures.</summary>
    public const string LeftOutOfSuitability = "left_out_of_suitability";

    public sealed class ActivityCodes
    {
        public string[] Eet { get; set; } = [];
        public string[] Neet { get; set; } = [];
        public string Otherwise { get; set; } = "";
    }

    public sealed class AccommodationCodes
    {
        public string SuitableSuffix { get; set; } = "";
        public string UnsuitableSuffix { get; set; } = "";
        public string Otherwise { get; set; } = "";
        public string[] LeftOutOfSuitability { get; set; } = [];
    }

    public sealed class StayingPutRules
    {
        public Dictionary<string, int[]> AgeBands { get; set; } = [];
        public string[] ReasonsEnded { get; set; } = [];
        public string[] FormerCarerAccommodation { get; set; } = [];
    }

    public sealed class BenchmarkSource
    {
        public string File { get; set; } = "";
        public string AgeColumn { get; set; } = "";
        public string BreakdownColumn { get; set; } = "";
        public string CountColumn { get; set; } = "";
        public string PercentColumn { get; set; } = "";
        public Dictionary<string, string> Ages { get; set; } = [];
        public string Total { get; set; } = "";
        public Dictionary<string, string> Categories { get; set; } = [];
    }

    /// <summary>The indicators in report order, each with its categories in order.</summary>
    public IReadOnlyList<(string Indicator, IReadOnlyList<string> Categories)> Indicators =>
    [
        ("in_touch", [.. InTouch.Keys]),
        ("activity", ["eet", "neet", Activity.Otherwise]),
        ("accommodation", ["suitable", "unsuitable", Accommodation.Otherwise]),
        ("staying_put", ["staying_put"]),
    ];

    /// <summary>Every IN_TOUCH code the definitions give a meaning (a category, or left out).</summary>
    public IEnumerable<string> KnownInTouch => InTouch.Values.SelectMany(v => v).Concat(ExcludedInTouch);

    // The look-ups below are asked once for each young person checked: loops over the few codes and bands, in
    // the definitions' order, rather than LINQ and substrings (each made a closure, an enumerator or a string).
    public string? InTouchCategory(string code) => FirstHolding(InTouch, code);

    public string ActivityCategory(string code) =>
        Activity.Eet.Contains(code) ? "eet" : Activity.Neet.Contains(code) ? "neet" : Activity.Otherwise;

    /// <summary>
    /// A type letter then 1 or 2 (e.g. Z1); a type the DfE leaves out of its suitability figures (G, H,
    /// R) is <see cref="LeftOutOfSuitability"/>; anything else (0) is no information. Codes are checked
    /// against the year's list before they get here.
    /// </summary>
    public string AccommodationCategory(string code) =>
        code.Length == 2 && char.IsAsciiLetter(code[0])
            ? IsTypeLetterOf(code, Accommodation.LeftOutOfSuitability) ? LeftOutOfSuitability
                : code.AsSpan(1).SequenceEqual(Accommodation.SuitableSuffix) ? "suitable"
                : code.AsSpan(1).SequenceEqual(Accommodation.UnsuitableSuffix) ? "unsuitable"
                : Accommodation.Otherwise
            : Accommodation.Otherwise;

    /// <summary>The band an age on a birthday falls in (17-18 or 19-21), or null.</summary>
    public string? Band(int age) => FirstHolding(AgeBands, age);

    public string? StayingPutBand(int age) => FirstHolding(StayingPut.AgeBands, age);

    /// <summary>Whether the code's first character, as a one-letter text, is one of <paramref name="types"/>.</summary>
    public static bool IsTypeLetterOf(string code, string[] types)
    {
        foreach (var t in types) if (t.Length == 1 && code.Length > 0 && t[0] == code[0]) return true;
        return false;
    }

    /// <summary>The first key (the dictionary's order) whose values hold <paramref name="value"/>, else null.</summary>
    private static string? FirstHolding<T>(Dictionary<string, T[]> lists, T value)
    {
        foreach (var (key, values) in lists) if (Array.IndexOf(values, value) >= 0) return key;
        return null;
    }

    public int MinAge => AgeBands.Values.SelectMany(v => v).Min();
    public int MaxAge => AgeBands.Values.SelectMany(v => v).Max();

    public static IndicatorDefinitions LoadDefault() =>
        Load(Path.Combine(RulesLocator.RulesRoot(), "indicators", "oc3.yaml"));

    /// <summary>The file of dated OC3 code lists beside the definitions file.</summary>
    public static string CodesFile(string definitionsFile) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(definitionsFile))!, "oc3-codes.yaml");

    public static IndicatorDefinitions Load(string file)
    {
        var name = Path.GetFileName(file);
        try
        {
            var d = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build()
                .Deserialize<IndicatorDefinitions>(File.ReadAllText(file));
            if (d.AgeBands.Count == 0 || d.InTouch.Count == 0 || d.Activity.Eet.Length == 0 || d.Benchmarks.Count == 0)
                throw new RuleFileException(name, 1, 1, "age_bands, in_touch, activity and benchmarks are required");
            foreach (var (indicator, _) in d.Indicators)
                if (!d.Benchmarks.ContainsKey(indicator))
                    throw new RuleFileException(name, 1, 1, $"no benchmark for indicator '{indicator}'");
            d.Codes = Oc3CodeLists.Load(CodesFile(file));
            // A code a year's guide allows but no definition places would be counted in no category.
            var known = d.KnownInTouch.ToHashSet(StringComparer.Ordinal);
            if (d.Codes.All.SelectMany(l => l.InTouch).FirstOrDefault(c => !known.Contains(c)) is { } unplaced)
                throw new RuleFileException(name, 1, 1, $"IN_TOUCH '{unplaced}' (oc3-codes.yaml) has no category");
            return d;
        }
        catch (YamlException e)
        {
            throw new RuleFileException(name, e.Start.Line, e.Start.Column, e.InnerException?.Message ?? e.Message);
        }
    }
}
