using LocalOffer.Core;

namespace LocalOffer.Tests.Shared;

/// <summary>
/// The shipped rules (rules/england and the SSDA903 codes) read once per test assembly and shared by every
/// test that only reads them (issue 30: one test read them 400 times). A test that edits rules, or tests the
/// reading itself, loads its own. Sharing is safe: a RulesCore never changes once loaded, and the engine's
/// reused buffers are per thread (the web app and batch share one instance across threads too).
/// </summary>
public static class SharedRules
{
    private static readonly Lazy<RulesCore> Loaded = new(RulesCore.LoadDefault);

    public static RulesCore Core => Loaded.Value;
}
