namespace LocalOffer.Tests.Shared;

/// <summary>
/// The two lanes of the test run (issue 30). A class marked <c>[Trait(Lane.Key, Lane.Slow)]</c> is left out of
/// <c>scripts/test.sh --fast</c>; its <c>[Trait(Lane.Category, ...)]</c> says why. Everything else is the fast
/// lane; the full run (no flag, what .ci/run does) runs both. Linked into every test project.
/// </summary>
public static class Lane
{
    public const string Key = "Lane";
    public const string Slow = "Slow";
    public const string Category = "Category";

    /// <summary>Drives the web app or the browser site in Debian Chromium.</summary>
    public const string Browser = "Browser";

    /// <summary>Checks pages with axe (WCAG 2.2 AA) in Debian Chromium.</summary>
    public const string Accessibility = "Accessibility";

    /// <summary>Packs the .NET tool and installs it.</summary>
    public const string Packing = "Packing";

    /// <summary>Set to "fast" by <c>scripts/test.sh --fast</c>: a slow test that runs anyway fails, naming the trait.</summary>
    public const string Variable = "LOCALOFFER_TEST_LANE";

    public static bool IsFast => Environment.GetEnvironmentVariable(Variable) == "fast";

    /// <summary>Throws when the fast lane reaches work that belongs to the slow lane (an unmarked class).</summary>
    public static void RequireSlow(string what)
    {
        if (IsFast)
            throw new InvalidOperationException(
                $"{what} in the fast lane: mark the test class [Trait(Lane.Key, Lane.Slow)] and a [Trait(Lane.Category, ...)]");
    }
}
