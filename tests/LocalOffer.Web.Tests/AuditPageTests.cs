using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using LocalOffer.Audit;
using LocalOffer.Audit.Input;
using LocalOffer.Audit.Output;
using LocalOffer.Audit.Synth;
using LocalOffer.Batch.Synth;
using LocalOffer.Core;
using Microsoft.AspNetCore.Mvc.Testing;
using NodaTime;

namespace LocalOffer.Web.Tests;

/// <summary>
/// `/audit` (issue 31): a synthetic return and its list 9 uploaded; the page shows the findings the
/// command finds for the same files, offers the same audit.csv, escapes what the list holds, names the
/// fields a person must fix (in process; <see cref="AuditPageBrowserTests"/> runs axe in Chromium). The audit
/// takes the caseload's one place for heavy work, so it runs in the caseload uploads' collection.
/// </summary>
[Collection(CaseloadUploads.Name)]
public sealed class AuditPageTests(WebApplicationFactory<WebEntryPoint> factory)
    : IClassFixture<WebApplicationFactory<WebEntryPoint>>, IDisposable
{
    internal static readonly LocalDate AsAt = new(2026, 3, 31);
    private readonly string _dir = Synthetic();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>A synthetic return of 400 children and its list 9 and SSD table as at <see cref="AsAt"/>.</summary>
    internal static string Synthetic()
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
        // The template escapes every value, the data link's '=' padding too: decoded as a browser does.
        var href = WebUtility.HtmlDecode(Regex.Match(html, "href=\"([^\"]+)\" download=\"audit.csv\"").Groups[1].Value);
        var link = Regex.Match(href, "^data:text/csv;charset=utf-8;base64,(.+)$").Groups[1].Value;
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
}
