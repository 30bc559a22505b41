using System.Diagnostics;
using LocalOffer.Batch.Input;
using LocalOffer.Core;
using LocalOffer.Core.Engine;
using LocalOffer.Core.Model;
using NodaTime;

namespace LocalOffer.Batch.Caseload;

/// <summary>
/// Where the young people come from (an SSDA903 return as `batch` reads it, or a folder of care
/// history documents as `check` reads them), the optional caseload CSV that adds adviser, team and
/// the last review, the date, the window and an adviser or team to keep.
/// </summary>
public sealed record CaseloadOptions(
    string? Header,
    IReadOnlyList<string> Episodes,
    IReadOnlyList<string> Xml,
    string? HistoriesDir,
    string? CaseloadCsv,
    LocalDate AsAt,
    int WithinDays,
    string? Adviser = null,
    string? Team = null)
{
    /// <summary>The caseload CSV held in memory (an upload), in place of <see cref="CaseloadCsv"/>.</summary>
    public InputSource? CaseloadSource { get; init; }
    /// <summary>SSDA903 files held in memory (uploads), in place of the paths.</summary>
    public IReadOnlyList<(InputSource Source, SsdaFileKind Kind)>? Sources { get; init; }
    /// <summary>Care history documents held in memory (uploads), by file name, in place of a folder.</summary>
    public IReadOnlyList<(string Name, string Json)>? Documents { get; init; }
}

/// <summary>The answer: events sorted by due date, every row not used, and the counts.</summary>
public sealed record CaseloadResult(IReadOnlyList<CaseloadEvent> Events, IReadOnlyList<Reject> Rejects, int YoungPeople,
    int NotAssessed, TimeSpan Elapsed)
{
    /// <summary>Time of each phase (read, assess, sort; the command adds write): the summary line, the bench.</summary>
    public Dictionary<string, TimeSpan> Phases { get; init; } = [];
}

public sealed class CaseloadRunner(RulesCore core)
{
    /// <summary>Most care history documents read from one folder.</summary>
    public const int MaxHistories = 100_000;
    /// <summary>Largest care history document (as the API's body limit).</summary>
    public const int MaxHistoryBytes = 64 * 1024;
    /// <summary>Longest window: to the 25th birthday of a newborn and more.</summary>
    public const int MaxWithinDays = 9_200;
    /// <summary>Latest as-at date: a window and a 25th birthday past it still fit NodaTime's calendar (to 9999).</summary>
    public static readonly LocalDate MaxAsAt = new(9000, 12, 31);

    public CaseloadResult Run(CaseloadOptions o)
    {
        if (o.AsAt > MaxAsAt) throw new UnreadableInputException($"--as-at {o.AsAt:yyyy-MM-dd} is after {MaxAsAt:yyyy-MM-dd}");
        if (o.WithinDays is < 1 or > MaxWithinDays) throw new UnreadableInputException($"--within must be 1 to {MaxWithinDays} days");
        var clock = Stopwatch.StartNew();
        var rejects = new List<Reject>();
        var phases = new Dictionary<string, TimeSpan>();
        void Done(string phase) =>
            phases[phase] = clock.Elapsed - phases.Values.Aggregate(TimeSpan.Zero, (a, b) => a + b);
        // From a return, the cohort as `batch` holds it: a history is made only for a young person assessed.
        var fromReturn = o.Documents is null && o.HistoriesDir is null;
        // The caseload CSV is read alongside the young people (on the other core while there is one: issue 30);
        // its rows rejected come after theirs, as when it was read after them.
        var csvRejects = new List<Reject>();
        var readingCsv = CaseloadSource(o) is null ? null : Task.Run(() => ReadExtras(o, csvRejects));
        Cohort.Cohort? cohort = null;
        List<CareHistory>? histories = null;
        if (fromReturn) cohort = LoadReturn(o, rejects);
        else histories = Load(o, rejects);
        var count = cohort?.Count ?? histories!.Count;
        string IdOf(int i) => cohort is not null ? cohort.ChildId(i) : histories![i].Id ?? "";
        var extras = readingCsv?.GetAwaiter().GetResult();
        rejects.AddRange(csvRejects);
        // From a return, the cohort's own index of children says who is known: no set of 100,000 ids made.
        if (cohort is not null) RejectUnknown(o, extras, cohort.Contains, rejects);
        else RejectUnknown(o, extras, histories!.Select(h => h.Id ?? ""), rejects);
        Done("read");
        var rules = new CaseloadEvents(core.Law);
        var perPerson = new List<CaseloadEvent>?[count];
        var notAssessed = 0;
        // Without an adviser or team to keep, a young person's caseload CSV row is looked up only if assessed.
        var filtered = o.Adviser is not null || o.Team is not null;
        CaseloadExtras? ExtrasOf(int i) =>
            extras is not null && extras.TryGetValue(IdOf(i), out var e) ? e.Extras : null;
        Parallel.For(0, count, i =>
        {
            var x = filtered ? ExtrasOf(i) : null;
            if (filtered && !Keep(x, o)) return;
            var dob = cohort?.DateOfBirth(i) ?? histories![i].DateOfBirth;
            if (o.AsAt < dob) { Interlocked.Increment(ref notAssessed); return; }
            // Most of a return's young people left care before 16: nothing of theirs can fall due (issue 30).
            if (cohort is not null ? CaseloadEvents.NothingFallsDue(core.Engine, dob, cohort.Episodes(i), o.AsAt)
                : CaseloadEvents.NothingFallsDue(core.Engine, histories![i], o.AsAt)) return;
            // A fifth of the rest are in care under 14 throughout the window, with nothing changing in it.
            if (cohort is not null
                    ? CaseloadEvents.NothingFallsDueWithin(core.Engine, dob, cohort.Episodes(i), o.AsAt, o.WithinDays)
                    : CaseloadEvents.NothingFallsDueWithin(core.Engine, histories![i], o.AsAt, o.WithinDays)) return;
            if (!filtered) x = ExtrasOf(i);
            // Most of the rest are 18 to 25 with their care over: with no birthday, date in force or review in the
            // window, nothing of theirs changes or falls due in it (issue 30).
            if (cohort is not null
                    ? rules.NothingFallsDueAfterCare(core.Engine, dob, cohort.Episodes(i), o.AsAt, o.WithinDays, x)
                    : rules.NothingFallsDueAfterCare(core.Engine, histories![i], o.AsAt, o.WithinDays, x)) return;
            // The events read the timeline and the runs, never the explanation: Assess without it, and the runs to
            // 25 joined only for those of whom one changes in the window (most have none: issue 30). From a return,
            // from the episodes as the batch holds them: a history is made only for the general path.
            var upTo = o.AsAt.PlusDays(o.WithinDays);
            var within = cohort is not null ? AssessWithin(cohort, i, o.AsAt, upTo)
                : core.Engine.AssessWithin(histories![i], o.AsAt, upTo);
            perPerson[i] = rules.EventsOrNone(within, x, o.AsAt, o.WithinDays);
        });
        Done("assess");
        var events = perPerson.Where(l => l is not null).SelectMany(l => l!).ToList();
        // Stable: by due date, then young person, then the order of the kinds (a birthday before what it brings).
        events.Sort(static (a, b) => a.Due.CompareTo(b.Due) is var c and not 0 ? c
            : string.CompareOrdinal(a.Child, b.Child) is var d and not 0 ? d : a.Kind.CompareTo(b.Kind));
        Done("sort");
        return new CaseloadResult(events, rejects, count, notAssessed, clock.Elapsed) { Phases = phases };
    }

    /// <summary>A child of a return assessed for the window from its episodes (its history made if needed).</summary>
    private WindowAssessment AssessWithin(Cohort.Cohort cohort, int i, LocalDate asAt, LocalDate upTo) =>
        core.Engine.AssessWithin(cohort.ChildId(i), cohort.DateOfBirth(i), cohort.Episodes(i), asAt, upTo,
            () => cohort.History(i));

    /// <summary>
    /// The caseload CSV's adviser, team and dates by young person, or null without one; a row naming nobody in
    /// the inputs is a reject (rows read = used + rejected).
    /// </summary>
    public static Dictionary<string, (CaseloadExtras Extras, long Line)>? Extras(CaseloadOptions o,
        IReadOnlyList<CareHistory> people, List<Reject> rejects) => Extras(o, people.Select(p => p.Id ?? ""), rejects);

    /// <summary>
    /// <see cref="Extras(CaseloadOptions, IReadOnlyList{CareHistory}, List{Reject})"/> by the young people's ids.
    /// </summary>
    public static Dictionary<string, (CaseloadExtras Extras, long Line)>? Extras(CaseloadOptions o,
        IEnumerable<string> ids, List<Reject> rejects)
    {
        var extras = ReadExtras(o, rejects);
        RejectUnknown(o, extras, ids, rejects);
        return extras;
    }

    private static InputSource? CaseloadSource(CaseloadOptions o) =>
        o.CaseloadSource ?? (o.CaseloadCsv is { } csv ? InputSource.File(csv) : null);

    /// <summary>The caseload CSV's rows by young person, its rows rejected added; null without one.</summary>
    private static Dictionary<string, (CaseloadExtras Extras, long Line)>? ReadExtras(CaseloadOptions o,
        List<Reject> rejects) =>
        CaseloadSource(o) is { } source ? CaseloadCsvReader.Read(source, o.AsAt, rejects) : null;

    /// <summary>Each row of the caseload CSV naming nobody in the inputs, rejected.</summary>
    private static void RejectUnknown(CaseloadOptions o, Dictionary<string, (CaseloadExtras Extras, long Line)>? extras,
        IEnumerable<string> ids, List<Reject> rejects)
    {
        if (extras is null) return;
        RejectUnknown(o, extras, ids.ToHashSet(StringComparer.Ordinal).Contains, rejects);
    }

    /// <summary>Each row of the caseload CSV whose young person is not <paramref name="known"/>, rejected.</summary>
    private static void RejectUnknown(CaseloadOptions o, Dictionary<string, (CaseloadExtras Extras, long Line)>? extras,
        Func<string, bool> known, List<Reject> rejects)
    {
        if (extras is null) return;
        var name = CaseloadSource(o)!.Name;
        foreach (var (child, (_, line)) in extras)
            if (!known(child))
                rejects.Add(new Reject(name, line, 1, "CHILD", child, "no care history for this CHILD in the inputs"));
    }

    private static bool Keep(CaseloadExtras? x, CaseloadOptions o) =>
        (o.Adviser is null || string.Equals(x?.Adviser, o.Adviser, StringComparison.OrdinalIgnoreCase))
        && (o.Team is null || string.Equals(x?.Team, o.Team, StringComparison.OrdinalIgnoreCase));

    /// <summary>The care histories: an SSDA903 return (rows rejected as `batch` rejects them) or a folder of documents.</summary>
    public List<CareHistory> Load(CaseloadOptions o, List<Reject> rejects)
    {
        if (o.Documents is { } docs) return ReadDocuments(docs, rejects);
        if (o.HistoriesDir is { } dir) return ReadHistories(dir, rejects);
        var cohort = LoadReturn(o, rejects);
        var people = new List<CareHistory>(cohort.Count);
        for (var i = 0; i < cohort.Count; i++) people.Add(cohort.History(i));
        return people;
    }

    /// <summary>An SSDA903 return read and checked as `batch` reads it, its rejected rows put in the rejects.</summary>
    private Cohort.Cohort LoadReturn(CaseloadOptions o, List<Reject> rejects)
    {
        var (cohort, builder) = new BatchRunner(core).Load(
            new BatchOptions(o.Header, o.Episodes, o.Xml, o.AsAt, "") { Sources = o.Sources });
        rejects.AddRange(builder.Rejects);
        return cohort;
    }

    /// <summary>Documents held in memory, read as `check` reads them; an id missing is the file's name.</summary>
    private List<CareHistory> ReadDocuments(IReadOnlyList<(string Name, string Json)> docs, List<Reject> rejects)
    {
        if (docs.Count > MaxHistories) throw new UnreadableInputException($"more than {MaxHistories:N0} care history documents");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<CareHistory>(docs.Count);
        foreach (var (name, json) in docs)
        {
            if (json.Length > MaxHistoryBytes)
            {
                rejects.Add(new Reject(name, 0, 0, "$", null, $"larger than {MaxHistoryBytes / 1024} KB"));
                continue;
            }
            var (h, errs) = core.Reader.Read(json);
            if (h is null)
            {
                rejects.AddRange(errs.Select(e => new Reject(name, 0, 0, e.Path, null, e.Message)));
                continue;
            }
            h = h.Id is null ? h with { Id = Path.GetFileNameWithoutExtension(name) } : h;
            if (!seen.Add(h.Id!)) rejects.Add(new Reject(name, 0, 0, "id", h.Id, "id repeated"));
            else result.Add(h);
        }
        return result;
    }

    private List<CareHistory> ReadHistories(string dir, List<Reject> rejects)
    {
        if (!Directory.Exists(dir)) throw new UnreadableInputException($"{dir}: no such folder");
        var files = Directory.EnumerateFiles(dir, "*.json").Order(StringComparer.Ordinal).Take(MaxHistories + 1).ToList();
        if (files.Count > MaxHistories) throw new UnreadableInputException($"{dir}: more than {MaxHistories:N0} care history documents");
        var people = new CareHistory?[files.Count];
        var errors = new List<Reject>?[files.Count];
        Parallel.For(0, files.Count, i =>
        {
            var f = files[i];
            if (new FileInfo(f).Length > MaxHistoryBytes)
            {
                errors[i] = [new Reject(f, 0, 0, "$", null, $"larger than {MaxHistoryBytes / 1024} KB")];
                return;
            }
            var (h, errs) = core.Reader.ReadFile(f);
            if (h is not null) people[i] = h.Id is null ? h with { Id = Path.GetFileNameWithoutExtension(f) } : h;
            else errors[i] = errs.Select(e => new Reject(f, 0, 0, e.Path, null, e.Message)).ToList();
        });
        rejects.AddRange(errors.Where(e => e is not null).SelectMany(e => e!));
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        var result = new List<CareHistory>(files.Count);
        for (var i = 0; i < files.Count; i++)
        {
            if (people[i] is not { } h) continue;
            if (seen.TryGetValue(h.Id!, out var first))
                rejects.Add(new Reject(files[i], 0, 0, "id", h.Id, $"id repeated (first in {Path.GetFileName(first)})"));
            else { seen[h.Id!] = files[i]; result.Add(h); }
        }
        return result;
    }
}
