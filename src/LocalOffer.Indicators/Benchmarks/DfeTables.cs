using System.Globalization;
using LocalOffer.Batch.Input;
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

    /// <summary>The statistical neighbour model alone (a few kilobytes): enough to check --la.</summary>
    public static Dictionary<string, Council> LoadCouncils(string directory)
    {
        var councils = new Dictionary<string, Council>(StringComparer.Ordinal);
        string[] model = ["old_la_code", "la_name", "region_name", .. Enumerable.Range(1, 10).Select(k => $"SN_{k}")];
        foreach (var r in Rows(Path.Combine(directory, "sn_model_2025_wide.csv"), model, optionalFrom: 3))
            councils[r[0]] = new Council(r[0], r[1], r[2], r[3..].Where(s => s.Length > 0).ToList());
        return councils;
    }

    /// <summary>The model and every benchmark table; <paramref name="councils"/> when the model is already read.</summary>
    public static DfeTables Load(string directory, IndicatorDefinitions defs,
        Dictionary<string, Council>? councils = null)
    {
        councils ??= LoadCouncils(directory);
        var t = new DfeTables(defs, councils);
        foreach (var (indicator, source) in defs.Benchmarks)
        {
            var years = new SortedSet<int>();
            string[] columns = ["time_period", "geographic_level", "region_name", "old_la_code", source.AgeColumn,
                source.BreakdownColumn, source.CountColumn, source.PercentColumn];
            foreach (var r in Rows(Path.Combine(directory, source.File), columns))
            {
                var year = int.Parse(r[0], CultureInfo.InvariantCulture);
                years.Add(year);
                var place = r[1] switch
                {
                    "National" => "England",
                    "Regional" => "region:" + r[2],
                    _ => "la:" + r[3],
                };
                t._cells[Key(indicator, place, year, r[4], r[5])] = new DfeCell(r[6], r[7]);
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

    /// <summary>
    /// A table's rows through the one CSV input layer (<see cref="CsvInput"/>), as the named columns' fields,
    /// trimmed (a column from <paramref name="optionalFrom"/> on may be absent: its field is ""). The array is
    /// the same one each row, filled anew: only the columns asked for are made text (issue 30: the tables
    /// were a tenth of a cold run, each row a dictionary of every column). A shipped table that cannot be read
    /// is a problem of the program's files, with the table's line and column.
    /// </summary>
    private static IEnumerable<string[]> Rows(string path, string[] columns, int optionalFrom = int.MaxValue)
    {
        if (!File.Exists(path)) throw new RuleFileException(path, 0, 0, "DfE table not found (data/dfe-care-leavers)");
        using var input = CsvInput.Open(InputSource.File(path));
        var names = Unreadable(path, () => input.Header());
        var at = columns.Select(c => names.IndexOf(c.ToUpperInvariant())).ToArray();
        if (Array.FindIndex(at, i => i < 0) is var missing and >= 0 && missing < optionalFrom)
            throw new RuleFileException(path, 1, 0, $"no column {columns[missing]} in the DfE table");
        var row = new string[columns.Length];
        while (Unreadable(path, input.Next))
        {
            if (input.Problem is { } p) throw new RuleFileException(path, input.Line, p.Column, p.Reason);
            for (var i = 0; i < at.Length; i++) row[i] = input.Field(at[i]);
            yield return row;
        }
    }

    private static T Unreadable<T>(string path, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (UnreadableInputException e)
        {
            throw new RuleFileException(path, 0, 0, e.Message);
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
