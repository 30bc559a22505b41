namespace LocalOffer.Offers.Tests;

/// <summary>
/// Approved-file testing without a library: rendered output is compared with a committed file in
/// approved/. On a difference the output is written beside it as .received and the test fails.
/// Set LOCALOFFER_APPROVE=1 to (re)write the approved files, then read the diff before committing.
/// </summary>
public static class Approved
{
    public static string Directory()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            var candidate = Path.Combine(d.FullName, "tests", "LocalOffer.Offers.Tests", "approved");
            if (System.IO.Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException("tests/LocalOffer.Offers.Tests/approved not found");
    }

    public static void Verify(string name, string actual)
    {
        actual = actual.Replace("\r\n", "\n");
        var path = Path.Combine(Directory(), name);
        var received = path + ".received";
        if (Environment.GetEnvironmentVariable("LOCALOFFER_APPROVE") == "1" && Environment.GetEnvironmentVariable("CI") != "true")
        {
            File.WriteAllText(path, actual);
            if (File.Exists(received)) File.Delete(received);
            return;
        }
        var expected = File.Exists(path) ? File.ReadAllText(path).Replace("\r\n", "\n") : null;
        if (expected == actual)
        {
            if (File.Exists(received)) File.Delete(received);
            return;
        }
        File.WriteAllText(received, actual);
        var line = expected is null ? 0 : FirstDifferentLine(expected, actual);
        throw new Xunit.Sdk.XunitException(expected is null
            ? $"no approved file {name}: output written to {received}; review it and set LOCALOFFER_APPROVE=1 to approve"
            : $"{name} differs from the approved file at line {line}; output written to {received}");
    }

    private static int FirstDifferentLine(string a, string b)
    {
        var x = a.Split('\n');
        var y = b.Split('\n');
        for (var i = 0; i < Math.Min(x.Length, y.Length); i++) if (x[i] != y[i]) return i + 1;
        return Math.Min(x.Length, y.Length) + 1;
    }
}
