namespace LocalOffer.Batch.Tests;

/// <summary>Paths to the repository and ../shared, found by walking up (never a fixed path).</summary>
public static class TestData
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

    public static string FakeData => Path.Combine(Shared(), "data", "ssda903-fake");
    public static string RegionalData => Path.Combine(Shared(), "data", "ssda903-regional");
}

/// <summary>A temporary folder for test files, deleted afterwards.</summary>
public sealed class TempDir : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("localoffer-batch-").FullName;

    public string Write(string name, string text, System.Text.Encoding? encoding = null)
    {
        var p = System.IO.Path.Combine(Path, name);
        System.IO.File.WriteAllText(p, text, encoding ?? new System.Text.UTF8Encoding(false));
        return p;
    }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
