using LocalOffer.Audit;
using LocalOffer.Audit.Input;
using LocalOffer.Audit.Output;
using LocalOffer.Batch.Input;
using LocalOffer.Core;
using LocalOffer.Core.Safety;
using LocalOffer.Core.Time;
using LocalOffer.Offers.Render;
using LocalOffer.Web.Caseload;
using LocalOffer.Web.Journey;
using Microsoft.AspNetCore.Antiforgery;

namespace LocalOffer.Web.Audit;

/// <summary>
/// `/audit` (issue 31): upload the care leaver list (Annex A list 9 or the SSD's ssd_care_leavers) with
/// an SSDA903 return or care history documents, and see the audit `localoffer audit` writes: the same
/// runner, the same report (templates/audit/_audit-report.sbn-html), with audit.csv, audit.xlsx and the
/// rejects as downloads carried in the page. Files are read in memory and dropped with the response;
/// nothing is kept. Audits and caseloads are worked out one at a time (<see cref="CaseloadEndpoints.Running"/>).
/// </summary>
public static class AuditEndpoints
{
    private static AuditRunner? _runner;

    // The definitions and DfE tables, read once (a few hundred milliseconds) and shared by every request.
    private static AuditRunner Runner(RulesCore core) => _runner ??= AuditRunner.LoadDefault(core);

    public static void Map(WebApplication app)
    {
        app.MapGet("/audit", (HttpContext http, string? error, TemplateSet t, IAntiforgery af) =>
            Form(http, t, af, error == "too-large" ? [("list", TooLarge)] : [], DateInput.Parts.Of(UkClock.Today()),
                "", ""))
            .ExcludeFromDescription();

        app.MapPost("/audit", async (HttpContext http, RulesCore core, TemplateSet t, IAntiforgery af) =>
        {
            if (!await CaseloadEndpoints.Running.WaitAsync(CaseloadLimits.QueueWait, http.RequestAborted))
                return JourneyEndpoints.Page(t, "web/busy",
                    new { site = JourneyPages.Site(http, af), pageTitle = "Sorry, the service is busy" }, 503);
            try
            {
                return await Post(http, core, t, af);
            }
            finally
            {
                CaseloadEndpoints.Running.Release();
            }
        }).ExcludeFromDescription();
    }

    private static readonly string TooLarge =
        $"The files must be smaller than {CaseloadLimits.MaxUploadBytes >> 20} MB in all";

    private static async Task<IResult> Post(HttpContext http, RulesCore core, TemplateSet t, IAntiforgery af)
    {
        if (await Uploads.ReadFormAsync(http) is not { } post)
            return Form(http, t, af, [("list", TooLarge)], DateInput.Parts.Of(UkClock.Today()), "", "");
        if (!await af.IsRequestValidAsync(http))
            return JourneyEndpoints.Page(t, "web/expired",
                new { site = JourneyPages.Site(http, af), pageTitle = "Sorry, the form had expired" }, 400);
        var asAtParts = DateInput.Read(post, "asAt");
        var format = ((string?)post["format"] ?? "").Trim();
        var la = ((string?)post["la"] ?? "").Trim();
        var errors = new List<(string Id, string Message)>();
        var list = Uploads.Chosen(post.Files, "list");
        if (list.Count != 1) errors.Add(("list", "Select the care leaver list, as one CSV file"));
        if (format is not ("annex-a" or "ssd")) errors.Add(("format", "Select which list the file is"));
        Uploads.CheckHistories(post.Files, errors);
        var (asAt, asAtError) = DateInput.Parse(asAtParts, "Date of the audit", true);
        if (asAtError is not null) errors.Add(("asAt-day", asAtError));
        var runner = Runner(core);
        if (la.Length > 0 && !runner.Dfe.Councils.ContainsKey(la))
            errors.Add(("la",
                "Enter the council's three-digit code, for example 384 for Wakefield, or leave it blank"));
        if (errors.Count > 0) return Form(http, t, af, errors, asAtParts, format, la);
        var (sources, documents) = await Uploads.Histories(post.Files, errors);
        if (errors.Count > 0) return Form(http, t, af, errors, asAtParts, format, la);
        var options = new AuditOptions(format == "ssd" ? ListFormat.Ssd : ListFormat.AnnexA, null, null, [], [], null,
            asAt!.Value, la.Length > 0 ? la : null, "")
        {
            ListSource = await Uploads.Source(list[0]), Sources = sources, Documents = documents,
        };
        AuditRun run;
        try
        {
            run = runner.Compute(options);
        }
        catch (UnreadableInputException e)
        {
            return Form(http, t, af, [("list", Printable.Clean(e.Message, 300))], asAtParts, format, la);
        }
        return JourneyEndpoints.Page(t, "web/audit", AuditView.Model(JourneyPages.Site(http, af), run));
    }

    private static IResult Form(HttpContext http, TemplateSet t, IAntiforgery af,
        List<(string Id, string Message)> errors, DateInput.Parts asAt, string format, string la)
    {
        // The first message for a field (two problems with one field show the first, never an exception).
        string? First(string field) => errors.FirstOrDefault(e => e.Id.Replace("-day", "") == field).Message;
        return JourneyEndpoints.Page(t, "web/audit-form", new
        {
            site = JourneyPages.Site(http, af),
            pageTitle = (errors.Count > 0 ? "Error: " : "") + "Check your care leaver list against the law",
            errors = JourneyPages.Errors(errors),
            error = new
            {
                list = First("list"), format = First("format"), header = First("header"), episodes = First("episodes"),
                histories = First("histories"), la = First("la"),
            },
            annexA = format == "annex-a", ssd = format == "ssd",
            asAt = new
            {
                day = asAt.Day, month = asAt.Month, year = asAt.Year,
                error = errors.FirstOrDefault(e => e.Id == "asAt-day").Message,
            },
            la,
            maxMb = CaseloadLimits.MaxUploadBytes >> 20,
        }, errors.Count > 0 ? 400 : 200);
    }
}
