using System.Text;
using System.Text.Json.Nodes;
using LocalOffer.Core.Output;
using LocalOffer.Offers.Render;
using Microsoft.AspNetCore.Antiforgery;

namespace LocalOffer.Web.Journey;

/// <summary>
/// "Upload a history": a care history document (what "Download this history" and `localoffer check`
/// use) read exactly as the API reads one, within the same size limit, then carried on to Check your
/// answers. Nothing is stored: the file is read in memory and becomes the page's token.
/// </summary>
public static class UploadEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/check/upload", (HttpContext http, string? error, TemplateSet t, IAntiforgery af) =>
            Upload(http, t, af, error == "too-large" ? [TooLarge] : [])).ExcludeFromDescription();

        app.MapPost("/check/upload", async (HttpContext http, JourneyContext j) =>
        {
            IFormCollection post;
            try
            {
                post = await http.Request.ReadFormAsync();
            }
            catch (Exception e) when (e is InvalidDataException or BadHttpRequestException or IOException)
            {
                return Upload(http, j.Templates, j.Af, [TooLarge]);
            }
            if (!await j.Af.IsRequestValidAsync(http)) return j.Expired(http);
            var file = post.Files.GetFile("history");
            if (file is null || file.Length == 0) return Upload(http, j.Templates, j.Af, ["Select a care history file"]);
            if (file.Length > WebLimits.MaxBodyBytes)
                return Upload(http, j.Templates, j.Af, [TooLarge]);
            var bytes = new byte[file.Length];
            await using (var s = file.OpenReadStream()) await s.ReadExactlyAsync(bytes);
            if (!System.Text.Unicode.Utf8.IsValid(bytes))
                return Upload(http, j.Templates, j.Af, ["The selected file must be a care history saved from LocalOffer (a JSON file)"]);
            var text = Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF');
            var (history, errors) = j.Core.Reader.Read(text);
            if (history is null)
                return Upload(http, j.Templates, j.Af,
                    ["The selected file is not a care history LocalOffer can read",
                     .. errors.Take(10).Select(e => AnswerErrors.Words(e).Message)]);
            // The document as the rules core read it, so the answers hold exactly what it understood.
            var state = new JourneyState(CareHistoryJson.ToJson(history));
            return j.Next(state, "/check/person", "return=answers");
        }).ExcludeFromDescription();
    }

    private static readonly string TooLarge = $"The selected file must be smaller than {WebLimits.MaxBodyBytes / 1024} KB";

    private static IResult Upload(HttpContext http, TemplateSet t, IAntiforgery af, List<string> errors) =>
        JourneyEndpoints.Page(t, "web/upload", new
        {
            site = JourneyPages.Site(http, af),
            pageTitle = (errors.Count > 0 ? "Error: " : "") + "Upload a care history",
            error = errors.FirstOrDefault(),
            details = errors.Skip(1).ToArray(),
            errors = errors.Count > 0 ? new object[] { new { href = "#history", text = errors[0] } } : [],
        }, errors.Count > 0 ? 400 : 200);
}
