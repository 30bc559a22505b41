namespace LocalOffer.Core.Rules;

/// <summary>
/// Finds the rules/ folder: $LOCALOFFER_RULES if set, else the copy built beside the program,
/// else the nearest rules/ above the working directory (a source checkout).
/// </summary>
public static class RulesLocator
{
    public static string RulesRoot()
    {
        var env = Environment.GetEnvironmentVariable("LOCALOFFER_RULES");
        if (!string.IsNullOrEmpty(env)) return env;
        var beside = Path.Combine(AppContext.BaseDirectory, "rules");
        if (Directory.Exists(Path.Combine(beside, "england"))) return beside;
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "rules");
            if (Directory.Exists(Path.Combine(candidate, "england"))) return candidate;
        }
        throw new DirectoryNotFoundException("rules/ folder not found: set LOCALOFFER_RULES");
    }

    public static string EnglandDirectory() => Path.Combine(RulesRoot(), "england");
    public static string CouncilsDirectory() => Path.Combine(RulesRoot(), "councils");
}
