using System.Diagnostics;

namespace LocalOffer.Tests.Shared;

/// <summary>
/// Runs a program (dotnet, a published or installed localoffer) as a user would, in a folder of the test's
/// own, with the shipped rules (LOCALOFFER_RULES removed). Linked into the projects whose tests pack or
/// publish the tool.
/// </summary>
public static class ProgramRun
{
    /// <summary>The configuration these tests were built in, so they pack or run the CLI built with them.</summary>
#if DEBUG
    public const string Configuration = "Debug";
#else
    public const string Configuration = "Release";
#endif

    public static (int Code, string Out, string Err) Run(string file, string args, string workingDirectory,
        IReadOnlyDictionary<string, string>? environment = null, int minutes = 5)
    {
        var start = new ProcessStartInfo(file, args)
        {
            WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;
        start.Environment.Remove("LOCALOFFER_RULES");
        using var p = Process.Start(start)!;
        var output = p.StandardOutput.ReadToEndAsync();
        var error = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromMinutes(minutes))) { p.Kill(true); throw new TimeoutException($"{file} {args}"); }
        return (p.ExitCode, output.Result, error.Result);
    }
}
