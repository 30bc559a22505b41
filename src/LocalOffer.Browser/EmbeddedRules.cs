using System.Reflection;

namespace LocalOffer.Browser;

/// <summary>
/// The rules/ folder, embedded in this assembly at build time, written into the browser's in-memory
/// file system at start, where <see cref="LocalOffer.Core.Rules.RulesLocator"/> finds it (rules/ under
/// the working folder). Nothing is fetched: the rules are part of the download, as issue 16 asks.
/// </summary>
public static class EmbeddedRules
{
    public const string Root = "/localoffer/rules";

    public static void Unpack()
    {
        var assembly = Assembly.GetExecutingAssembly();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("rules/", StringComparison.Ordinal)))
        {
            var path = Path.Combine(Path.GetDirectoryName(Root)!, name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using var from = assembly.GetManifestResourceStream(name)!;
            using var to = File.Create(path);
            from.CopyTo(to);
        }
        Environment.SetEnvironmentVariable("LOCALOFFER_RULES", Root);
    }
}
