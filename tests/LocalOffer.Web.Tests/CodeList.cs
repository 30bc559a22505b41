using Microsoft.Playwright;

namespace LocalOffer.Web.Tests;

/// <summary>
/// Chooses a code (legal status, placement, reason ended) as a person does: typed into the
/// accessible-autocomplete that enhances the select (issue 28) and taken with Enter, or chosen in the
/// plain select when the script has not run.
/// </summary>
public static class CodeList
{
    public static async Task Choose(IPage page, string id, string code)
    {
        if (await page.EvaluateAsync<string>($"() => document.getElementById('{id}').tagName") == "SELECT")
        {
            await page.SelectOptionAsync($"#{id}", code);
            return;
        }
        await page.FillAsync($"#{id}", code);
        await page.WaitForSelectorAsync($"#{id}__listbox li");
        await page.PressAsync($"#{id}", "Enter");
        // The enhanced select behind it now holds the code the form sends.
        (await page.EvalOnSelectorAsync<string>($"#{id}-select", "s => s.value")).Should().Be(code);
    }
}
