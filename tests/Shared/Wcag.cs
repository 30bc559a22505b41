using Deque.AxeCore.Commons;

namespace LocalOffer.Tests.Shared;

/// <summary>The one axe configuration of the accessibility checks. Linked into the browser test projects.</summary>
public static class Wcag
{
    /// <summary>
    /// WCAG 2.2 AA: every rule tagged wcag2a, wcag2aa, wcag21a, wcag21aa or wcag22aa, run on every node. Only
    /// violations are collected in full, as the tests read nothing else: axe otherwise builds a CSS selector for
    /// every node that passes (issue 30: thousands on the caseload page).
    /// </summary>
    public static AxeRunOptions AA => new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
        ResultTypes = [ResultType.Violations],
    };
}
