using System.Text;
using LocalOffer.Audit.Input;
using LocalOffer.Batch;
using LocalOffer.Batch.Input;
using LocalOffer.Core;
using NodaTime;

namespace LocalOffer.Audit.Tests;

/// <summary>
/// The rules core and runner, loaded once, and a set of hand-made care histories whose category on
/// 31 March 2026 is known from the law (care-leaver-law.md s.2), each written out below.
/// </summary>
public static class Fixture
{
    private static readonly Lazy<RulesCore> LazyCore = new(RulesCore.LoadDefault);
    private static readonly Lazy<AuditRunner> LazyRunner = new(() => AuditRunner.LoadDefault(Core));

    public static RulesCore Core => LazyCore.Value;
    public static AuditRunner Runner => LazyRunner.Value;

    public static readonly LocalDate AsAt = new(2026, 3, 31);

    // Who is who on 31 March 2026:
    //   FR    former relevant, aged 19: in care 13 to 18, care ended on the 18th birthday (s.23C(1)(b))
    //   REL   relevant, aged 17: in care from 13, left at 16 and 4 months (s.23A(2))
    //   ELIG  eligible, aged 16: in care from 14, 16 on 1 January 2026 (Sch 2 para 19B(2))
    //   QUAL  qualifying, aged 19: looked after 61 days at 16 (s.24(1B), (2)(a): under 13 weeks)
    //   LA    looked after, aged 10
    //   NEVER never looked after, aged 17
    //   FR22  former relevant, aged 22: in care 13 to 18 (adviser and plan on request from 21, s.23CZB)
    //   FR20  former relevant, aged 20 (left off the list to be missing from it)
    public const string Header = """
        CHILD,DOB
        FR,15/06/2006
        REL,15/06/2008
        ELIG,01/01/2010
        QUAL,20/02/2007
        LA,01/05/2015
        NEVER,01/02/2009
        FR22,10/10/2003
        FR20,10/10/2005
        """;

    public const string Episodes = """
        CHILD,DECOM,LS,PLACE,DEC,REC
        FR,20/06/2019,C2,U4,15/06/2024,E17
        REL,20/06/2021,C2,U4,15/10/2024,E5
        ELIG,01/01/2024,C2,U4,,
        QUAL,01/03/2023,V2,U4,01/05/2023,E4A
        LA,01/01/2020,C2,U4,,
        FR22,10/10/2016,C2,U4,10/10/2021,E5
        FR20,10/10/2018,C2,U4,10/10/2023,E5
        """;

    public const string AnnexAColumns =
        "ChildUniqueID,Gender,Ethnicity,DateOfBirth,Age,UASC,HasDisability,AllocatedTeam,AllocatedWorker,"
        + "AllocatedPersonalAdvisor,EligibilityCategory,LatestPathwayPlan,LAInTouch,LatestContact,TypeOfAccommodation,"
        + "SuitabilityOfAccommodation,ActivityStatus";

    /// <summary>
    /// A list 9 row as the Annex A script writes it; every field a young person with nothing wrong would have,
    /// overridden by name.
    /// </summary>
    public static string Row(string child, string dob, string category, string team = "Leaving care",
        string adviser = "Pat Adviser", string plan = "01/01/2026", string inTouch = "a) Yes",
        string contact = "01/03/2026", string accommodation = "U: Independent living",
        string suitability = "a) Suitable", string activity = "F1: Full time in higher education") =>
        string.Join(',', child, "a) Male", "a) WBRI", dob, "18", "b) No", "b) No", team, "Wendy Worker", adviser,
            category, plan, inTouch, contact, Quote(accommodation), Quote(suitability), Quote(activity));

    private static string Quote(string cell) => cell.Contains(',') ? $"\"{cell}\"" : cell;

    /// <summary>The list holding each of the known young people once, recorded right, with nothing missing.</summary>
    public static readonly string[] RightRows =
    [
        Row("FR", "15/06/2006", "b) Former relevant child"),
        Row("REL", "15/06/2008", "a) Relevant child"),
        Row("ELIG", "01/01/2010", "d) Eligible child", plan: "", accommodation: "", suitability: "", activity: ""),
        Row("QUAL", "20/02/2007", "c) Qualifying care leaver", adviser: "", plan: ""),
        Row("FR22", "10/10/2003", "b) Former relevant child"),
        Row("FR20", "10/10/2005", "b) Former relevant child"),
    ];

    public static AuditRun Run(string list, ListFormat format = ListFormat.AnnexA, string header = Header,
        string episodes = Episodes, LocalDate? asAt = null, string? la = null) =>
        Runner.Compute(new AuditOptions(format, null, null, [], [], null, asAt ?? AsAt, la, "unused")
        {
            ListSource = Source(format == ListFormat.AnnexA ? "list9.csv" : "ssd_care_leavers.csv", list),
            Sources = [(Source("header.csv", header), SsdaFileKind.Header), (Source("episodes.csv", episodes),
                SsdaFileKind.Episodes)],
        });

    public static AuditRun AnnexA(params string[] rows) => Run(string.Join('\n', rows.Prepend(AnnexAColumns)) + "\n");

    public static InputSource Source(string name, string text) => InputSource.Bytes(name, Encoding.UTF8.GetBytes(text));

    public static IEnumerable<AuditFinding> Of(this AuditRun run, string child) =>
        run.People.Where(p => p.Child == child).SelectMany(p => p.Findings);
}

/// <summary>A temporary folder, deleted afterwards.</summary>
public sealed class TempDir : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("localoffer-audit-").FullName;
    public string File(string name) => System.IO.Path.Combine(Path, name);
    public string Write(string name, string text)
    {
        var p = File(name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(p)!);
        System.IO.File.WriteAllText(p, text);
        return p;
    }
    public void Dispose() => Directory.Delete(Path, recursive: true);
}
