using System.Diagnostics;
using System.IO.Compression;
using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;

namespace LocalOffer.Batch.Tests;

/// <summary>
/// Issue 30: the program people run is what `dotnet publish src/LocalOffer.Cli -c Release -o DIR` makes.
/// It must say exactly what the built CLI says, command by command, on the shared fake return, the bundled
/// sample and the shipped councils: the same bytes of every file, output and summary.
/// The default publish is Native AOT where the machine can link (the CLI's project file), ReadyToRun elsewhere.
/// Compiling either is most of this test's time (Native AOT several minutes, ReadyToRun 1.5 minutes against
/// 20 seconds for the same publish as plain IL, measured here under load), and neither changes what the code
/// does, only when it is compiled: so the suite publishes the IL (`-p:PublishAot=false
/// -p:PublishReadyToRun=false -p:RuntimeIdentifier=`, portable), which proves the layout (rules, templates, catalogues, assets beside the
/// program) and every command's bytes. LOCALOFFER_TEST_AOT=1 publishes Native AOT (run it before changing
/// anything Scriban or the web app reads by reflection, as trimming can break those) and LOCALOFFER_TEST_R2R=1
/// ReadyToRun (bench/README.md, issue 30).
/// </summary>
[Trait(Lane.Key, Lane.Slow), Trait(Lane.Category, Lane.Packing)]
public sealed partial class PublishedProgramTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("published-").FullName;

    public void Dispose() => Directory.Delete(_dir, true);

    private static bool Aot => Environment.GetEnvironmentVariable("LOCALOFFER_TEST_AOT") == "1";

    private static bool ReadyToRun => !Aot && Environment.GetEnvironmentVariable("LOCALOFFER_TEST_R2R") == "1";

    [Fact]
    public async Task The_published_program_writes_and_serves_what_the_built_CLI_does()
    {
        Lane.RequireSlow("dotnet publish");
        var root = TestData.RepoRoot();
        var published = Path.Combine(_dir, "published");
        // The IL publish is portable (no runtime identifier, as the `dotnet tool` package is): it reuses the build's
        // own obj folder, so it compiles nothing after `scripts/test.sh`'s build, and it does not share obj/<rid>
        // with a Native AOT publish (once, after one, a helper's IL publish could not find CoreCLR).
        var kind = Aot ? "" : ReadyToRun ? " -p:PublishAot=false"
            : " -p:PublishAot=false -p:PublishReadyToRun=false -p:RuntimeIdentifier=";
        var (code, output, error) = ProgramRun.Run("dotnet",
            $"publish \"{Path.Combine(root, "src", "LocalOffer.Cli")}\" -c Release -o \"{published}\"{kind} --nologo -v quiet",
            _dir, minutes: Aot ? 40 : 10);
        code.Should().Be(0, output + error);
        if (Aot)
            File.Exists(Path.Combine(published, "localoffer.dll")).Should().BeFalse("Native AOT: one native program");
        else
            using (var pe = new PEReader(File.OpenRead(Path.Combine(published, "localoffer.dll"))))
                (pe.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0).Should()
                    .Be(ReadyToRun, "ReadyToRun code only when it was asked for");

        var built = Path.Combine(root, "src", "LocalOffer.Cli", "bin", ProgramRun.Configuration, "net10.0", "localoffer");
        foreach (var (args, i) in Commands(root).Select((a, i) => (a, i)))
        {
            var a = Directory.CreateDirectory(Path.Combine(_dir, $"built-{i}")).FullName;
            var b = Directory.CreateDirectory(Path.Combine(_dir, $"published-{i}")).FullName;
            // Both programs at once, each in its own folder from the same read-only inputs: on two cores the
            // test takes about half the time (issue 30).
            var both = await Task.WhenAll(Task.Run(() => ProgramRun.Run(built, args, a)),
                Task.Run(() => ProgramRun.Run(Path.Combine(published, "localoffer"), args, b)));
            var (fromBuilt, fromPublished) = (both[0], both[1]);
            fromBuilt.Code.Should().BeOneOf([0, 1], args + fromBuilt.Err);
            fromPublished.Code.Should().Be(fromBuilt.Code, args);
            fromPublished.Out.Should().Be(fromBuilt.Out, args);
            Summary(fromPublished.Err, b).Should().Be(Summary(fromBuilt.Err, a), args);
            Files(b).Should().Equal(Files(a), args);
            foreach (var f in Files(a))
                Content(Path.Combine(b, f)).Should().Equal(Content(Path.Combine(a, f)), $"{args}: {f}");
        }
        await Serves_the_same(built, Path.Combine(published, "localoffer"));
    }

    /// <summary>
    /// `serve` from both programs: the same status and body for the web app's pages and API (form tokens and trace
    /// ids, random on every run, masked). Native AOT turns off what the app might reach by reflection (JSON of an
    /// anonymous object, request delegates built at run time): these requests went through each of them.
    /// </summary>
    private static async Task Serves_the_same(string built, string published)
    {
        string[] gets = ["/", "/health", "/councils", "/councils/hackney/", "/councils/hackney/finances.html",
            "/councils/wakefield/law.html", "/compare", "/compare?columns=all", "/caseload", "/check/upload",
            "/check/person", "/audit", "/accessibility", "/no-such-page"];
        var body = await File.ReadAllTextAsync(Path.Combine(TestData.RepoRoot(), "samples", "young-people", "former-relevant.json"));
        var answers = new List<List<string>>();
        foreach (var program in new[] { built, published })
        {
            var port = FreePort();
            using var server = Process.Start(new ProcessStartInfo(program, $"serve --urls http://127.0.0.1:{port}")
            {
                RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            })!;
            try
            {
                using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(60) };
                await Until(http);
                var seen = new List<string>();
                foreach (var path in gets)
                {
                    using var r = await http.GetAsync(path);
                    seen.Add($"GET {path} {(int)r.StatusCode}\n{Masked(await r.Content.ReadAsStringAsync())}");
                }
                using var check = await http.PostAsync("/api/check?asAt=2026-11-22",
                    new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
                seen.Add($"POST /api/check {(int)check.StatusCode}\n{await check.Content.ReadAsStringAsync()}");
                answers.Add(seen);
            }
            finally { server.Kill(true); server.WaitForExit(); }
        }
        answers[0].Should().HaveCount(gets.Length + 1);
        answers[0].Should().OnlyContain(a => !a.Contains(" 500\n"), "the built program serves every page");
        for (var i = 0; i < answers[0].Count; i++) answers[1][i].Should().Be(answers[0][i]);
    }

    private static async Task Until(HttpClient http)
    {
        for (var i = 0; i < 600; i++)
        {
            try { if ((await http.GetAsync("/health")).IsSuccessStatusCode) return; }
            catch (HttpRequestException) { }
            await Task.Delay(100);
        }
        throw new TimeoutException("serve did not answer /health within a minute");
    }

    private static int FreePort()
    {
        var l = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        l.Start();
        var port = ((System.Net.IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    private static string Masked(string html) => TraceId().Replace(
        FormToken().Replace(Handle().Replace(html, "name=\"s\" value=\"HANDLE\""), "value=\"TOKEN\""),
        "\"traceId\":\"ID\"");

    [GeneratedRegex("value=\"CfDJ8[^\"]*\"")]
    private static partial Regex FormToken();

    /// <summary>A journey's handle (a random name for the answers kept in memory).</summary>
    [GeneratedRegex("name=\"s\" value=\"[A-Za-z0-9_-]*\"")]
    private static partial Regex Handle();

    [GeneratedRegex("\"traceId\":\"[^\"]*\"")]
    private static partial Regex TraceId();

    /// <summary>Every command, with the files each writes: what reaches Scriban, the spreadsheets and the web app.</summary>
    private static string[] Commands(string root)
    {
        var fake = TestData.FakeData;
        var sample = Path.Combine(root, "samples", "young-people", "former-relevant.json");
        var cohort = $"--header \"{fake}/header.csv\" --episodes \"{fake}/episodes.csv\"";
        return
        [
            $"batch {cohort} --as-at 2018-03-31 --out results.csv",
            $"check \"{sample}\" --as-at 2026-11-22",
            $"check \"{sample}\" --as-at 2026-11-22 --format json",
            "publish --council hackney --as-at 2026-11-22 --out site",
            "publish --council hackney --as-at 2026-11-22 --languages ar,ti,en-easy --out site",
            $"offer \"{sample}\" --council wakefield --as-at 2026-11-22 --format html",
            $"offer \"{sample}\" --council hackney --as-at 2026-11-22 --lang ar --format html",
            "compare --as-at 2026-11-22 --out compare",
            $"lint \"{Path.Combine(root, "rules", "councils", "hackney")}\" --as-at 2026-11-22",
            $"indicators {cohort} --oc3 \"{fake}/oc3.csv\" --year-end 2018-03-31 --la 384 --out indicators",
            $"caseload {cohort} --as-at 2018-03-31 --within 60 --out caseload.html",
            $"caseload {cohort} --as-at 2018-03-31 --within 60 --out caseload.xlsx",
            $"caseload {cohort} --as-at 2018-03-31 --within 60 --out caseload.ics",
            $"whatif {cohort} --set commencement.staying_close=2026-04-01 --as-at 2018-03-31 --out whatif",
        ];
    }

    /// <summary>
    /// A file's content as it should agree: a spreadsheet by the text of its parts (its relationship ids are
    /// random on every run), a calendar less its DTSTAMP (the time it was written), the caseload page less its
    /// calendar links and time of making, anything else its bytes.
    /// </summary>
    private static byte[] Content(string path)
    {
        if (path.EndsWith(".xlsx", StringComparison.Ordinal))
        {
            using var zip = ZipFile.OpenRead(path);
            var parts = zip.Entries.OrderBy(e => e.FullName, StringComparer.Ordinal).Select(e =>
            {
                using var r = new StreamReader(e.Open());
                return e.FullName + "\n" + RelationshipId().Replace(r.ReadToEnd(), "Id=\"R\"");
            });
            return System.Text.Encoding.UTF8.GetBytes(string.Join("\n", parts));
        }
        if (path.EndsWith("caseload.html", StringComparison.Ordinal))
            return System.Text.Encoding.UTF8.GetBytes(MadeAt().Replace(
                CalendarLink().Replace(File.ReadAllText(path), "data:text/calendar"), ""));
        if (path.EndsWith(".ics", StringComparison.Ordinal))
            return System.Text.Encoding.UTF8.GetBytes(DtStamp().Replace(File.ReadAllText(path), "DTSTAMP:"));
        return File.ReadAllBytes(path);
    }

    [GeneratedRegex("[Ii]d=\"R[0-9a-f]+\"")]
    private static partial Regex RelationshipId();

    /// <summary>The caseload page's calendar links (each holds its DTSTAMP) and its time of making.</summary>
    [GeneratedRegex("data:text/calendar;[^\"]*")]
    private static partial Regex CalendarLink();

    [GeneratedRegex("[0-9]{1,2}:[0-9]{2}(:[0-9]{2})?( ?[ap]m)?|20[0-9]{2}-[0-9]{2}-[0-9]{2}T[0-9:.Z+-]+")]
    private static partial Regex MadeAt();

    [GeneratedRegex("DTSTAMP:[0-9TZ]+")]
    private static partial Regex DtStamp();

    /// <summary>What a command tells on stderr (batch's counts, publish's pages), less progress, timings and its folder.</summary>
    private static string Summary(string err, string dir) => string.Join('\n', err.Replace(dir, ".").Split('\n')
        .Where(l => !l.StartsWith("batch:", StringComparison.Ordinal) && !l.StartsWith("elapsed", StringComparison.Ordinal))
        .Select(l => Regex.Replace(l, @"\(\d+ ms\)", "(ms)")));

    private static List<string> Files(string dir) => Directory.GetFiles(dir, "*", SearchOption.AllDirectories)
        .Select(f => Path.GetRelativePath(dir, f)).Order(StringComparer.Ordinal).ToList();
}
