using System.Globalization;
using LocalOffer.Core.Rules;
using LocalOffer.Offers.Render;

namespace LocalOffer.WhatIf;

/// <summary>
/// index.html: the what-if report (GOV.UK Frontend, no JavaScript), from templates/whatif/index.sbn-html. What was
/// changed (each parameter's values before and after, with its law); for each entitlement the change touches, a
/// chart of the young people entitled on each month-end under both laws and the table of every figure; the
/// entitlements it leaves alone, in a line; and the first <see cref="GainersTableLimit"/> young people who gain
/// (all are in gainers.csv), with their adviser when a caseload file was given.
/// </summary>
public static class WhatIfReport
{
    public const int GainersTableLimit = 1000;

    public static string Render(TemplateSet templates, WhatIfResult r, EntitlementCatalog catalog,
        int gainersTableLimit = GainersTableLimit)
    {
        var ends = r.Horizon.MonthEnds;
        var byId = r.Rows.GroupBy(x => x.Entitlement).ToDictionary(g => g.Key, g => g.OrderBy(x => x.MonthEnd).ToList());
        var touched = r.EntitlementIds
            .Where(id => byId[id].Any(x => x.Gained + x.Lost > 0 || x.Cost is not null and not 0m)).ToList();
        var entitlements = touched.Select(id =>
        {
            var rows = byId[id];
            var title = catalog[id].Title;
            var people = r.Gainers.Count(g => g.Entitlement == id);
            return new
            {
                id,
                title,
                chartTitle = $"{title}: young people entitled on each month-end",
                svg = LocalOffer.Offers.Render.SafeSvg.Check(WhatIfChartSvg.Render($"chart-{id}",
                    $"{title}: young people entitled on each month-end", ends,
                    rows.Select(x => x.Baseline).ToList(), rows.Select(x => x.Changed).ToList())),
                gainedPeople = people == 1 ? "1 young person gains it" : $"{people:N0} young people gain it",
                hasCost = rows.Any(x => x.Cost is not null),
                totalCost = Money(rows.Sum(x => x.Cost ?? 0)),
                rows = rows.Select(x => new
                {
                    month = WhatIfRunner.LongDate(x.MonthEnd), baseline = x.Baseline.ToString("N0", CultureInfo.InvariantCulture),
                    changed = x.Changed.ToString("N0", CultureInfo.InvariantCulture),
                    gained = x.Gained.ToString("N0", CultureInfo.InvariantCulture),
                    lost = x.Lost.ToString("N0", CultureInfo.InvariantCulture), cost = x.Cost is { } c ? Money(c) : "",
                }),
            };
        }).ToList();
        var hasAdvisers = r.Gainers.Any(g => g.Adviser is not null || g.Team is not null);
        var model = new
        {
            pageTitle = "What the changes to the law would mean",
            asAt = WhatIfRunner.LongDate(r.Horizon.AsAt),
            first = WhatIfRunner.LongDate(ends[0]),
            last = WhatIfRunner.LongDate(ends[^1]),
            summary = new[]
            {
                new { key = "Young people in the cohort", value = r.YoungPeople.ToString("N0", CultureInfo.InvariantCulture) },
                new { key = "Month-ends counted",
                    value = $"{ends.Count} ({WhatIfRunner.LongDate(ends[0])} to {WhatIfRunner.LongDate(ends[^1])})" },
                new { key = "Young people who gain an entitlement",
                    value = r.Gainers.Select(g => g.Child).Distinct().Count().ToString("N0", CultureInfo.InvariantCulture) },
                new { key = "Rows of the inputs not used (see rejects.csv)",
                    value = r.Rejects.Count.ToString("N0", CultureInfo.InvariantCulture) },
            },
            noChanges = r.Changes.Count == 0,
            changes = r.Changes.Select(c => new
            {
                set = c.Set, parameter = c.Parameter, before = c.Before, after = c.After,
                references = c.References.Select(x => new { citation = x.Citation, url = x.Url }),
            }),
            costs = r.Costs.Select(c => new { title = catalog[c.Entitlement].Title, text = c.Text }),
            hasCosts = r.Costs.Count > 0,
            entitlements,
            noDifference = entitlements.Count == 0,
            unchanged = string.Join(", ", r.EntitlementIds.Except(touched).Select(id => catalog[id].Title)),
            hasAdvisers,
            gainers = r.Gainers.Take(gainersTableLimit).Select(g => new
            {
                child = g.Child, title = catalog[g.Entitlement].Title, first = WhatIfRunner.LongDate(g.FirstMonthEnd),
                months = g.MonthEnds, adviser = g.Adviser ?? "", team = g.Team ?? "",
            }),
            noGainers = r.Gainers.Count == 0,
            hasLocalOffers = r.LocalOffers.Count > 0,
            localOffers = r.LocalOffers.GroupBy(g => g.Council).Select(g => new
            {
                council = g.First().CouncilName,
                offer = g.First().OfferFrom is { } f ? $"in force from {WhatIfRunner.LongDate(f)}" : "no offer published",
                missing = string.Join("; ", g.Select(x => $"{x.Title} ({x.Provision})")),
                from = WhatIfRunner.LongDate(g.First().RequiredFrom),
            }),
            gainersCut = r.Gainers.Count > gainersTableLimit
                ? $"The first {gainersTableLimit:N0} of {r.Gainers.Count:N0} rows are shown: every row is in gainers.csv." : null,
        };
        return templates.Render("whatif/index", model);
    }

    /// <summary>"£1,250.00", "-£40.00".</summary>
    // The one money formatter (LocalOffer.Core.Output.Gbp): "£2,500", "£208.33"; a saving is "-£208.33".
    private static string Money(decimal d) => (d < 0 ? "-" : "") + LocalOffer.Core.Output.Gbp.Format(Math.Abs(d));
}
