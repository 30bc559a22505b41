using System.Diagnostics;
using LocalOffer.Core;
using LocalOffer.Offers.Policy;
using LocalOffer.Offers.Render;
using NodaTime;

namespace LocalOffer.Bench;

/// <summary>
/// `--templates`: what the templates cost per page (issue 26). "cold" is a fresh template set making
/// every council's site once (each template parsed on first use, as a new process does); "warm" is
/// the same pages again on the parsed set, the median of the runs, divided by the pages made. Uses
/// public calls only, so the same file measures the Handlebars build before the switch.
/// </summary>
public static class TemplatesBench
{
    public static int Run(int runs)
    {
        var core = RulesCore.LoadDefault();
        var catalog = OfferCatalog.LoadDefault(core);
        var on = new LocalDate(2026, 11, 22);
        var councils = catalog.Councils.ToList();
        int Pages(TemplateSet t) => councils.Sum(c => new SitePublisher(core, t, catalog.National).Pages(c, on).Count);

        var clock = Stopwatch.StartNew();
        var set = TemplateSet.LoadDefault();
        var pages = Pages(set);
        var cold = clock.Elapsed.TotalMilliseconds;
        var warm = new List<double>();
        for (var r = 0; r < Math.Max(runs, 3); r++)
        {
            clock.Restart();
            Pages(set);
            warm.Add(clock.Elapsed.TotalMilliseconds);
        }
        warm.Sort();
        var median = warm[warm.Count / 2];
        Console.WriteLine($"templates: {councils.Count} councils, {pages} pages");
        Console.WriteLine($"cold (parse on first use + render): {cold:F0} ms, {cold / pages:F2} ms a page");
        Console.WriteLine($"warm (render, median of {warm.Count}): {median:F1} ms, {median / pages:F3} ms a page");
        return 0;
    }
}
