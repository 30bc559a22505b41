using LocalOffer.Core;
using LocalOffer.Core.Engine;
using LocalOffer.Core.Model;
using LocalOffer.Offers.Render.Languages;
using NodaTime;

namespace LocalOffer.Offers.Render;

/// <summary>
/// One line of a birthday's changes: the entitlement's id (or "care") and the words a young person
/// reads, a catalogue string (translations/, age.line and the like) written in the page's language.
/// </summary>
public sealed record BirthdayLine(string Id, CatalogueText Text);

/// <summary>What carries on, starts, stops and must be asked for at a birthday, each a line for a young person.</summary>
public sealed record BirthdayChange(int Age, IReadOnlyList<BirthdayLine> Continues, IReadOnlyList<BirthdayLine> Starts,
    IReadOnlyList<BirthdayLine> Stops, IReadOnlyList<BirthdayLine> Ask, IReadOnlyList<BirthdayLine> InEducation)
{
    /// <summary>
    /// Whether an entitlement ends at this birthday (staying put at 21) and does not go on in any
    /// way: in education or training, on request or for anyone else.
    /// </summary>
    public bool Ends(string id) => Stops.Any(l => l.Id == id)
        && !Continues.Concat(Starts).Concat(Ask).Concat(InEducation).Any(l => l.Id == id);
}

/// <summary>
/// The answer an age page opens with (issue 25: "What changes at 21?" was never answered): what the
/// law gives on either side of the 18th or 21st birthday, read from the engine's runs for young
/// people whose birthday is the page's date, never written by hand. At 18: one in foster care until
/// 18 and one who left care at 17. At 21: one who left foster care at 18, and the same young person
/// in education or training from 20, which tells what education keeps going to 25.
/// </summary>
public static class BirthdayChanges
{
    public static BirthdayChange At(int age, LocalDate asAt, RulesCore core)
    {
        var law = core.Law;
        var dob = asAt.PlusYears(-age);
        var on = law.Birthdays.Birthday(dob, age);
        var b14 = law.Birthdays.Birthday(dob, 14);
        var b18 = law.Birthdays.Birthday(dob, law.AgeAdult);
        // In foster care from 14 (U4: long-term foster placement), so staying put can follow at 18.
        var inCare = new CareHistory(null, dob, [new Episode(b14, b18, "C2", "U4", "E8")], [], [], [], [], [], []);
        var variants = new List<(CareHistory History, CatalogueText? Qualifier)>();
        if (age == law.AgeAdult)
        {
            var b17 = law.Birthdays.Birthday(dob, law.AgeAdult - 1);
            var left17 = inCare with { Episodes = [new Episode(b14, b17, "C2", "U4", "E5")] };
            variants.Add((inCare, CatalogueText.Of("age.if-fostered-until", ("age", law.AgeAdult))));
            variants.Add((left17,
                CatalogueText.Of("age.if-left-at", ("from", law.AgeEligibleFrom), ("to", law.AgeAdult - 1))));
        }
        else variants.Add((inCare, null));
        var entries = new List<(string Id, string Key, CatalogueText Text, CatalogueText? Qualifier)>();
        var day = on.PlusDays(-1);
        foreach (var (history, qualifier) in variants)
        {
            var a = core.Engine.Assess(history, on);
            if (a.Timeline.Any(t => t.Status is Status.Eligible or Status.LookedAfter && t.From <= day && day < t.To && t.To == on))
                entries.Add(("care", "stops",
                    CatalogueText.Of("age.care-stops", ("ordinal", new Ordinal(law.AgeAdult))), null));
            foreach (var run in a.AllEntitlements)
            {
                var before = run.CoversDate(day);
                var after = run.CoversDate(on);
                var ask = after && PlainRuns.Kind(run.PeriodOn(on)!, law).Ask;
                string? key = (before, after, ask) switch
                {
                    (_, true, true) => "ask",
                    (true, true, false) => "continues",
                    (false, true, false) => "starts",
                    (true, false, _) => "stops",
                    _ => null,
                };
                if (key is null) continue;
                var name = PlainRuns.Capital(PlainRuns.Short(run.Id, run.Title, law));
                var text = key == "stops" ? name
                    : CatalogueText.Of("age.line", ("name", name), ("how_long", PlainRuns.HowLong(run, on, dob, law)));
                entries.Add((run.Id, key, text, qualifier));
            }
        }
        // A line every variant has is said once without its qualifier; one that carries on for some
        // and starts for others (keeping in touch, for those who left care at 17 or at 18) carries on.
        var lines = new Dictionary<string, List<BirthdayLine>> { ["continues"] = [], ["starts"] = [], ["stops"] = [], ["ask"] = [] };
        foreach (var g in entries.GroupBy(e => e.Id))
        {
            var keys = g.Select(e => e.Key).Distinct().ToList();
            var key = keys.Count == 1 ? keys[0] : keys.All(k => k is "continues" or "starts") ? "continues" : null;
            var everyVariant = g.Select(e => e.Qualifier).Distinct().Count() == variants.Count || g.All(e => e.Qualifier is null);
            var texts = g.Select(e => e.Text).Distinct().ToList();
            if (key is not null && everyVariant && texts.Count == 1) lines[key].Add(new BirthdayLine(g.Key, texts[0]));
            else
                foreach (var e in g)
                    lines[e.Key].Add(new BirthdayLine(g.Key, e.Qualifier is null ? e.Text
                        : CatalogueText.Of("age.qualified", ("line", e.Text), ("qualifier", e.Qualifier))));
        }
        var inEducation = new List<BirthdayLine>();
        if (age != law.AgeAdult)
        {
            var studying = inCare with
            {
                Education = [new Education(on.PlusYears(-1), null, EducationKind.FurtherEducation, true)],
            };
            var e = core.Engine.Assess(studying, on);
            foreach (var run in e.AllEntitlements.Where(r => r.CoversDate(on)))
                if (PlainRuns.Kind(run.PeriodOn(on)!, law).Kind == PlainWords.ConditionKind.Education
                    && (lines["stops"].Any(l => l.Id == run.Id) || lines["ask"].Any(l => l.Id == run.Id)))
                    inEducation.Add(new BirthdayLine(run.Id, PlainRuns.Capital(PlainRuns.Short(run.Id, run.Title, law))));
        }
        // What stops at 21 but goes on in education or training says so where it stops.
        var stops = lines["stops"].Select(l => inEducation.Any(e => e.Id == l.Id)
            ? l with { Text = CatalogueText.Of("age.unless-education", ("line", l.Text)) } : l).ToList();
        return new BirthdayChange(age, lines["continues"], lines["starts"], stops, lines["ask"], inEducation);
    }
}
