using LocalOffer.Batch.Caseload;
using LocalOffer.Batch.Input;
using NodaTime;

namespace LocalOffer.Batch.Tests;

/// <summary>
/// The caseload CSV may be the SSD's care_leavers table, whose review and contact dates are DATETIME: an
/// export writes "2026-01-31 00:00:00.000". They are read as the audit reads the same table (ListDate: the
/// time dropped, 1900-01-01 as none recorded). Before, every such row was rejected (20,459 of the synthetic
/// 100k return's extract), so no review or contact date reached the caseload.
/// </summary>
public sealed class CaseloadSsdDateTests
{
    private static readonly LocalDate AsAt = new(2026, 3, 31);

    private static Dictionary<string, (CaseloadExtras Extras, long Line)> Read(string text, List<Reject> rejects) =>
        CaseloadCsvReader.Read(InputSource.Bytes("care_leavers.csv", System.Text.Encoding.UTF8.GetBytes(text)), AsAt, rejects);

    private const string Header = "clea_person_id,clea_care_leaver_latest_contact,clea_pathway_plan_review_date,"
        + "clea_care_leaver_personal_advisor\n";

    [Theory]
    [InlineData("2026-01-31 00:00:00.000")]
    [InlineData("2026-01-31 00:00:00")]
    [InlineData("2026-01-31T00:00:00")]
    [InlineData("2026-01-31 14:05")]
    [InlineData("31/01/2026")]
    [InlineData("2026-01-31")]
    public void A_date_with_or_without_its_time_of_day_is_the_day(string text)
    {
        var rejects = new List<Reject>();
        var extras = Read(Header + $"C1,{text},{text},PA 1\n", rejects);
        rejects.Should().BeEmpty();
        extras["C1"].Extras.LastReview.Should().Be(new LocalDate(2026, 1, 31));
        extras["C1"].Extras.LastContact.Should().Be(new LocalDate(2026, 1, 31));
    }

    [Fact]
    public void The_ssd_none_date_is_none_recorded()
    {
        var rejects = new List<Reject>();
        var extras = Read(Header + "C1,1900-01-01 00:00:00.000,1900-01-01 00:00:00.000,PA 1\n", rejects);
        rejects.Should().BeEmpty();
        extras["C1"].Extras.LastReview.Should().BeNull();
        extras["C1"].Extras.LastContact.Should().BeNull();
    }

    [Theory]
    [InlineData("2026-01-31 25:00:00")]
    [InlineData("2026-01-31 00:00:00.")]
    [InlineData("2026-01-31 noon")]
    [InlineData("2026-01-31x00:00:00")]
    public void A_time_that_is_not_a_time_of_day_is_still_rejected(string text)
    {
        var rejects = new List<Reject>();
        var extras = Read(Header + $"C1,,{text},PA 1\n", rejects);
        extras.Should().BeEmpty();
        rejects.Single().Field.Should().Be("LAST_REVIEW");
    }
}
