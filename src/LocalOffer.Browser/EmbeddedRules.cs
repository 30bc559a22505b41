using System.Reflection;

namespace LocalOffer.Browser;

/// <summary>
/// The rules/, templates/, translations/ and data/dfe-care-leavers/ folders, embedded in this assembly at build time, written
/// into the browser's in-memory file system at start, where <see cref="LocalOffer.Core.Rules.RulesLocator"/> and
/// TemplateSet.LoadDefault find them (templates/ beside rules/). Nothing is fetched: the rules, the
/// councils' offers and the pages' templates are part of the download (issues 16 and 28).
/// </summary>
public static class EmbeddedRules
{
    public const string Root = "/localoffer/rules";

    public static void Unpack()
    {
        var assembly = Assembly.GetExecutingAssembly();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("rules/", StringComparison.Ordinal)
            || n.StartsWith("templates/", StringComparison.Ordinal)
            || n.StartsWith("translations/", StringComparison.Ordinal)
            || n.StartsWith("data/dfe-care-leavers/", StringComparison.Ordinal)))
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
