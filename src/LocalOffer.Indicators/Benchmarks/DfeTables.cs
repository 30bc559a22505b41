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

    private static int? Number(string s) =>
        int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;
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
    private readonly Dictionary<(string Indicator, string Place, int Year, string Age, string Breakdown), DfeCell>
        _cells = [];
    private readonly Dictionary<string, int[]> _years = [];
    private readonly IndicatorDefinitions _defs;
    private readonly Places? _only;

    public IReadOnlyDictionary<string, Council> Councils { get; }

    private DfeTables(IndicatorDefinitions defs, Dictionary<string, Council> councils, Places? only)
    {
        _defs = defs;
        Councils = councils;
        _only = only;
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
            councils[r[0]] = new Council(r[0], r[1], r[2],
                Enumerable.Range(3, 10).Select(k => r[k]).Where(s => s.Length > 0).ToList());
        return councils;
    }

    /// <summary>
    /// The model and every benchmark table (<paramref name="councils"/>: the model, read already). With
    /// <paramref name="onlyFor"/> (a council's code) only the figures a report for that council reads are
    /// kept: England's, its region's, its own and its statistical neighbours' (a tenth of the tables; the
    /// years are still every year of each table). A figure of any other place is then an error, never "not
    /// published". An unknown code keeps England's alone (the run stops at --la before any figure is read).
    /// </summary>
    public static DfeTables Load(string directory, IndicatorDefinitions defs,
        Dictionary<string, Council>? councils = null, string? onlyFor = null)
    {
        councils ??= LoadCouncils(directory);
        var only = onlyFor is null ? null : Places.For(councils.GetValueOrDefault(onlyFor.Trim()));
        var t = new DfeTables(defs, councils, only);
        foreach (var (indicator, source) in defs.Benchmarks)
        {
            var years = new SortedSet<int>();
            string[] columns = ["time_period", "geographic_level", "region_name", "old_la_code", source.AgeColumn,
                source.BreakdownColumn, source.CountColumn, source.PercentColumn];
            foreach (var r in Rows(Path.Combine(directory, source.File), columns))
            {
                var year = int.Parse(r[0], CultureInfo.InvariantCulture);
                years.Add(year);
                string place;
                switch (r[1])
                {
                    case "National":
                        place = "England";
                        break;
                    case "Regional":
                        var region = r[2];
                        if (only is not null && !only.Regions.Contains(region)) continue;
                        place = "region:" + region;
                        break;
                    default:
                        var code = r[3];
                        if (only is not null && !only.Councils.Contains(code)) continue;
                        place = "la:" + code;
                        break;
                }
                t._cells[(indicator, place, year, r[4], r[5])] = new DfeCell(r[6], r[7]);
            }
            t._years[indicator] = [.. years];
        }
        return t;
    }

    /// <summary>The regions and councils whose figures a report for one council reads.</summary>
    private sealed record Places(HashSet<string> Regions, HashSet<string> Councils)
    {
        public static Places For(Council? c) => c is null ? new([], [])
            : new([c.Region], new HashSet<string>(c.Neighbours.Append(c.Code), StringComparer.Ordinal));

        public bool Has(Place p) => p.Key == Place.England.Key
            || (p.Key.StartsWith("region:", StringComparison.Ordinal) && Regions.Contains(p.Key["region:".Length..]))
            || (p.Key.StartsWith("la:", StringComparison.Ordinal) && Councils.Contains(p.Key["la:".Length..]));
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
        if (_only is not null && !_only.Has(place))
            throw new InvalidOperationException($"the DfE tables were read for one council's report: not {place.Key}");
        return _cells.TryGetValue((indicator, place.Key, year, age, breakdown), out var c) ? c : null;
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

    /// <summary>
    /// A table's rows through the one CSV input layer (<see cref="CsvInput"/>): the named columns' fields, trimmed,
    /// each made text only when asked for (a column from <paramref name="optionalFrom"/> on may be absent: its
    /// field is ""). Issue 30: the tables were a tenth of a cold run, each row a dictionary of every column. A
    /// shipped table that cannot be read is a problem of the program's files, with the table's line and column.
    /// </summary>
    private static IEnumerable<TableRow> Rows(string path, string[] columns, int optionalFrom = int.MaxValue)
    {
        if (!File.Exists(path)) throw new RuleFileException(path, 0, 0, "DfE table not found (data/dfe-care-leavers)");
        using var input = CsvInput.Open(InputSource.File(path));
        var names = Unreadable(path, () => input.Header());
        var at = columns.Select(c => names.IndexOf(c.ToUpperInvariant())).ToArray();
        if (Array.FindIndex(at, i => i < 0) is var missing and >= 0 && missing < optionalFrom)
            throw new RuleFileException(path, 1, 0, $"no column {columns[missing]} in the DfE table");
        while (Unreadable(path, input.Next))
        {
            if (input.Problem is { } p) throw new RuleFileException(path, input.Line, p.Column, p.Reason);
            yield return new TableRow(input, at);
        }
    }

    /// <summary>The row a table is at: field i is the i-th column asked for, trimmed ("" when absent).</summary>
    private readonly struct TableRow(CsvInput input, int[] at)
    {
        public string this[int i] => input.Field(at[i]);
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
