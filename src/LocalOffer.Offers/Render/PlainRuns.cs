using LocalOffer.Core.Engine;
using LocalOffer.Core.Rules;
using LocalOffer.Offers.Render.Languages;
using NodaTime;

namespace LocalOffer.Offers.Render;

/// <summary>
/// An entitlement run (the engine's, never worked out again here) told to a young person: how long
/// it lasts and on what condition ("until you are 21, then while you are in education or training,
/// until you are 25"), never an end date without the condition it depends on (issue 25).
/// Every sentence is a catalogue string (translations/, runs.* and next.*) with its values (ages,
/// dates, names), so a page writes it in its own language, dates and digits included (issue 27).
/// </summary>
public static class PlainRuns
{
    /// <summary>
    /// The kind of a period: in education or training (s.23C(7), s.23CA carry it only while a
    /// programme of education or training goes on), on request, another condition, or none.
    /// </summary>
    public static (PlainWords.ConditionKind Kind, string? Key, bool Ask) Kind(EntitlementPeriod p, EnglandLaw law) =>
        p.Basis.Contains(law.P.S23C7) || p.Basis.Contains(law.P.S23CA)
            ? (PlainWords.ConditionKind.Education, null, false)
            : PlainWords.Condition(p.Condition);

    /// <summary>"until you are 21" on a birthday, else "until 14 June 2029" (the last day, as the exclusive end's eve).</summary>
    public static CatalogueText Until(LocalDate end, LocalDate dob, EnglandLaw law)
    {
        for (var age = 16; age <= law.AgeCareLeaverUntil; age++)
            if (law.Birthdays.Birthday(dob, age) == end) return CatalogueText.Of("runs.until-age", ("age", age));
        return CatalogueText.Of("runs.until-date", ("date", end.PlusDays(-1)));
    }

    /// <summary>
    /// How long a run lasts from <paramref name="asAt"/>, each change of condition said: "until you
    /// are 21, then while you are in education or training, until you are 25". A payment gives its
    /// amount and the condition it is paid on instead.
    /// </summary>
    public static CatalogueText HowLong(Entitlement run, LocalDate asAt, LocalDate dob, EnglandLaw law)
    {
        if (run.Amount is { } money)
        {
            var (_, key, _) = PlainWords.Condition(run.Periods[^1].Condition);
            var upTo = run.Periods[^1].Condition?.StartsWith("up to", StringComparison.Ordinal) == true;
            var amount = Amount(money);
            return key is null
                ? CatalogueText.Of(upTo ? "runs.up-to" : "runs.amount", ("amount", amount))
                : CatalogueText.Of(upTo ? "runs.up-to-condition" : "runs.amount-condition",
                    ("amount", amount), ("condition", new CatalogueText(key)));
        }
        var segments = new List<(PlainWords.ConditionKind Kind, string? Key, LocalDate To)>();
        foreach (var p in run.Periods.Where(p => p.To > asAt))
        {
            var (kind, key, _) = Kind(p, law);
            if (segments.Count > 0 && segments[^1].Kind == kind && segments[^1].Key == key)
                segments[^1] = (kind, key, p.To);
            else segments.Add((kind, key, p.To));
        }
        var parts = segments.Select(s => Segment(s.Kind, s.Key, Until(s.To, dob, law))).ToList();
        var text = Join("runs.then", parts);
        return run.From > asAt
            ? CatalogueText.Of("runs.from", ("when", When(run.From, dob, law)), ("how_long", text)) : text;
    }

    /// <summary>"£2,000" or "£1,200 a year", in the page's digits.</summary>
    private static object Amount(Money m) => m.Period switch
    {
        "once" => new Pounds(m.Amount),
        "weekly" => CatalogueText.Of("money.weekly", ("amount", new Pounds(m.Amount))),
        "yearly" => CatalogueText.Of("money.yearly", ("amount", new Pounds(m.Amount))),
        _ => m.ToString(),
    };

    private static CatalogueText Segment(PlainWords.ConditionKind kind, string? key, CatalogueText until) => kind switch
    {
        PlainWords.ConditionKind.Education => CatalogueText.Of("runs.education", ("until", until)),
        PlainWords.ConditionKind.OnRequest => CatalogueText.Of("runs.on-request", ("until", until)),
        _ when key is not null =>
            CatalogueText.Of("runs.condition", ("condition", new CatalogueText(key)), ("until", until)),
        _ => until,
    };

    /// <summary>Parts joined by a catalogue string with {first} and {next}: "a, then b, then c".</summary>
    private static CatalogueText Join(string key, IReadOnlyList<CatalogueText> parts) =>
        parts.Skip(1).Aggregate(parts[0], (first, next) => CatalogueText.Of(key, ("first", first), ("next", next)));

    /// <summary>Whether a date is one of the young person's birthdays (16 to 25), and which.</summary>
    private static int? BirthdayOn(LocalDate on, LocalDate dob, EnglandLaw law)
    {
        for (var age = 16; age <= law.AgeCareLeaverUntil; age++)
            if (law.Birthdays.Birthday(dob, age) == on) return age;
        return null;
    }

    /// <summary>"your 21st birthday" on a birthday, else the date.</summary>
    public static object When(LocalDate on, LocalDate dob, EnglandLaw law) =>
        BirthdayOn(on, dob, law) is { } age ? CatalogueText.Of("runs.birthday", ("ordinal", new Ordinal(age))) : on;

    /// <summary>
    /// What changes next, one sentence a date (at most <paramref name="dates"/> dates): what starts,
    /// what stops, what carries on only in education or training or if you ask. A change of legal
    /// basis alone is not told: the support goes on the same.
    /// </summary>
    public static IReadOnlyList<CatalogueText> NextChanges(Assessment a, EnglandLaw law, int dates = 3)
    {
        var b25 = law.Birthdays.Birthday(a.DateOfBirth, law.AgeCareLeaverUntil);
        var byDate = new SortedDictionary<LocalDate, (List<CatalogueText> Starts, List<CatalogueText> Stops,
            List<CatalogueText> Education, List<CatalogueText> Ask)>();
        (List<CatalogueText>, List<CatalogueText>, List<CatalogueText>, List<CatalogueText>) On(LocalDate d) =>
            byDate.TryGetValue(d, out var x) ? x : byDate[d] = ([], [], [], []);
        foreach (var ev in EntitlementEvents.After(a.AllEntitlements, a.AsAt, b25))
        {
            var name = Short(ev.Run.Id, ev.Run.Title, law);
            var (starts, stops, education, ask) = On(ev.On);
            switch (ev.Kind)
            {
                case EntitlementEventKind.Starts: starts.Add(name); break;
                case EntitlementEventKind.Ends: stops.Add(name); break;
                default:
                    var (kind, _, _) = Kind(ev.Period!, law);
                    if (kind == PlainWords.ConditionKind.Education) education.Add(name);
                    else if (kind == PlainWords.ConditionKind.OnRequest) ask.Add(name);
                    break;
            }
        }
        var sentences = new List<CatalogueText>();
        foreach (var (on, (starts, stops, education, ask)) in byDate)
        {
            var parts = new List<CatalogueText>();
            // One key for one name and one for several ("starts", "start"): no language needs plural rules here.
            void Part(string key, List<CatalogueText> names)
            {
                if (names.Count > 0)
                    parts.Add(CatalogueText.Of(key + (names.Count == 1 ? ".one" : ".more"), ("names", List(names))));
            }
            Part("next.starts", starts);
            Part("next.stops", stops);
            Part("next.education", education);
            Part("next.ask", ask);
            if (parts.Count == 0) continue;
            var changes = Join("next.and", parts);
            sentences.Add(BirthdayOn(on, a.DateOfBirth, law) is { } age
                ? CatalogueText.Of("next.on-birthday",
                    ("ordinal", new Ordinal(age)), ("date", on), ("changes", changes))
                : CatalogueText.Of("next.on", ("date", on), ("changes", changes)));
            if (sentences.Count == dates) return sentences;
        }
        if (a.AllEntitlements.Any(e => e.To == b25) && b25 > a.AsAt)
            sentences.Add(CatalogueText.Of("next.support-ends",
                ("ordinal", new Ordinal(law.AgeCareLeaverUntil)), ("date", b25)));
        return sentences;
    }

    /// <summary>
    /// The catalogue's short name for a sentence ("your personal adviser"): entitlement.&lt;id&gt;.short,
    /// from the law's rules/england/entitlements.yaml; its title where it has none.
    /// </summary>
    public static CatalogueText Short(string id, string title, EnglandLaw law) =>
        law.Entitlements.Contains(id)
            ? new CatalogueText(law.Entitlements[id].Short.Length > 0
                ? $"entitlement.{id}.short" : $"entitlement.{id}.title")
            : CatalogueText.Of("runs.name", ("name", title));

    /// <summary>"a, b and c".</summary>
    public static CatalogueText List(IReadOnlyList<CatalogueText> items) =>
        items.Count == 1 ? items[0]
            : CatalogueText.Of("list.and",
                ("first", Join("list.comma", items.Take(items.Count - 1).ToList())), ("last", items[^1]));

    /// <summary>The first letter in capitals, for a list item made from a short name.</summary>
    public static CatalogueText Capital(CatalogueText s) => s with { Capital = true };
}
