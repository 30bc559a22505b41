namespace LocalOffer.Tests.Shared;

/// <summary>Where the repository and ../shared are, found by walking up (never a fixed path). Linked into every test project.</summary>
public static class TestPaths
{
    public static string RepoRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "LocalOffer.sln"))) return d.FullName;
        throw new DirectoryNotFoundException("repo root not found");
    }

    /// <summary>../shared beside the clone, or $LOCALOFFER_SHARED.</summary>
    public static string Shared()
    {
        if (Environment.GetEnvironmentVariable("LOCALOFFER_SHARED") is { Length: > 0 } s) return s;
        for (var d = new DirectoryInfo(RepoRoot()); d is not null; d = d.Parent)
            if (Directory.Exists(Path.Combine(d.FullName, "shared", "reference"))) return Path.Combine(d.FullName, "shared");
        throw new DirectoryNotFoundException("shared/ not found beside the repository");
    }
}
