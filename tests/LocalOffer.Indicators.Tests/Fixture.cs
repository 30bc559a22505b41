using LocalOffer.Core;
using LocalOffer.Indicators;
using LocalOffer.Indicators.Benchmarks;
using LocalOffer.Indicators.Definitions;
using LocalOffer.Offers.Render;

namespace LocalOffer.Indicators.Tests;

/// <summary>The rules core, definitions, DfE tables and runner, loaded once for every test.</summary>
public static class Fixture
{
    private static readonly Lazy<IndicatorDefinitions> LazyDefs = new(IndicatorDefinitions.LoadDefault);
    private static readonly Lazy<DfeTables> LazyDfe = new(() => DfeTables.LoadDefault(Defs));
    private static readonly Lazy<TemplateSet> LazyTemplates = new(() => TemplateSet.LoadDefault(Core.Law));
    private static readonly Lazy<IndicatorsRunner> LazyRunner = new(() => new(Core, Defs, Dfe, LazyTemplates.Value));

    public static RulesCore Core => SharedRules.Core;
    public static IndicatorDefinitions Defs => LazyDefs.Value;
    public static DfeTables Dfe => LazyDfe.Value;
    /// <summary>
    /// One runner for every test: it holds nothing from one run to the next (the templates compile once).
    /// </summary>
    public static IndicatorsRunner Runner => LazyRunner.Value;

    public static string FakeData => Path.Combine(TestPaths.Shared(), "data", "ssda903-fake");

    public static IndicatorRow Row(
        this IEnumerable<IndicatorRow> rows, string indicator, string band, string category) =>
        rows.Single(r => r.Indicator == indicator && r.AgeBand == band && r.Category == category);
}

/// <summary>A temporary folder, deleted afterwards.</summary>
public sealed class TempDir : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("localoffer-indicators-").FullName;
    public string File(string name) => System.IO.Path.Combine(Path, name);
    public string Write(string name, string text)
    {
        var p = File(name);
        System.IO.File.WriteAllText(p, text);
        return p;
    }
    public void Dispose() => Directory.Delete(Path, recursive: true);
}
