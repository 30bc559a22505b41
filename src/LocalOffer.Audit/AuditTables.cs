using LocalOffer.Core.Engine;

namespace LocalOffer.Audit;

/// <summary>
/// A group of young people on the list (a team, an adviser): how many, how many with a finding, and each
/// finding's count.
/// </summary>
public sealed record AuditGroup(string Name, int People, int WithFindings, IReadOnlyDictionary<string, int> ByFinding);

/// <summary>
/// The report's tables, made once for the HTML page and the spreadsheet: counts by finding, by team and
/// by adviser; the category recorded against the category the law gives (a confusion matrix); and the
/// young people to look at first.
/// </summary>
public sealed class AuditTables
{
    /// <summary>The matrix's rows: each category recorded, none recorded, and not on the list.</summary>
    public static readonly string[] RecordedRows =
        ["eligible", "relevant", "former_relevant", "qualifying", "none", "not on the list"];

    /// <summary>The matrix's columns: the status the engine gives on the as-at date.</summary>
    public static readonly Status[] ComputedColumns =
        [Status.Eligible, Status.Relevant, Status.FormerRelevant, Status.Qualifying, Status.LookedAfter, Status.None];

    /// <summary>How many young people "to look at first" the report lists.</summary>
    public const int FirstLimit = 50;

    public const string NoTeam = "(no team recorded)";
    public const string NoAdviser = "(no adviser recorded)";

    public IReadOnlyList<AuditGroup> ByTeam { get; }
    public IReadOnlyList<AuditGroup> ByAdviser { get; }
    /// <summary>[recorded row, computed column] → young people.</summary>
    public int[,] Matrix { get; }
    public IReadOnlyList<AuditPerson> First { get; }

    public AuditTables(AuditRun run)
    {
        var listed = run.People.Where(p => p.Row is not null).ToList();
        ByTeam = Groups(listed, p => p.Row!.Team, NoTeam);
        ByAdviser = Groups(listed, p => p.Row!.Adviser, NoAdviser);
        Matrix = new int[RecordedRows.Length, ComputedColumns.Length];
        foreach (var p in run.People)
        {
            var r = Array.IndexOf(RecordedRows, p.Row is null ? "not on the list" : p.Row.RecordedCategory);
            var c = Array.IndexOf(ComputedColumns, p.Computed);
            Matrix[r, c]++;
        }
        First = run.People.Where(p => p.Weight > 0).OrderByDescending(p => p.Weight)
            .ThenByDescending(p => p.Findings.Count).Take(FirstLimit).ToList();
    }

    /// <summary>Groups by a name (blank gets <paramref name="none"/>), largest first, then by name.</summary>
    private static List<AuditGroup> Groups(IEnumerable<AuditPerson> people, Func<AuditPerson, string> key,
        string none) =>
        people.GroupBy(p => key(p).Length == 0 ? none : key(p), StringComparer.OrdinalIgnoreCase)
            .Select(g => new AuditGroup(g.Key, g.Count(), g.Count(p => p.Findings.Count > 0),
                Findings.All.ToDictionary(f => f, f => g.Sum(p => p.Findings.Count(x => x.Finding == f)))))
            .OrderByDescending(g => g.People).ThenBy(g => g.Name, StringComparer.OrdinalIgnoreCase).ToList();
}
