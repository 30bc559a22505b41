using System.Text;
using LocalOffer.Batch;
using LocalOffer.Batch.Caseload;
using LocalOffer.Batch.Input;
using LocalOffer.Core;
using LocalOffer.Core.Safety;
using LocalOffer.Core.Time;
using LocalOffer.Offers.Render;
using LocalOffer.Web.Journey;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;
using NodaTime;

namespace LocalOffer.Web.Caseload;

/// <summary>
/// `/caseload` (issue 13): upload a caseload CSV with an SSDA903 return or care history documents,
/// see what falls due (the same events as `localoffer caseload`), show one adviser's or team's items,
/// and download the table as CSV or a calendar. Files are read in memory and dropped with the
/// response; the downloads are carried in the page itself, so nothing is kept on the server.
/// </summary>
public static class CaseloadEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/caseload", (HttpContext http, string? error, TemplateSet t, IAntiforgery af) =>
            Form(http, t, af, error == "too-large" ? [("header", TooLarge)] : [], DateInput.Parts.Of(UkClock.Today()),
                "60", ""))
            .ExcludeFromDescription();

        var queueWait = CaseloadLimits.Wait(app.Configuration);
        app.MapPost("/caseload", async (HttpContext http, RulesCore core, TemplateSet t, IAntiforgery af) =>
        {
            if (!await Running.WaitAsync(queueWait, http.RequestAborted))
                return JourneyEndpoints.Page(t, "web/busy",
                    new { site = JourneyPages.Site(http, af), pageTitle = "Sorry, the service is busy" }, 503);
            try
            {
                return await Post(http, core, t, af);
            }
            finally
            {
                Running.Release();
            }
        }).ExcludeFromDescription();
    }

    internal static readonly SemaphoreSlim Running = new(CaseloadLimits.MaxConcurrent, CaseloadLimits.MaxConcurrent);

    private static async Task<IResult> Post(HttpContext http, RulesCore core, TemplateSet t, IAntiforgery af)
    {
        {
            http.Features.Set<IFormFeature>(new FormFeature(http.Request, new FormOptions
            {
                // Files count as form entries: room for the file limit, so it is our message that says so.
                MultipartBodyLengthLimit = CaseloadLimits.MaxUploadBytes, ValueCountLimit = CaseloadLimits.MaxFiles + 50,
                ValueLengthLimit = 1024, KeyLengthLimit = 64,
                // Uploads stay in memory (issue 24, item 5): past the default 64 KB threshold a file section
                // went to /tmp/ASPNETCORE_*.tmp, which a crash leaves behind. The upload is capped anyway.
                MemoryBufferThreshold = (int)CaseloadLimits.MaxUploadBytes + 1,
                BufferBodyLengthLimit = CaseloadLimits.MaxUploadBytes,
            }));
            IFormCollection post;
            try
            {
                post = await http.Request.ReadFormAsync();
            }
            catch (Exception e) when (e is InvalidDataException or BadHttpRequestException or IOException)
            {
                return Form(http, t, af, [("header", TooLarge)], DateInput.Parts.Of(UkClock.Today()), "60", "");
            }
            if (!await af.IsRequestValidAsync(http))
                return JourneyEndpoints.Page(t, "web/expired",
                    new { site = JourneyPages.Site(http, af), pageTitle = "Sorry, the form had expired" }, 400);
            var asAtParts = DateInput.Read(post, "asAt");
            var within = ((string?)post["within"] ?? "").Trim();
            var adviser = ((string?)post["adviser"] ?? "").Trim();
            var (options, errors) = await Options(post, asAtParts, within, adviser);
            if (errors.Count > 0 || options is null) return Form(http, t, af, errors, asAtParts, within, adviser);
            CaseloadResult result;
            try
            {
                result = new CaseloadRunner(core).Run(options);
            }
            catch (UnreadableInputException e)
            {
                return Form(http, t, af, [("header", Printable.Clean(e.Message, 300))], asAtParts, within, adviser);
            }
            return Result(http, t, af, result, options);
        }
    }

    private static readonly string TooLarge =
        $"The files must be smaller than {CaseloadLimits.MaxUploadBytes >> 20} MB in all";

    private static async Task<(CaseloadOptions? Options, List<(string Id, string Message)> Errors)> Options(
        IFormCollection post, DateInput.Parts asAtParts, string within, string adviser)
    {
        var errors = new List<(string, string)>();
        var (asAt, asAtError) = DateInput.Parse(asAtParts, "Date to work from", true);
        if (asAtError is not null) errors.Add(("asAt-day", asAtError));
        if (!int.TryParse(within, out var days) || days < 1 || days > CaseloadRunner.MaxWithinDays)
            errors.Add(("within", $"Enter a number of days from 1 to {CaseloadRunner.MaxWithinDays:N0}"));
        if (adviser.Length > CaseloadCsvReader.MaxCell)
            errors.Add(("adviser", $"Adviser must be {CaseloadCsvReader.MaxCell} characters or fewer"));
        var files = post.Files;
        if (files.Count > CaseloadLimits.MaxFiles)
            errors.Add(("header", $"Choose {CaseloadLimits.MaxFiles} files or fewer"));
        var header = files.GetFiles("header").Where(f => f.Length > 0).ToList();
        var episodes = files.GetFiles("episodes").Where(f => f.Length > 0).ToList();
        var histories = files.GetFiles("histories").Where(f => f.Length > 0).ToList();
        var caseload = files.GetFiles("caseload").Where(f => f.Length > 0).ToList();
        var hasReturn = header.Count > 0 || episodes.Count > 0;
        if (!hasReturn && histories.Count == 0)
            errors.Add(("header", "Select the SSDA903 header and episodes files, or care history files"));
        else if (hasReturn && histories.Count > 0)
            errors.Add(("header", "Select an SSDA903 return or care history files, not both"));
        else if (hasReturn && (header.Count != 1 || episodes.Count == 0))
            errors.Add((header.Count != 1 ? "header" : "episodes",
                header.Count != 1 ? "Select one SSDA903 header file" : "Select the SSDA903 episodes file"));
        if (caseload.Count > 1) errors.Add(("caseload", "Select one caseload file"));
        if (errors.Count > 0) return (null, errors);
        async Task<InputSource> Source(IFormFile f) => InputSource.Bytes(Name(f), await Bytes(f));
        var o = new CaseloadOptions(null, [], [], null, null, asAt!.Value, days, adviser.Length > 0 ? adviser : null)
        {
            CaseloadSource = caseload.Count == 1 ? await Source(caseload[0]) : null,
        };
        if (hasReturn)
        {
            var sources = new List<(InputSource, SsdaFileKind)> { (await Source(header[0]), SsdaFileKind.Header) };
            foreach (var e in episodes) sources.Add((await Source(e), SsdaFileKind.Episodes));
            o = o with { Sources = sources };
        }
        else
        {
            var docs = new List<(string, string)>();
            foreach (var h in histories)
            {
                var bytes = await Bytes(h);
                if (!System.Text.Unicode.Utf8.IsValid(bytes))
                    return (null, [("histories", $"{Name(h)} must be a care history saved as UTF-8 JSON")]);
                docs.Add((Name(h), Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF')));
            }
            o = o with { Documents = docs };
        }
        return (o, errors);
    }

    // The name a browser gives: just the file name, printable, short (it appears in rejects).
    private static string Name(IFormFile f) => Printable.Clean(Path.GetFileName(f.FileName.Replace('\\', '/')), 100);

    private static async Task<byte[]> Bytes(IFormFile f)
    {
        var bytes = new byte[f.Length];
        await using var s = f.OpenReadStream();
        await s.ReadExactlyAsync(bytes);
        return bytes;
    }

    private static IResult Form(HttpContext http, TemplateSet t, IAntiforgery af,
        List<(string Id, string Message)> errors, DateInput.Parts asAt, string within, string adviser)
    {
        // The first message for a field (two problems with one field show the first, never an exception).
        string? First(string field) => errors.FirstOrDefault(e => e.Id.Replace("-day", "") == field).Message;
        return JourneyEndpoints.Page(t, "web/caseload-form", new
        {
            site = JourneyPages.Site(http, af),
            pageTitle = (errors.Count > 0 ? "Error: " : "") + "What is coming up for your caseload",
            errors = JourneyPages.Errors(errors),
            error = new
            {
                header = First("header"), episodes = First("episodes"), histories = First("histories"),
                caseload = First("caseload"), within = First("within"), adviser = First("adviser"),
            },
            asAt = new
            {
                day = asAt.Day, month = asAt.Month, year = asAt.Year,
                error = errors.FirstOrDefault(e => e.Id == "asAt-day").Message,
            },
            within, adviser,
            maxMb = CaseloadLimits.MaxUploadBytes >> 20,
        }, errors.Count > 0 ? 400 : 200);
    }

    private static IResult Result(HttpContext http, TemplateSet t, IAntiforgery af, CaseloadResult r,
        CaseloadOptions o) =>
        JourneyEndpoints.Page(t, "web/caseload", CaseloadView.Model(JourneyPages.Site(http, af), r, o));
}
