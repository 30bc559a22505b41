using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using LocalOffer.Batch.Caseload;
using LocalOffer.Core;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Playwright;
using NodaTime;

namespace LocalOffer.Web.Tests;

/// <summary>
/// `/caseload` (issue 13) in Debian Chromium: upload the shared fake SSDA903 return with a caseload
/// file, show one adviser, download the CSV and calendar; the CSV is the command's for the same files.
/// Axe finds nothing on the form, its errors or the result, at 390 px and 1280 px.
/// </summary>
public sealed class CaseloadPageTests(LiveServer server) : IClassFixture<LiveServer>
{
    private static readonly AxeRunOptions WcagAa = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
    };

    private static string Fake(string file) => Path.Combine(TestPaths.Shared(), "data", "ssda903-fake", file);

    /// <summary>A caseload file for the first 40 children of the fake return: two advisers, two teams, a review date.</summary>
    internal static string CaseloadCsv()
    {
        var children = File.ReadLines(Fake("header.csv")).Skip(1).Take(40).Select(l => l.Split(',')[0]).ToList();
        var b = new StringBuilder("CHILD,adviser,team,last_review\n");
        for (var i = 0; i < children.Count; i++)
            b.Append($"{children[i]},{(i % 2 == 0 ? "Sam Okafor" : "Jo Bell")},{(i % 3 == 0 ? "North" : "South")},2026-03-01\n");
        return b.ToString();
    }

    private static async Task<List<string>> Axe(IPage page)
    {
        var found = new List<string>();
        foreach (var width in new[] { 390, 1280 })
        {
            await page.SetViewportSizeAsync(width, 900);
            found.AddRange((await page.RunAxe(WcagAa)).Violations.Select(v => $"{page.Url} at {width}: {v.Id}: {v.Help}"));
        }
        return found;
    }

    /// <summary>The fake return with the caseload file, 23 November 2026, 90 days ahead, maybe one adviser.</summary>
    private static async Task Upload(IPage page, string caseload, string? adviser)
    {
        await page.SetInputFilesAsync("#header", Fake("header.csv"));
        await page.SetInputFilesAsync("#episodes", Fake("episodes.csv"));
        await page.SetInputFilesAsync("#caseload", caseload);
        if (adviser is not null) await page.FillAsync("#adviser", adviser);
        await page.FillAsync("#asAt-day", "23");
        await page.FillAsync("#asAt-month", "11");
        await page.FillAsync("#asAt-year", "2026");
        await page.FillAsync("#within", "90");
        await page.ClickAsync("#show");
    }

    [Fact]
    public async Task Upload_show_one_adviser_and_download_the_same_csv_as_the_command()
    {
        var dir = Directory.CreateTempSubdirectory("caseload-page-").FullName;
        try
        {
            var caseload = Path.Combine(dir, "caseload.csv");
            await File.WriteAllTextAsync(caseload, CaseloadCsv());
            var context = await server.Browser.NewContextAsync(new BrowserNewContextOptions { AcceptDownloads = true });
            var page = await context.NewPageAsync();
            await page.GotoAsync(server.Url + "/caseload");
            var axe = await Axe(page);
            await page.ClickAsync("#show");
            (await page.TextContentAsync(".govuk-error-summary"))!.Should().Contain("Select the SSDA903 header and episodes files");
            axe.AddRange(await Axe(page));
            await Upload(page, caseload, adviser: null);
            (await page.TextContentAsync("h1")).Should().Be("Coming up in the next 90 days");
            axe.AddRange(await Axe(page));
            // Show one adviser: the link goes to that adviser's table.
            await page.ClickAsync("#adviser-filters a:text('Sam Okafor')");
            page.Url.Should().EndWith("#adviser-2");
            var sam = await page.Locator("#adviser-2 tbody tr").CountAsync();
            sam.Should().BeGreaterThan(0);
            (await page.Locator("#adviser-2 tbody td:nth-child(6)").AllTextContentsAsync()).Should().OnlyContain(t => t == "Sam Okafor");
            var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#download-csv"));
            var csv = await File.ReadAllTextAsync(await download.PathAsync());
            var ics = await File.ReadAllTextAsync(await (await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#download-ics"))).PathAsync());
            ics.Should().StartWith("BEGIN:VCALENDAR");

            // The command's answer for the same files and date, through the same writer.
            var core = RulesCore.LoadDefault();
            var result = new CaseloadRunner(core).Run(new CaseloadOptions(Fake("header.csv"), [Fake("episodes.csv")], [], null,
                caseload, new LocalDate(2026, 11, 23), 90));
            using var expected = new MemoryStream();
            CaseloadCsvWriter.Write(expected, result.Events);
            csv.Should().Be(Encoding.UTF8.GetString(expected.ToArray()));
            csv.Split('\n').Length.Should().BeGreaterThan(10);

            // Only one adviser, asked for on the form: the table and the download hold only theirs.
            await page.GotoAsync(server.Url + "/caseload");
            await Upload(page, caseload, adviser: "Jo Bell");
            var jo = await File.ReadAllTextAsync(await (await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#download-csv"))).PathAsync());
            var rows = jo.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length > 1
                ? jo.Split("\r\n", StringSplitOptions.RemoveEmptyEntries) : jo.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            rows.Skip(1).Should().NotBeEmpty().And.OnlyContain(r => r.Contains("Jo Bell"));
            axe.Should().BeEmpty();
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}

/// <summary>The caseload page's limits and hostile input, in process.</summary>
public sealed class CaseloadPageLimitTests(WebApplicationFactory<WebEntryPoint> factory) : IClassFixture<WebApplicationFactory<WebEntryPoint>>
{
    private static string Fake(string file) => Path.Combine(TestPaths.Shared(), "data", "ssda903-fake", file);

    private async Task<(HttpStatusCode Status, string Html)> Post(HttpClient client, Action<MultipartFormDataContent> files,
        string asAt = "23/11/2026", string within = "60")
    {
        var html = await client.GetStringAsync("/caseload");
        var token = Regex.Match(html, "name=\"__af\" value=\"([^\"]+)\"").Groups[1].Value;
        var parts = asAt.Split('/');
        var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__af" }, { new StringContent(parts[0]), "asAt-day" },
            { new StringContent(parts[1]), "asAt-month" }, { new StringContent(parts[2]), "asAt-year" },
            { new StringContent(within), "within" },
        };
        files(form);
        var r = await client.PostAsync("/caseload", form);
        return (r.StatusCode, await r.Content.ReadAsStringAsync());
    }

    private static void File(MultipartFormDataContent form, string field, string name, byte[] bytes) =>
        form.Add(new ByteArrayContent(bytes), field, name);

    [Fact]
    public async Task Markup_and_formulas_in_the_caseload_file_are_escaped_on_the_page_and_neutralised_in_the_csv()
    {
        var client = factory.CreateClient();
        var children = System.IO.File.ReadLines(Fake("header.csv")).Skip(1).Take(40).Select(l => l.Split(',')[0]);
        var caseload = "CHILD,adviser,team\n" +
            string.Concat(children.Select(c => $"{c},\"<script>alert(1)</script>\",\"=HYPERLINK(\"\"http://x\"\")\"\n")) +
            "nobody,<b>x</b>,y\n";
        var (status, html) = await Post(client, f =>
        {
            File(f, "header", "header.csv", System.IO.File.ReadAllBytes(Fake("header.csv")));
            File(f, "episodes", "episodes.csv", System.IO.File.ReadAllBytes(Fake("episodes.csv")));
            File(f, "caseload", "<img src=x>.csv", Encoding.UTF8.GetBytes(caseload));
        }, within: "3000");
        status.Should().Be(HttpStatusCode.OK);
        html.Should().NotContain("<script>alert").And.NotContain("<img src=x").And.NotContain("<b>x</b>");
        html.Should().Contain("&lt;script&gt;alert(1)&lt;/script&gt;");
        html.Should().Contain("no care history for this CHILD", "a caseload row with no history is a reject, listed");
        // Attribute values are read as a browser reads them (the templates escape '=' as &#x3D;).
        var data = System.Net.WebUtility.HtmlDecode(Regex.Match(html, "href=\"(data:text/csv;[^\"]+)\"").Groups[1].Value)
            .Split("base64,")[1];
        var csv = Encoding.UTF8.GetString(Convert.FromBase64String(data));
        csv.Should().Contain("'=HYPERLINK").And.NotContain(",=HYPERLINK");
    }

    [Fact]
    public async Task Too_large_wrong_kind_and_far_dates_are_govuk_errors()
    {
        var client = factory.CreateClient();
        var (bigStatus, big) = await Post(client, f => File(f, "header", "header.csv", new byte[21 << 20]));
        big.Should().Contain("The files must be smaller than 20 MB in all");
        bigStatus.Should().Be(HttpStatusCode.BadRequest);
        var (_, utf16) = await Post(client, f =>
        {
            File(f, "header", "header.csv", Encoding.Unicode.GetBytes("CHILD,DOB\n1,01/01/2010\n"));
            File(f, "episodes", "episodes.csv", System.IO.File.ReadAllBytes(Fake("episodes.csv")));
        });
        utf16.Should().Contain("UTF-16");
        var (_, far) = await Post(client, f => File(f, "histories", "a.json", "{}"u8.ToArray()), asAt: "1/1/9999");
        far.Should().Contain("Date to work from must be between");
        var (_, within) = await Post(client, f => File(f, "histories", "a.json", "{}"u8.ToArray()), within: "-5");
        within.Should().Contain("Enter a number of days from 1 to");
        var (_, both) = await Post(client, f =>
        {
            File(f, "histories", "a.json", "{}"u8.ToArray());
            File(f, "header", "header.csv", "CHILD,DOB\n"u8.ToArray());
        });
        both.Should().Contain("not both");
        // Two problems with one field (too many files, none of them a return) show one message, never a 500.
        var (manyStatus, many) = await Post(client, f =>
        {
            for (var i = 0; i < 201; i++) File(f, "caseload", $"c{i}.csv", "CHILD\n1\n"u8.ToArray());
        });
        manyStatus.Should().Be(HttpStatusCode.BadRequest);
        many.Should().Contain("Choose 200 files or fewer");
        var (docStatus, doc) = await Post(client, f => File(f, "histories", "a.json", "{\"dateOfBirth\":\"2008-06-15\",\"episodes\":[{\"start\":\"2022-01-10\",\"end\":\"2024-09-01\",\"legalStatus\":\"C2\",\"reasonEnded\":\"E5\"}]}"u8.ToArray()), within: "3000");
        docStatus.Should().Be(HttpStatusCode.OK);
        doc.Should().Contain("25th birthday");
    }
}
