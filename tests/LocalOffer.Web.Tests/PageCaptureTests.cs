using System.Text;
using System.Text.RegularExpressions;
using LocalOffer.Offers.Policy;
using LocalOffer.Offers.Render;
using LocalOffer.Tests.Shared;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace LocalOffer.Web.Tests;

/// <summary>
/// Issue 26: writes every page the templates make (each council's site on several dates, officers'
/// pages, personal offers in three formats for every sample and council, and the web app's pages
/// walked by links and by forms, with and without errors) to $LOCALOFFER_CAPTURE, so a change of
/// template engine can be diffed byte for byte (`diff -r before after`). Does nothing without it.
/// Per-session values (form tokens, answer handles) are replaced by fixed words first.
/// </summary>
public sealed class PageCaptureTests(WebApplicationFactory<WebEntryPoint> factory) : IClassFixture<WebApplicationFactory<WebEntryPoint>>
{
    private static readonly string? Out = Environment.GetEnvironmentVariable("LOCALOFFER_CAPTURE");
    private static readonly LocalDate AsAt = new(2026, 11, 22);

    private static string Normalise(string html)
    {
        html = Regex.Replace(html, "name=\"__af\" value=\"[^\"]*\"", "name=\"__af\" value=\"AF\"");
        html = Regex.Replace(html, "([?&;]s=|[?;]s&#x3D;|name=\"s\" value=\")[A-Za-z0-9_-]{22}", "$1HANDLE");
        html = Regex.Replace(html, "/check/print/[A-Za-z0-9_-]+", "/check/print/TICKET");
        // The calendar holds the time it was made (DTSTAMP).
        return Regex.Replace(html, "href=\"data:text/calendar[^\"]*\"", "href=\"ICS\"");
    }

    private static void Save(string folder, string name, string text)
    {
        var dir = Path.Combine(Out!, folder);
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, Regex.Replace(Normalise(name), "[^A-Za-z0-9._-]+", "_")), Normalise(text));
    }

    [Fact]
    public void Offers_pages_are_captured()
    {
        if (Out is null) return;
        var core = factory.Services.GetRequiredService<LocalOffer.Core.RulesCore>();
        var catalog = factory.Services.GetRequiredService<OfferCatalog>();
        var templates = factory.Services.GetRequiredService<TemplateSet>();
        var publisher = new SitePublisher(core, templates, catalog.National);
        foreach (var c in catalog.Councils)
        {
            var dates = c.Versions.Select(v => v.InForceFrom).Append(AsAt).Append(new LocalDate(2023, 6, 1)).Distinct();
            foreach (var d in dates)
            {
                foreach (var (file, text) in publisher.Pages(c, d)) Save("site", $"{c.Id}-{d:yyyy-MM-dd}-{file}", text);
                var findings = LocalOffer.Offers.Lint.ComplianceReport.For(c, d, core.Law);
                Save("site", $"{c.Id}-{d:yyyy-MM-dd}-sources.html", publisher.OfficerPage(c, d, findings));
            }
        }
        var samples = Directory.GetFiles(Path.Combine(TestPaths.RepoRoot(), "samples", "young-people"), "*.json").Order();
        foreach (var sample in samples)
        {
            var (history, _) = core.Reader.ReadFile(sample);
            if (history is null) continue;
            var assessment = core.Engine.Assess(history, AsAt);
            foreach (var c in catalog.Councils)
            {
                var offer = PersonalOfferBuilder.Build(assessment, history, c, core.Law);
                foreach (var format in new[] { "html", "md", "text" })
                    Save("personal", $"{Path.GetFileNameWithoutExtension(sample)}-{c.Id}.{format}",
                        new PersonalOfferRenderer(core, templates).Render(offer, format));
            }
        }
    }

    private static string Af(string html) => Regex.Match(html, "name=\"__af\" value=\"([^\"]+)\"").Groups[1].Value;
    private static string Handle(string url) => Regex.Match(url, "[?&]s=([A-Za-z0-9_-]+)").Groups[1].Value;

    /// <summary>Every page reachable by GET links from <paramref name="start"/> (the app's own, not downloads).</summary>
    private static async Task Crawl(HttpClient client, string folder, IEnumerable<string> start, int max = 400)
    {
        var seen = new HashSet<string>();
        var queue = new Queue<string>(start);
        while (queue.Count > 0 && seen.Count < max)
        {
            var url = queue.Dequeue();
            if (!seen.Add(Normalise(url))) continue;
            var r = await client.GetAsync(url);
            var text = await r.Content.ReadAsStringAsync();
            if (!(r.Content.Headers.ContentType?.MediaType ?? "").Contains("html")) continue;
            Save(folder, $"{(int)r.StatusCode}{url}.html", text);
            foreach (Match m in Regex.Matches(text, "href=\"(/[^\"]*)\""))
            {
                var next = System.Net.WebUtility.HtmlDecode(m.Groups[1].Value).Split('#')[0];
                if (next.StartsWith("/assets") || next.Contains("download") || next.Contains(".pdf") || next.Contains(".csv")
                    || next.StartsWith("/api")) continue;
                if (url.StartsWith("/councils") && !next.StartsWith("/councils")) continue;
                queue.Enqueue(next);
            }
            foreach (Match m in Regex.Matches(text, "href=\"([a-z0-9-]+\\.html)\""))
                if (url.StartsWith("/councils/")) queue.Enqueue(url[..(url.LastIndexOf('/') + 1)] + m.Groups[1].Value);
        }
    }

    [Fact]
    public async Task Web_pages_are_captured()
    {
        if (Out is null) return;
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var catalog = factory.Services.GetRequiredService<OfferCatalog>();
        await Crawl(client, "web", new[] { "/", "/accessibility", "/councils", "/compare", "/compare?sort=setting-up-home&desc=true",
            "/caseload", "/check/upload", "/check/person", "/check/person?s=AAAAAAAAAAAAAAAAAAAAAA" }
            .Concat(catalog.Councils.Select(c => $"/councils/{c.Id}/")));
        var samples = Directory.GetFiles(Path.Combine(TestPaths.RepoRoot(), "samples", "young-people"), "*.json").Order().ToList();
        foreach (var (sample, i) in samples.Select((s, i) => (s, i)))
        {
            var name = Path.GetFileNameWithoutExtension(sample);
            var (c, answers) = await LongJourneyTests.Start(factory, File.ReadAllText(sample));
            var page = await c.GetStringAsync(answers);
            var r = await c.PostAsync("/check/answers", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__af"] = Af(page), ["s"] = Handle(answers),
            }));
            var result = r.Headers.Location?.ToString() ?? answers;
            if (i < 3) await Crawl(c, "journey-" + name, [answers, result], 120);
            else
                foreach (var view in new[] { "", "&view=print", "&view=yours" })
                    Save("results", $"{name}{view}.html", await c.GetStringAsync(result + view));
        }
        // Forms sent with errors.
        var person = await client.GetStringAsync("/check/upload");
        var bad = new MultipartFormDataContent
        {
            { new StringContent(Af(person)), "__af" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes("{\"dateOfBirth\":\"<b>x</b>\",\"episodes\":[{}]}")), "history", "h.json" },
        };
        var up = await client.PostAsync("/check/upload", bad);
        Save("forms", "upload-error.html", await up.Content.ReadAsStringAsync());
        var (jc, ans) = await LongJourneyTests.Start(factory, "{\"dateOfBirth\":\"2008-06-15\",\"episodes\":[]}");
        var pp = await jc.GetStringAsync($"/check/person?s={Handle(ans)}&return=answers");
        var err = await jc.PostAsync("/check/person", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__af"] = Af(pp), ["s"] = Handle(ans), ["dob-day"] = "31", ["dob-month"] = "2", ["dob-year"] = "x<",
            ["asAt-day"] = "", ["asAt-month"] = "", ["asAt-year"] = "",
        }));
        Save("forms", "person-error.html", await err.Content.ReadAsStringAsync());
        var ap = await jc.GetStringAsync(ans);
        var aerr = await jc.PostAsync("/check/answers", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__af"] = Af(ap), ["s"] = Handle(ans),
        }));
        Save("forms", "answers-error.html", await aerr.Content.ReadAsStringAsync());
        var add = await jc.GetStringAsync($"/check/episodes/add?s={Handle(ans)}");
        var eerr = await jc.PostAsync("/check/episodes/add", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__af"] = Af(add), ["s"] = Handle(ans), ["start-day"] = "40", ["legalStatus"] = "<x>",
        }));
        Save("forms", "episode-error.html", await eerr.Content.ReadAsStringAsync());
        await Caseload(client);
    }

    private static string Fake(string file) => Path.Combine(TestPaths.Shared(), "data", "ssda903-fake", file);

    private static async Task Caseload(HttpClient client)
    {
        foreach (var (name, files, within, adviser) in new (string, bool, string, string)[]
        {
            ("ok", true, "400", ""), ("adviser", true, "400", "Jo Bell"), ("none", false, "60", ""), ("bad-days", true, "x", ""),
        })
        {
            var html = await client.GetStringAsync("/caseload");
            var form = new MultipartFormDataContent
            {
                { new StringContent(Af(html)), "__af" }, { new StringContent("23"), "asAt-day" },
                { new StringContent("11"), "asAt-month" }, { new StringContent("2026"), "asAt-year" },
                { new StringContent(within), "within" }, { new StringContent(adviser), "adviser" },
            };
            if (files)
            {
                form.Add(new ByteArrayContent(File.ReadAllBytes(Fake("header.csv"))), "header", "header.csv");
                form.Add(new ByteArrayContent(File.ReadAllBytes(Fake("episodes.csv"))), "episodes", "episodes.csv");
                form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(CaseloadPageTests.CaseloadCsv() + "nobody,<b>x</b>,y\n")),
                    "caseload", "caseload.csv");
            }
            var r = await client.PostAsync("/caseload", form);
            Save("caseload", $"{name}.html", await r.Content.ReadAsStringAsync());
        }
    }
}
