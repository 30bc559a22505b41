namespace LocalOffer.Web.Tests;

/// <summary>
/// `/audit` in Debian Chromium (issue 31): axe finds nothing on the form, its errors or the result of a
/// synthetic return and its list 9, at 390 px and 1280 px.
/// </summary>
[Trait(Lane.Key, Lane.Slow), Trait(Lane.Category, Lane.Accessibility), Collection(CaseloadUploads.Name)]
public sealed class AuditPageBrowserTests(LiveServer server) : IClassFixture<LiveServer>, IDisposable
{
    private readonly string _dir = AuditPageTests.Synthetic();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string File(string name) => Path.Combine(_dir, name);

    [Fact]
    public async Task The_form_its_errors_and_the_result_pass_axe()
    {
        var page = await server.Browser.NewPageAsync();
        var found = new List<string>();
        async Task Axe()
        {
            foreach (var width in new[] { 390, 1280 })
            {
                await page.SetViewportSizeAsync(width, 900);
                found.AddRange((await Wcag.Axe(page)).Violations
                    .Select(v => $"{page.Url} at {width}: {v.Id}: {v.Help}"));
            }
        }
        await page.GotoAsync(server.Url + "/audit");
        await Axe();
        await page.ClickAsync("#check");
        (await page.TextContentAsync(".govuk-error-summary"))!.Should().Contain("Select the care leaver list");
        await Axe();
        await page.SetInputFilesAsync("#list", File("list9.csv"));
        await page.CheckAsync("#format");
        await page.SetInputFilesAsync("#header", File("header.csv"));
        await page.SetInputFilesAsync("#episodes", File("episodes.csv"));
        await page.FillAsync("#asAt-day", "31");
        await page.FillAsync("#asAt-month", "3");
        await page.FillAsync("#asAt-year", "2026");
        await page.FillAsync("#la", "384");
        await page.ClickAsync("#check");
        (await page.TextContentAsync("h1")).Should().Be("Your care leaver list checked against the law");
        await Axe();
        found.Should().BeEmpty();
    }
}
