using System.Globalization;
using System.Text;
using LocalOffer.Batch;
using LocalOffer.Core;
using LocalOffer.Core.Engine;
using LocalOffer.Core.Safety;
using NodaTime;

namespace LocalOffer.Audit.Synth;

/// <summary>
/// A synthetic care leaver list for a synthetic return (`synth`), in both forms the audit reads:
/// list9.csv (Annex A list 9, lettered labels, dd/MM/yyyy) and ssd_care_leavers.csv (the SSD's clea_*
/// columns, codes and DATETIME dates), holding the same young people with the same recording errors.
/// Who is on it: every young person the return's care histories make eligible, relevant, former relevant
/// or qualifying at the year end (the engine's answer, as `batch` gives it), in the return's order, plus
/// the deliberate errors below. The k-th care leaver (k from 0) is recorded right except:
/// <list type="bullet">
/// <item>k % 10 == 1: left off the list (missing_from_list);</item>
/// <item>k % 10 == 2: the wrong category: relevant and former relevant swapped, eligible and qualifying
/// recorded relevant (category_differs);</item>
/// <item>k % 10 == 3: no personal adviser, where one is owed or offered (no_personal_adviser);</item>
/// <item>k % 10 == 4: the latest pathway plan 8 months old, where a plan is owed (pathway_plan_overdue);</item>
/// <item>k % 10 == 5: recorded not in touch, where the council must keep in touch (not_in_touch);</item>
/// <item>k % 10 == 6: the latest contact 3 months old, where the council must keep in touch (contact_overdue);</item>
/// <item>k % 10 == 7: accommodation recorded unsuitable, for relevant and former relevant children
/// (accommodation_unsuitable_or_unknown);</item>
/// <item>k % 10 == 8: no activity recorded, for relevant and former relevant children (activity_unknown).</item>
/// </list>
/// An error whose duty the young person is not owed is not made (their row stays right), so every error
/// written is one finding and <see cref="Expected"/> counts them. Also on the list, as the SSD's guidance
/// would have it ("qualifying" for anyone aged 16 to 25 with under 13 weeks in care): every young person
/// aged 21 to 24 who was looked after after 16 but is no care leaver now, recorded "qualifying"
/// (not_a_care_leaver: s.24 ends at 21).
/// </summary>
public static class SyntheticLists
{
    public static readonly string[] Files = ["list9.csv", "ssd_care_leavers.csv"];

    /// <summary>What the audit of the lists should find, by construction (finding → count).</summary>
    public sealed record Expected(int OnList, IReadOnlyDictionary<string, int> Findings);

    private static readonly string[] Teams = ["Leaving Care North", "Leaving Care South", "Children in Care"];
    private static readonly string[] Activities = ["F1", "P1", "F2", "P2", "F4", "P4", "F5", "P5", "G4", "G5", "G6"];

    public static Expected Write(string directory, RulesCore core, LocalDate asAt)
    {
        var (cohort, _) = new BatchRunner(core).Load(new BatchOptions(Path.Combine(directory, "header.csv"),
            [Path.Combine(directory, "episodes.csv")], [], asAt, ""));
        var people = CareHistories.Of(cohort);
        var findings = Audit.Findings.All.ToDictionary(f => f, _ => 0);
        using var annexFile = AtomicFile.Create(Path.Combine(directory, Files[0]));
        using var ssdFile = AtomicFile.Create(Path.Combine(directory, Files[1]));
        var onList = 0;
        using (var annex = Writer(annexFile.Stream))
        using (var ssd = Writer(ssdFile.Stream))
        {
            annex.Write("ChildUniqueID,Gender,Ethnicity,DateOfBirth,Age,UASC,HasDisability,AllocatedTeam,"
                + "AllocatedWorker,AllocatedPersonalAdvisor,EligibilityCategory,LatestPathwayPlan,LAInTouch,"
                + "LatestContact,TypeOfAccommodation,SuitabilityOfAccommodation,ActivityStatus\n");
            ssd.Write("clea_table_id,clea_person_id,clea_care_leaver_eligibility,clea_care_leaver_in_touch,"
                + "clea_care_leaver_latest_contact,clea_care_leaver_accommodation,clea_care_leaver_accom_suitable,"
                + "clea_care_leaver_activity,clea_pathway_plan_review_date,clea_care_leaver_personal_advisor,"
                + "clea_care_leaver_allocated_team,clea_care_leaver_worker_id\n");
            var k = 0;
            for (var i = 0; i < people.Count; i++)
            {
                var dob = people.DateOfBirth(i);
                if (asAt < dob) continue;
                var c = people.Classify(core, i, asAt);
                var r = new Recorded(people.Id(i), dob, c.Age, c.Status);
                if (AuditPerson.IsCareLeaver(c.Status))
                {
                    if (!Err(k++, c, r, findings)) continue;
                }
                else if (c.Age is >= 21 and < 25 && c.Facts.DaysLookedAfterSince16 > 0)
                {
                    r.Category = Status.Qualifying;
                    findings[Audit.Findings.NotACareLeaver]++;
                }
                else continue;
                onList++;
                WriteAnnexA(annex, r, onList);
                WriteSsd(ssd, r, onList);
            }
        }
        annexFile.Commit();
        ssdFile.Commit();
        return new Expected(onList, findings);

        // The k-th care leaver's row with its deliberate error, if any; false: left off the list.
        bool Err(int n, Classification c, Recorded r, Dictionary<string, int> f)
        {
            var ids = c.EntitlementIds;
            var leaver = c.Status is Status.Relevant or Status.FormerRelevant;
            r.Team = Teams[n % Teams.Length];
            r.Adviser = $"PA {1 + n % 12}";
            r.Plan = asAt.PlusMonths(-2);
            r.Contact = asAt.PlusDays(-14);
            r.Activity = Activities[n % Activities.Length];
            void Found(string finding) => f[finding]++;
            switch (n % 10)
            {
                case 1:
                    Found(Audit.Findings.MissingFromList);
                    return false;
                case 2:
                    r.Category = c.Status == Status.Relevant ? Status.FormerRelevant : Status.Relevant;
                    Found(Audit.Findings.CategoryDiffers);
                    break;
                case 3 when ids.Contains(EntitlementIds.PersonalAdviser):
                    r.Adviser = "";
                    Found(Audit.Findings.NoPersonalAdviser);
                    break;
                case 4 when ids.Contains(EntitlementIds.PathwayPlan):
                    r.Plan = asAt.PlusMonths(-8);
                    Found(Audit.Findings.PathwayPlanOverdue);
                    break;
                case 5 when ids.Contains(EntitlementIds.KeepInTouch):
                    r.InTouch = false;
                    r.Contact = null;
                    Found(Audit.Findings.NotInTouch);
                    break;
                case 6 when ids.Contains(EntitlementIds.KeepInTouch):
                    r.Contact = asAt.PlusMonths(-3);
                    Found(Audit.Findings.ContactOverdue);
                    break;
                case 7 when leaver:
                    r.Suitable = false;
                    Found(Audit.Findings.AccommodationUnsuitableOrUnknown);
                    break;
                case 8 when leaver:
                    r.Activity = "";
                    Found(Audit.Findings.ActivityUnknown);
                    break;
            }
            return true;
        }
    }

    /// <summary>One young person's row as recorded (right unless an error was made).</summary>
    private sealed class Recorded(string child, LocalDate dob, int age, Status status)
    {
        public string Child { get; } = child;
        public LocalDate DateOfBirth { get; } = dob;
        public int Age { get; } = age;
        public Status? Category { get; set; } = status;
        public string Team { get; set; } = "Leaving Care North";
        public string Adviser { get; set; } = "";
        public LocalDate? Plan { get; set; }
        public bool InTouch { get; set; } = true;
        public LocalDate? Contact { get; set; }
        public bool Suitable { get; set; } = true;
        public string Activity { get; set; } = "";
    }

    private static readonly Dictionary<Status, string> AnnexLabels = new()
    {
        [Status.Relevant] = "a) Relevant child", [Status.FormerRelevant] = "b) Former relevant child",
        [Status.Qualifying] = "c) Qualifying care leaver", [Status.Eligible] = "d) Eligible child",
    };

    private static readonly Dictionary<Status, string> SsdWords = new()
    {
        [Status.Relevant] = "Relevant", [Status.FormerRelevant] = "Former Relevant",
        [Status.Qualifying] = "Qualifying", [Status.Eligible] = "Eligible",
    };

    private static void WriteAnnexA(StreamWriter w, Recorded r, int n)
    {
        var inCare = r.Category == Status.Eligible;
        w.Write(string.Join(',', r.Child, n % 2 == 0 ? "a) Male" : "b) Female", "a) WBRI", Dmy(r.DateOfBirth), r.Age,
            "b) No", "b) No", r.Team, $"SW {1 + n % 20}", r.Adviser, AnnexLabels[r.Category!.Value], Dmy(r.Plan),
            r.InTouch ? "a) Yes" : "b) No", Dmy(r.Contact), inCare ? "" : "U: Independent living",
            inCare ? "" : r.Suitable ? "a) Suitable" : "b) Unsuitable", r.Activity) + "\n");
    }

    private static void WriteSsd(StreamWriter w, Recorded r, int n)
    {
        var inCare = r.Category == Status.Eligible;
        w.Write(string.Join(',', n, r.Child, SsdWords[r.Category!.Value], r.InTouch ? "YES" : "NO", Stamp(r.Contact),
            inCare ? "" : "U", inCare ? "" : r.Suitable ? "1" : "2", r.Activity, Stamp(r.Plan), r.Adviser, r.Team,
            $"SW {1 + n % 20}") + "\n");
    }

    private static string Dmy(LocalDate? d) => d?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? "";
    private static string Stamp(LocalDate? d) =>
        d is { } x ? x.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " 00:00:00.000" : "";

    private static StreamWriter Writer(Stream stream) => new(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
}
