using System.Diagnostics;
using LocalOffer.Audit.Input;
using LocalOffer.Batch;
using LocalOffer.Batch.Caseload;
using LocalOffer.Batch.Input;
using LocalOffer.Core;
using LocalOffer.Core.Engine;
using LocalOffer.Core.Safety;
using LocalOffer.Indicators;
using LocalOffer.Indicators.Benchmarks;
using LocalOffer.Indicators.Definitions;
using NodaTime;

namespace LocalOffer.Audit;

/// <summary>
/// What to audit: the council's list (Annex A list 9 or the SSD's ssd_care_leavers), the care
/// histories (an SSDA903 return, CSV or XML, or a folder of care history documents), the date, the
/// council for benchmarks, and the report folder. Uploads held in memory replace the paths.
/// </summary>
public sealed record AuditOptions(
    ListFormat Format, string? List, string? Header, IReadOnlyList<string> Episodes, IReadOnlyList<string> Xml,
    string? HistoriesDir, LocalDate AsAt, string? La, string Out, bool Force = false)
{
    /// <summary>The list held in memory (an upload), in place of <see cref="List"/>.</summary>
    public InputSource? ListSource { get; init; }
    /// <summary>SSDA903 files held in memory (uploads), in place of the paths.</summary>
    public IReadOnlyList<(InputSource Source, SsdaFileKind Kind)>? Sources { get; init; }
    /// <summary>Care history documents held in memory (uploads), by file name, in place of a folder.</summary>
    public IReadOnlyList<(string Name, string Json)>? Documents { get; init; }
}

/// <summary>The accounting of a run: every list row is audited or rejected; the same for the histories.</summary>
public sealed record AuditSummary(
    int Children, long ListRowsRead, long ListRowsAudited, long ListRowsRejected, long HistoryRowsRejected,
    IReadOnlyDictionary<string, int> ByFinding, int PeopleWithFindings, TimeSpan Elapsed)
{
    /// <summary>Time of each phase (read, check, each file written): for the summary line and the bench.</summary>
    public Dictionary<string, TimeSpan> Phases { get; init; } = [];
}

/// <summary>
/// A finished audit: everyone audited (the list's order, then those missing from it), rejects and indicators.
/// </summary>
public sealed record AuditRun(
    LocalDate AsAt, ListFormat Format, IReadOnlyList<AuditPerson> People, IReadOnlyList<Reject> Rejects,
    IReadOnlyList<IndicatorRow> Indicators, Council? Council, AuditSummary Summary)
{
    public IEnumerable<AuditFinding> Findings => People.SelectMany(p => p.Findings);
}

/// <summary>
/// `localoffer audit`: reads the list and the care histories, audits every young person on the list and
/// every care leaver the histories give (<see cref="AuditCheck"/>), and counts the in-year indicators from
/// the list itself, benchmarked as `indicators` does. <see cref="Compute"/> writes nothing;
/// <see cref="AuditReportWriter"/> writes the report folder, all or none.
/// </summary>
public sealed class AuditRunner(RulesCore core, ListLabels labels, IndicatorDefinitions defs, DfeTables dfe)
{
    private const int ParallelChunk = 1024;

    public static AuditRunner LoadDefault(RulesCore core)
    {
        var defs = IndicatorDefinitions.LoadDefault();
        return new AuditRunner(core, ListLabels.LoadDefault(), defs, DfeTables.LoadDefault(defs));
    }

    public IndicatorDefinitions Definitions => defs;
    public DfeTables Dfe => dfe;

    /// <summary>The last day of the collection year (1 April to 31 March) holding <paramref name="d"/>.</summary>
    public static LocalDate CollectionYearEnd(LocalDate d) =>
        d <= new LocalDate(d.Year, 3, 31) ? new LocalDate(d.Year, 3, 31) : new LocalDate(d.Year + 1, 3, 31);

    public AuditRun Compute(AuditOptions o, IProgress<BatchProgress>? progress = null)
    {
        if (!DateLimits.InRange(o.AsAt)) throw new UnreadableInputException($"--as-at {DateLimits.OutOfRange(o.AsAt)}");
        var clock = Stopwatch.StartNew();
        var phases = new Dictionary<string, TimeSpan>();
        var council = o.La is null ? null : Council(o.La);
        var rejects = new List<Reject>();
        var histories = Load(o, rejects, progress);
        var historyRejects = rejects.Count;
        progress?.Report(new BatchProgress("reading the list", 0, 1));
        var source = o.ListSource ?? InputSource.File(o.List ?? throw new UnreadableInputException("no list given"));
        var activity = defs.Codes.For(CollectionYearEnd(o.AsAt));
        var list = ListCsvReader.Read(source, o.Format, labels, activity, o.AsAt, rejects);
        phases["read"] = clock.Elapsed;

        // Each list row meets its care history; a row with none, or whose date of birth differs, is rejected.
        var index = new Dictionary<string, int>(histories.Count, StringComparer.Ordinal);
        for (var i = 0; i < histories.Count; i++) index.TryAdd(histories.Id(i), i);
        var rowOf = new ListRow?[histories.Count];
        var kept = new List<ListRow>(list.Rows.Count);
        foreach (var row in list.Rows)
        {
            string? problem = null;
            var field = "child";
            if (!index.TryGetValue(row.Child, out var i))
                problem = "no care history for this young person in the inputs: give the returns (or documents) "
                    + "that hold their care, or correct the id";
            else if (row.DateOfBirth is { } dob && dob != histories.DateOfBirth(i))
                (problem, field) = ($"date of birth {dob:dd/MM/yyyy} differs from the care history's "
                    + $"{histories.DateOfBirth(i):dd/MM/yyyy}", "dob");
            if (problem is not null)
            {
                var (name, column) = row.Where(field);
                rejects.Add(new Reject(row.File, row.Line, column, name, row.Child, problem));
                list.RejectedChildren.Add(row.Child);
                continue;
            }
            rowOf[i] = row;
            kept.Add(row);
        }

        progress?.Report(new BatchProgress("auditing", 0, histories.Count));
        var check = new AuditCheck(core);
        var audited = new AuditPerson?[histories.Count];
        Parallel.For(0, (histories.Count + ParallelChunk - 1) / ParallelChunk, chunk =>
        {
            var end = Math.Min(histories.Count, (chunk + 1) * ParallelChunk);
            for (var i = chunk * ParallelChunk; i < end; i++)
            {
                // A young person whose list row was rejected is not reported missing: the reject says why.
                if (rowOf[i] is null && list.RejectedChildren.Contains(histories.Id(i))) continue;
                audited[i] = check.Check(histories, i, rowOf[i], o.AsAt);
            }
        });
        // The list's order (by line), then the care leavers missing from it in the histories' order.
        var people = audited.Where(p => p?.Row is not null).Select(p => p!).OrderBy(p => p.Row!.Line)
            .Concat(audited.Where(p => p is not null && p.Row is null).Select(p => p!)).ToList();
        phases["check"] = clock.Elapsed - phases["read"];

        var indicators = AuditIndicators.Build(people, defs, dfe, council);
        var byFinding = Findings.All.ToDictionary(f => f, f => people.Sum(p => p.Findings.Count(x => x.Finding == f)));
        var summary = new AuditSummary(histories.Count, list.RowsRead, kept.Count, list.RowsRead - kept.Count,
            historyRejects, byFinding, people.Count(p => p.Findings.Count > 0), clock.Elapsed) { Phases = phases };
        phases["count"] = clock.Elapsed - phases["read"] - phases["check"];
        return new AuditRun(o.AsAt, o.Format, people, rejects, indicators, council, summary);
    }

    /// <summary>The council for --la (three-digit code), or an error naming it.</summary>
    public Council Council(string la) =>
        dfe.Councils.TryGetValue(la.Trim(), out var c) ? c
            : throw new UnreadableInputException(
                $"--la: '{Printable.Clean(la, 20)}' is not a council code in the DfE statistical neighbour model "
                + "(three digits, e.g. 384 Wakefield)");

    /// <summary>The care histories, their rows rejected as `batch` (or `check`, for documents) rejects them.</summary>
    private CareHistories Load(AuditOptions o, List<Reject> rejects, IProgress<BatchProgress>? progress)
    {
        if (o.Documents is not null || o.HistoriesDir is not null)
        {
            var caseload = new CaseloadOptions(null, [], [], o.HistoriesDir, null, o.AsAt, 1)
                { Documents = o.Documents };
            return CareHistories.Of(new CaseloadRunner(core).Load(caseload, rejects));
        }
        var (cohort, builder) = new BatchRunner(core).Load(
            new BatchOptions(o.Header, o.Episodes, o.Xml, o.AsAt, o.Out) { Sources = o.Sources }, progress);
        rejects.AddRange(builder.Rejects);
        return CareHistories.Of(cohort);
    }
}
