namespace LocalOffer.Batch.Tests;

/// <summary>Paths to the repository and ../shared, found by walking up (never a fixed path).</summary>
public static class TestData
{
    public static string RepoRoot() => TestPaths.RepoRoot();
    public static string Shared() => TestPaths.Shared();

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
