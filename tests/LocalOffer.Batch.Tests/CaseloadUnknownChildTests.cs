using LocalOffer.Batch.Caseload;
using LocalOffer.Batch.Input;
using NodaTime;

namespace LocalOffer.Batch.Tests;

/// <summary>
/// A caseload CSV row naming nobody in the return is a reject (rows read = used + rejected), from a return as from
/// a folder of histories: the return's young people are known by the cohort's own index of children (issue 30: no
/// set of their ids made), so a child rejected from the return is unknown too, and a known one is listed.
/// </summary>
public sealed class CaseloadUnknownChildTests
{
    private static readonly LocalDate AsAt = new(2026, 3, 31);

    private static InputSource Text(string name, string text) =>
        InputSource.Bytes(name, System.Text.Encoding.UTF8.GetBytes(text));

    [Fact]
    public void A_row_for_a_child_not_in_the_return_is_rejected_and_the_others_are_used()
    {
        // C1 is 17 and looked after since 14: eligible, listed. C2's header row is rejected (no DOB), so unknown.
        var header = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nC1,1,01/06/2008,WBRI,,,\nC2,1,,WBRI,,,\n";
        var episodes = "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n"
            + "C1,01/06/2022,L,C2,N1,U1,PR1,,,,,,\n";
        var csv = "CHILD,ADVISER,TEAM,LAST_REVIEW\nC1,PA 1,North,2025-12-01\nC2,PA 2,North,\nC9,PA 3,South,\n";
        var o = new CaseloadOptions(null, [], [], null, null, AsAt, 60)
        {
            Sources = [(Text("header.csv", header), SsdaFileKind.Header), (Text("episodes.csv", episodes),
                SsdaFileKind.Episodes)],
            CaseloadSource = Text("caseload.csv", csv),
        };
        var r = new CaseloadRunner(SharedRules.Core).Run(o);
        r.Rejects.Where(x => x.File == "caseload.csv").Select(x => (x.Line, x.Child, x.Reason)).Should().BeEquivalentTo(
            [(3L, "C2", "no care history for this CHILD in the inputs"),
             (4L, "C9", "no care history for this CHILD in the inputs")]);
        r.Events.Should().NotBeEmpty().And.OnlyContain(e => e.Child == "C1" && e.Extras!.Adviser == "PA 1");
    }
}
