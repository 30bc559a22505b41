using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using LocalOffer.Audit;
using LocalOffer.Audit.Input;
using LocalOffer.Audit.Output;
using LocalOffer.Audit.Synth;
using LocalOffer.Batch.Synth;
using LocalOffer.Core;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Playwright;
using NodaTime;

namespace LocalOffer.Web.Tests;

/// <summary>
/// `/audit` (issue 31): a synthetic return and its list 9 uploaded; the page shows the findings the
/// command finds for the same files, offers the same audit.csv, escapes what the list holds, names the
/// fields a person must fix, and in Chromium axe finds nothing on the form, its errors or the result.
/// </summary>
public sealed class AuditPageTests(WebApplicationFactory<WebEntryPoint> factory, LiveServer server)
    : IClassFixture<WebApplicationFactory<WebEntryPoint>>, IClassFixture<LiveServer>, IDisposable
{
    private static readonly LocalDate AsAt = new(2026, 3, 31);
    private readonly string _dir = Synthetic();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Synthetic()
    {
        var dir = Directory.CreateTempSubdirectory("audit-page-").FullName;
        SyntheticReturn.Write(dir, 400, seed: 7, AsAt);
        SyntheticLists.Write(dir, RulesCore.LoadDefault(), AsAt);
        return dir;
    }

    private string File(string name) => Path.Combine(_dir, name);

    private static async Task<string> Token(HttpClient client) =>
        Regex.Match(await client.GetStringAsync("/audit"), "name=\"__af\" value=\"([^\"]+)\"").Groups[1].Value;

    private static void Add(MultipartFormDataContent form, string field, string name, byte[] bytes) =>
        form.Add(new ByteArrayContent(bytes), field, name);

    private MultipartFormDataContent Upload(string af, byte[]? list, string format = "annex-a", string la = "")
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(af), "__af" }, { new StringContent(format), "format" }, { new StringContent(la), "la" },
            { new StringContent("31"), "asAt-day" }, { new StringContent("3"), "asAt-month" },
            { new StringContent("2026"), "asAt-year" },
        };
        if (list is not null) Add(form, "list", "list9.csv", list);
        Add(form, "header", "header.csv", System.IO.File.ReadAllBytes(File("header.csv")));
        Add(form, "episodes", "episodes.csv", System.IO.File.ReadAllBytes(File("episodes.csv")));
        return form;
    }

    [Fact]
    public async Task The_page_finds_what_the_command_finds_and_offers_the_same_csv()
    {
        var client = factory.CreateClient();
        var response = await client.PostAsync("/audit", Upload(await Token(client),
            System.IO.File.ReadAllBytes(File("list9.csv"))));
        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, html);
        var run = AuditRunner.LoadDefault(RulesCore.LoadDefault()).Compute(new AuditOptions(ListFormat.AnnexA,
            File("list9.csv"),
            File("header.csv"), [File("episodes.csv")], [], null, AsAt, null, ""));
        run.Findings.Should().NotBeEmpty();
        foreach (var f in Findings.All)
            html.Should().Contain($"<td class=\"govuk-table__cell\">{f}</td>"
                + "<td class=\"govuk-table__cell govuk-table__cell--numeric\">"
                + $"{run.Summary.ByFinding[f]:N0}</td>", f);
        using var expected = new MemoryStream();
        AuditCsv.Write(expected, run);
        var link = Regex.Match(html, "href=\"data:text/csv;charset=utf-8;base64,([^\"]+)\" download=\"audit.csv\"")
            .Groups[1].Value;
        Encoding.UTF8.GetString(Convert.FromBase64String(link)).Should()
            .Be(Encoding.UTF8.GetString(expected.ToArray()));
        html.Should().Contain("download=\"audit.xlsx\"");
    }

    [Fact]
    public async Task What_the_list_holds_is_escaped()
    {
        var client = factory.CreateClient();
        var list = System.IO.File.ReadAllText(File("list9.csv")).Replace("Leaving Care North",
            "<script>alert(1)</script>");
        var html = await (await client.PostAsync("/audit", Upload(await Token(client), Encoding.UTF8.GetBytes(list))))
            .Content.ReadAsStringAsync();
        html.Should().Contain("&lt;script&gt;alert(1)&lt;/script&gt;").And.NotContain("<script>alert");
    }

    [Fact]
    public async Task Each_missing_or_wrong_answer_is_named_on_its_field()
    {
        var client = factory.CreateClient();
        var response = await client.PostAsync("/audit", Upload(await Token(client), null, format: "", la: "999"));
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var html = await response.Content.ReadAsStringAsync();
        html.Should().Contain("href=\"#list\"").And.Contain("Select the care leaver list, as one CSV file")
            .And.Contain("href=\"#format\"").And.Contain("Select which list the file is")
            .And.Contain("href=\"#la\"").And.Contain("for example 384 for Wakefield");
        // A list that is not the form chosen: the reader's message, on the list.
        var ssd = await client.PostAsync("/audit",
            Upload(await Token(client), System.IO.File.ReadAllBytes(File("list9.csv")), format: "ssd"));
        (await ssd.Content.ReadAsStringAsync()).Should().Contain("is it Annex A list 9 (--annex-a)?");
    }

    [Fact]
    public async Task The_form_its_errors_and_the_result_pass_axe()
    {
        var page = await server.Browser.NewPageAsync();
        var options = new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa",
                "wcag22aa"] },
        };
        var found = new List<string>();
        async Task Axe() => found.AddRange((await page.RunAxe(options))
            .Violations.Select(v => $"{page.Url}: {v.Id}: {v.Help}"));
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
