namespace LocalOffer.Core.Rules;

/// <summary>
/// Finds the rules/ folder: $LOCALOFFER_RULES if set, else the nearest rules/ above the working
/// directory (a source checkout, so an edited policy file is seen at once), else the copy built
/// beside the program.
/// </summary>
public static class RulesLocator
{
    public static string RulesRoot()
    {
        var env = Environment.GetEnvironmentVariable("LOCALOFFER_RULES");
        if (!string.IsNullOrEmpty(env)) return env;
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "rules");
            if (Directory.Exists(Path.Combine(candidate, "england"))) return candidate;
        }
        var beside = Path.Combine(AppContext.BaseDirectory, "rules");
        if (Directory.Exists(Path.Combine(beside, "england"))) return beside;
        throw new DirectoryNotFoundException("rules/ folder not found: set LOCALOFFER_RULES");
    }

    public static string EnglandDirectory() => Path.Combine(RulesRoot(), "england");
    public static string CouncilsDirectory() => Path.Combine(RulesRoot(), "councils");
}
