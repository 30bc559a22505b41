using LocalOffer.Audit.Input;
using static LocalOffer.Audit.Tests.Fixture;

namespace LocalOffer.Audit.Tests;

/// <summary>
/// Every form a list writes a value in is read to the same meaning: the Annex A script's lettered labels,
/// their words, the SSD's codes and words, in any case and spacing; dates dd/MM/yyyy, ISO, and DATETIME.
/// </summary>
public sealed class LabelTests
{
    private static ListRow Read(string category = "b) Former relevant child", string inTouch = "a) Yes",
        string accommodation = "U: Independent living", string suitability = "a) Suitable", string activity = "F1",
        string plan = "01/01/2026")
    {
        var run = AnnexA([.. RightRows.Skip(1), Row("FR", "15/06/2006", category, inTouch: inTouch,
            accommodation: accommodation,
            suitability: suitability, activity: activity, plan: plan)]);
        run.Rejects.Should().BeEmpty();
        return run.People.Single(p => p.Child == "FR").Row!;
    }

    [Theory]
    [InlineData("a) Relevant child", "relevant")]
    [InlineData("Relevant child", "relevant")]
    [InlineData("RELEVANT", "relevant")]
    [InlineData("b) Former relevant child", "former_relevant")]
    [InlineData("  b)   Former  Relevant  Child ", "former_relevant")]
    [InlineData("Former Relevant", "former_relevant")]
    [InlineData("former_relevant", "former_relevant")]
    [InlineData("c) Qualifying care leaver", "qualifying")]
    [InlineData("Qualifying", "qualifying")]
    [InlineData("d) Eligible child", "eligible")]
    [InlineData("eligible", "eligible")]
    [InlineData("No Current Eligibility", "none")]
    [InlineData("", "none")]
    public void Every_category_form(string cell, string status) => Read(category: cell).RecordedCategory.Should()
        .Be(status);

    [Theory]
    [InlineData("a) Yes", "YES")]
    [InlineData("YES", "YES")]
    [InlineData("y", "YES")]
    [InlineData("b) No", "NO")]
    [InlineData("N", "NO")]
    [InlineData("c) Died", "DIED")]
    [InlineData("d) Refu", "REFU")]
    [InlineData("Refused", "REFU")]
    [InlineData("e) NREQ", "NREQ")]
    [InlineData("Not Required", "NREQ")]
    [InlineData("f) Rhom", "RHOM")]
    [InlineData("Returned Home", "RHOM")]
    [InlineData("rhom", "RHOM")]
    [InlineData("", "")]
    public void Every_in_touch_form(string cell, string code) => Read(inTouch: cell).InTouch.Should().Be(code);

    [Theory]
    [InlineData("a) Suitable", "1")]
    [InlineData("1", "1")]
    [InlineData("Yes", "1")]
    [InlineData("b) Unsuitable", "2")]
    [InlineData("Not Suitable", "2")]
    [InlineData("2", "2")]
    [InlineData("N", "2")]
    public void Every_suitability_form(string cell, string code) => Read(suitability: cell).Suitability.Should()
        .Be(code);

    [Theory]
    [InlineData("B: Parents/relatives", "B")]
    [InlineData("B", "B")]
    [InlineData("z: With former foster carers", "Z")]
    [InlineData("D: Semi-independent, transitional accommodation and self-contained accommodation", "D")]
    public void Every_accommodation_form(string cell, string letter) =>
        Read(accommodation: cell).Accommodation.Should().Be(letter);

    [Theory]
    [InlineData("F1: Full time in higher education", "F1")]
    [InlineData("f1", "F1")]
    [InlineData("G6: Not in education, employment or training - pregnancy or parenting", "G6")]
    [InlineData("P5", "P5")]
    [InlineData("0", "0")]
    public void Every_activity_form(string cell, string code) => Read(activity: cell).Activity.Should().Be(code);

    [Theory]
    [InlineData("01/01/2026")]
    [InlineData("2026-01-01")]
    [InlineData("2026-01-01 00:00:00.000")]
    [InlineData("2026-01-01T09:30:00")]
    [InlineData("01/01/2026 00:00")]
    public void Every_date_form(string cell) => Read(plan: cell).Plan.Should().Be(new NodaTime.LocalDate(2026, 1, 1));

    [Fact]
    public void The_ssd_table_is_read_by_its_clea_columns_with_its_codes_and_datetimes()
    {
        var ssd = """
            clea_table_id,clea_person_id,clea_care_leaver_eligibility,clea_care_leaver_in_touch,clea_care_leaver_latest_contact,clea_care_leaver_accommodation,clea_care_leaver_accom_suitable,clea_care_leaver_activity,clea_pathway_plan_review_date,clea_care_leaver_personal_advisor,clea_care_leaver_allocated_team,clea_care_leaver_worker_id
            1,FR,Former Relevant,YES,2026-03-01 00:00:00.000,U,1,F1,2026-01-01 00:00:00.000,P17,Leaving care,W3
            2,REL,Relevant,NO,,S,2,G5,1900-01-01 00:00:00.000,,Leaving care,W3
            3,NEVER,No Current Eligibility,,,,,,,,,
            4,ELIG,Eligible,,,,,,,P17,Children in care,W4
            """ + "\n";
        var run = Run(ssd, ListFormat.Ssd);
        run.Rejects.Should().BeEmpty();
        run.Of("FR").Should().BeEmpty();
        run.Of("NEVER").Should().BeEmpty();
        run.Of("ELIG").Should().BeEmpty();
        var rel = run.Of("REL").Select(f => (f.Finding, f.Recorded)).ToList();
        // 1900-01-01 is the SSD extract's placeholder for no plan: read as none recorded.
        rel.Should().Equal((Findings.NoPersonalAdviser, ""), (Findings.PathwayPlanOverdue, ""),
            (Findings.NotInTouch, "NO"), (Findings.AccommodationUnsuitableOrUnknown, "S2"));
        // QUAL, FR22 and FR20 are care leavers the histories give and the table leaves out.
        run.Findings.Where(f => f.Finding == Findings.MissingFromList).Select(f => f.Child)
            .Should().Equal("QUAL", "FR22", "FR20");
    }
}
