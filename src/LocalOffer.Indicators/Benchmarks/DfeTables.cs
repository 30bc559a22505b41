using System.Globalization;
using CsvHelper;
using LocalOffer.Core.Rules;
using LocalOffer.Indicators.Definitions;

namespace LocalOffer.Indicators.Benchmarks;

/// <summary>A published figure: count and percent as printed, with suppression codes kept (c, z, k, x).</summary>
public readonly record struct DfeCell(string Count, string Percent)
{
    public int? CountValue => Number(Count);
    public int? PercentValue => Number(Percent);
    /// <summary>True when the percent is a suppression code (c, z, k, x) or blank, not a number.</summary>
    public bool Suppressed => PercentValue is null;

    private static int? Number(string s) => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;
}

/// <summary>A council in the DfE statistical neighbour model: its name, region and 10 nearest neighbours.</summary>
public sealed record Council(string Code, string Name, string Region, IReadOnlyList<string> Neighbours);

/// <summary>The median of the statistical neighbours' percentages: how many of how many were used.</summary>
public readonly record struct NeighbourMedian(decimal? Median, int Used, int Of);

/// <summary>
/// The DfE care leaver tables shipped in data/dfe-care-leavers/ (Open Government Licence v3.0;
/// see its README): national, regional and council figures by year, age band and breakdown, and
/// the 2025 statistical neighbour model. Read once; every look-up is a dictionary hit.
/// </summary>
public sealed class DfeTables
{
    private readonly Dictionary<string, DfeCell> _cells = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int[]> _years = [];
    private readonly IndicatorDefinitions _defs;

    public IReadOnlyDictionary<string, Council> Councils { get; }

    private DfeTables(IndicatorDefinitions defs, Dictionary<string, Council> councils)
    {
        _defs = defs;
        Councils = councils;
    }

    /// <summary>data/dfe-care-leavers beside rules/ (a source checkout), else beside the program.</summary>
    public static string DefaultDirectory()
    {
        var root = Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(RulesLocator.RulesRoot()))!;
        var dir = Path.Combine(root, "data", "dfe-care-leavers");
        return Directory.Exists(dir) ? dir : Path.Combine(AppContext.BaseDirectory, "data", "dfe-care-leavers");
    }

    public static DfeTables LoadDefault(IndicatorDefinitions defs) => Load(DefaultDirectory(), defs);

    public static DfeTables Load(string directory, IndicatorDefinitions defs)
    {
        var councils = new Dictionary<string, Council>(StringComparer.Ordinal);
        foreach (var r in Rows(Path.Combine(directory, "sn_model_2025_wide.csv")))
        {
            var code = r["old_la_code"];
            var neighbours = Enumerable.Range(1, 10).Select(k => r.GetValueOrDefault($"SN_{k}", ""))
                .Where(s => s.Length > 0).ToList();
            councils[code] = new Council(code, r["la_name"], r["region_name"], neighbours);
        }
        var t = new DfeTables(defs, councils);
        foreach (var (indicator, source) in defs.Benchmarks)
        {
            var years = new SortedSet<int>();
            foreach (var r in Rows(Path.Combine(directory, source.File)))
            {
                var year = int.Parse(r["time_period"], CultureInfo.InvariantCulture);
                years.Add(year);
                var place = r["geographic_level"] switch
                {
                    "National" => "England",
                    "Regional" => "region:" + r["region_name"],
                    _ => "la:" + r["old_la_code"],
                };
                t._cells[Key(indicator, place, year, r[source.AgeColumn], r[source.BreakdownColumn])] =
                    new DfeCell(r[source.CountColumn], r[source.PercentColumn]);
            }
            t._years[indicator] = [.. years];
        }
        return t;
    }

    /// <summary>The latest year the indicator's table has.</summary>
    public int LatestYear(string indicator) => _years[indicator][^1];

    public IReadOnlyList<int> Years(string indicator) => _years[indicator];

    /// <summary>The published figure for a place ("England", a region name, a council code), or null.</summary>
    public DfeCell? Figure(string indicator, Place place, int year, string band, string category)
    {
        var source = _defs.Benchmarks[indicator];
        if (!source.Ages.TryGetValue(band, out var age)) return null;
        var breakdown = category == "total" ? source.Total : source.Categories.GetValueOrDefault(category);
        if (breakdown is null) return null;
        return _cells.TryGetValue(Key(indicator, place.Key, year, age, breakdown), out var c) ? c : null;
    }

    /// <summary>
    /// The median of the council's statistical neighbours' published percentages. A neighbour whose
    /// figure is suppressed (c, z, k, x) or absent is left out; Used says how many were used.
    /// </summary>
    public NeighbourMedian NeighbourMedian(Council council, string indicator, int year, string band, string category)
    {
        var values = council.Neighbours
            .Select(n => Figure(indicator, Place.La(n), year, band, category)?.PercentValue)
            .Where(v => v is not null).Select(v => (decimal)v!.Value).Order().ToList();
        if (values.Count == 0) return new NeighbourMedian(null, 0, council.Neighbours.Count);
        var mid = values.Count / 2;
        var m = values.Count % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
        return new NeighbourMedian(m, values.Count, council.Neighbours.Count);
    }

    private static string Key(string indicator, string place, int year, string age, string breakdown) =>
        string.Join('\u001f', indicator, place, year.ToString(CultureInfo.InvariantCulture), age, breakdown);

    private static IEnumerable<Dictionary<string, string>> Rows(string path)
    {
        if (!File.Exists(path)) throw new RuleFileException(path, 0, 0, "DfE table not found (data/dfe-care-leavers)");
        var options = new CsvReaderOptions { HasHeader = false, SkipEmptyLines = true };
        using var csv = CsvReader.Create(File.OpenRead(path), options, false);
        if (!csv.Read()) yield break;
        var names = Enumerable.Range(0, csv.FieldCount).Select(i => csv.GetString(i).Trim().TrimStart('\uFEFF')).ToArray();
        while (csv.Read())
        {
            var row = new Dictionary<string, string>(names.Length, StringComparer.Ordinal);
            for (var i = 0; i < names.Length; i++) row[names[i]] = i < csv.FieldCount ? csv.GetString(i).Trim() : "";
            yield return row;
        }
    }
}

/// <summary>Where a published figure is for: England, a region (by name) or a council (by old_la_code).</summary>
public readonly record struct Place(string Key)
{
    public static Place England => new("England");
    public static Place Region(string name) => new("region:" + name);
    public static Place La(string code) => new("la:" + code);
}
