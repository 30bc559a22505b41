using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

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

    /// <summary>
    /// Axe (<see cref="AA"/>) run once in the page itself, on its root element (which axe takes as the whole
    /// page, page-level rules included). RunAxe runs it in parts, frame by frame, and puts them together in a
    /// new blank page, injecting axe twice and opening a page for every check (issue 30: most of the
    /// accessibility tests' time); our pages have no frames, so the parts are the whole.
    /// </summary>
    public static Task<AxeResult> Axe(IPage page) => page.Locator("html").RunAxeLegacy(AA);
}
