using LocalOffer.Core.Model;
using LocalOffer.WhatIf;
using NodaTime;

namespace LocalOffer.Web.Journey;

/// <summary>
/// "If the new law began on ...": the journey's young person under the law passed but not yet in force (every
/// provision with no commencement date given one, <see cref="PersonWhatIf"/>), in their own words: what they would
/// also be owed on that day, and from when later. A GET form (it changes nothing): the day defaults to the
/// journey's date; a day that is not one is the GOV.UK date input's error.
/// </summary>
public static class WhatIfPage
{
    public static void Map(WebApplication app) =>
        app.MapGet("/check/whatif", (HttpContext http, string? s, JourneyContext j) =>
        {
            if (j.State(s) is not { } state) return j.Expired(http);
            var (history, date, errors) = j.Checked(state);
            if (errors.Count > 0 || history is null) return Results.Redirect($"/check/answers?s={s}");
            return Render(http, j, s!, history, date);
        }).ExcludeFromDescription();

    private static IResult Render(HttpContext http, JourneyContext j, string token, CareHistory history, LocalDate date)
    {
        var q = http.Request.Query;
        var parts = new DateInput.Parts(Clean(q["from-day"]), Clean(q["from-month"]), Clean(q["from-year"]));
        if (parts.Empty) parts = DateInput.Parts.Of(date);
        var (from, error) = DateInput.Parse(parts, "Day the new law starts", required: true);
        var law = j.Core.Law.Entitlements;
        var groups = from is { } d
            ? PersonWhatIf.Gained(j.Core, history, d).GroupBy(e => e.From).OrderBy(g => g.Key).Select(g => new
            {
                heading = g.Key == d ? $"On {DateInput.Words(d)} you would also be owed"
                    : $"From {DateInput.Words(g.Key)} you would also be owed",
                items = g.Select(e => new
                {
                    id = e.Id, title = law[e.Id].Title, summary = law[e.Id].Summary, last = e.To.PlusDays(-1),
                    amount = e.Amount?.ToString(),
                }).ToArray(),
            }).ToArray()
            : [];
        return JourneyEndpoints.Page(j.Templates, "web/whatif", new
        {
            site = JourneyPages.Site(http, j.Af),
            pageTitle = (error is null ? "" : "Error: ") + "If the new law began",
            token,
            startsOn = from is { } w ? DateInput.Words(w) : null,
            groups,
            errors = error is null ? [] : new[] { new { href = "#from", text = error } },
            from = new { day = parts.Day, month = parts.Month, year = parts.Year, error },
            links = new { yours = $"/check/result?s={token}&view=yours", adviser = $"/check/result?s={token}" },
        });
    }

    private static string Clean(string? s) => (s ?? "").Trim();
}
