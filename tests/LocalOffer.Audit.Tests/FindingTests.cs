using static LocalOffer.Audit.Tests.Fixture;

namespace LocalOffer.Audit.Tests;

/// <summary>
/// Every finding on both sides, with hand-made lists: a record the law agrees with gives nothing, the
/// same record with one thing wrong gives that finding, with the engine's reason and the provisions.
/// </summary>
public sealed class FindingTests
{
    private static AuditRun With(string child, string row) =>
        AnnexA([.. RightRows.Where(r => !r.StartsWith(child + ",", StringComparison.Ordinal)), row]);

    [Fact]
    public void A_list_recorded_right_gives_no_finding()
    {
        var run = AnnexA(RightRows);
        run.Findings.Should().BeEmpty();
        run.Rejects.Should().BeEmpty();
        run.People.Select(p => (p.Child, p.Computed.ToString())).Should().Equal(
            ("FR", "FormerRelevant"), ("REL", "Relevant"), ("ELIG", "Eligible"), ("QUAL", "Qualifying"),
            ("FR22", "FormerRelevant"), ("FR20", "FormerRelevant"));
    }

    [Fact]
    public void Category_differs_says_since_when_what_changed_and_when_the_recorded_one_applied()
    {
        var f = With("FR", Row("FR", "15/06/2006", "a) Relevant child")).Of("FR").Single();
        f.Finding.Should().Be(Findings.CategoryDiffers);
        (f.Recorded, f.Computed).Should().Be(("relevant", "former_relevant"));
        f.Detail.Should()
            .StartWith("former relevant child (care leaver aged 18 to 25) since 15 June 2024 (18th birthday): ")
            .And.Contain("looked after until the 18th birthday")
            .And.EndWith("recorded relevant child (care leaver aged 16 or 17), which the care history never gives");
        f.Provisions.Should().Be("Children Act 1989 s.23C(1)(b)");

        // Relevant until 18, recorded so after: the recorded category's own dates are given.
        var rel = With("FR20", Row("FR20", "10/10/2005", "a) Relevant child")).Of("FR20").Single();
        rel.Detail.Should().Contain("since 10 October 2023 (18th birthday)");
    }

    [Fact]
    public void A_category_recorded_that_applied_once_is_dated()
    {
        // REL was eligible (16 on 15 June 2024) until care ended on 15 October 2024.
        var f = With("REL", Row("REL", "15/06/2008", "d) Eligible child")).Of("REL").Single();
        f.Detail.Should()
            .StartWith("relevant child (care leaver aged 16 or 17) since 15 October 2024 (care ended that day): ")
            .And.EndWith("which applied from 15 June 2024 until 14 October 2024");
        f.Provisions.Should().Contain("s.23A(2)");

        // Recorded early: REL is 18 on 15 June 2026, after the as-at date.
        var early = With("REL", Row("REL", "15/06/2008", "b) Former relevant child")).Of("REL").Single();
        early.Detail.Should().EndWith(
            "recorded former relevant child (care leaver aged 18 to 25), which the care history gives only "
            + "from 15 June 2026, "
            + "after the as-at date");
    }

    [Fact]
    public void No_category_recorded_for_a_care_leaver_differs_and_none_for_someone_else_is_right()
    {
        With("FR", Row("FR", "15/06/2006", "")).Of("FR").Single()
            .Should().Match<AuditFinding>(f => f.Finding == Findings.CategoryDiffers && f.Recorded == "none");
        AnnexA([.. RightRows, Row("NEVER", "01/02/2009", "", adviser: "")]).Of("NEVER").Should().BeEmpty();
    }

    [Fact]
    public void Not_a_care_leaver_gives_the_engines_reason()
    {
        var run = AnnexA([.. RightRows, Row("NEVER", "01/02/2009", "a) Relevant child"), Row("LA", "01/05/2015",
            "d) Eligible child")]);
        var never = run.Of("NEVER").Single();
        (never.Finding, never.Recorded, never.Computed).Should().Be((Findings.NotACareLeaver, "relevant", "none"));
        never.Detail.Should()
            .StartWith("not a care leaver on 31 March 2026 (no episode of care in the care histories): ");
        var la = run.Of("LA").Single();
        (la.Finding, la.Computed).Should().Be((Findings.NotACareLeaver, "looked_after"));
        la.Detail.Should().Contain("looked after (in care) on 31 March 2026: ")
            .And.EndWith("recorded eligible child (in care, aged 16 or 17)");
        la.Provisions.Should().Contain("s.22(1)");
    }

    [Fact]
    public void Missing_from_list_is_every_care_leaver_the_histories_give_and_no_one_else()
    {
        var run = AnnexA(RightRows.Where(r => !r.StartsWith("FR20,", StringComparison.Ordinal)).ToArray());
        var f = run.Findings.Single();
        (f.Child, f.Finding, f.Recorded, f.Computed).Should().Be(("FR20", Findings.MissingFromList, "",
            "former_relevant"));
        f.Detail.Should()
            .StartWith("former relevant child (care leaver aged 18 to 25) since 10 October 2023 (18th birthday)")
            .And.EndWith("; not on the list");
        // Looked after (LA) and never looked after (NEVER) are not on the list and are not missing from it.
        run.People.Should().NotContain(p => p.Child == "LA" || p.Child == "NEVER");
    }

    [Fact]
    public void No_personal_adviser_where_one_is_owed_or_offered_on_request_from_21_and_not_where_none_is()
    {
        var owed = With("REL", Row("REL", "15/06/2008", "a) Relevant child", adviser: "")).Of("REL").Single();
        (owed.Finding, owed.Computed).Should().Be((Findings.NoPersonalAdviser, "owed"));
        owed.Detail.Should().Be("no personal adviser recorded; one is owed");
        owed.Provisions.Should().Be("Children Act 1989 s.23B(2)");

        var asked = With("FR22", Row("FR22", "10/10/2003", "b) Former relevant child", adviser: "")).Of("FR22")
            .Single();
        (asked.Finding, asked.Computed).Should().Be((Findings.NoPersonalAdviser, Findings.OnRequest));
        asked.Detail.Should().Contain("from 21 the council must offer one and appoint one if the young person asks");
        asked.Provisions.Should().Be("Children Act 1989 s.23CZB");

        // A qualifying care leaver is owed no adviser (QUAL's row has none): no finding.
        AnnexA(RightRows).Of("QUAL").Should().BeEmpty();
    }

    [Fact]
    public void Pathway_plan_overdue_after_six_months_and_not_on_the_day()
    {
        // As at 31 March 2026: a review on 30 September 2025 is due by 30 March 2026, a day before: overdue.
        var late = With("FR", Row("FR", "15/06/2006", "b) Former relevant child", plan: "30/09/2025")).Of("FR")
            .Single();
        (late.Finding, late.Recorded, late.Computed).Should().Be((Findings.PathwayPlanOverdue, "2025-09-30",
            "2026-03-30"));
        late.Detail.Should().Contain("1 days before the as-at date").And.Contain("at most 6 months apart");
        late.Provisions.Should()
            .StartWith("Care Planning, Placement and Case Review (England) Regulations 2010 reg 43(1); "
            + "Care Leavers (England) Regulations 2010 reg 7(1)").And.Contain("s.23C(3)(b)");
        With("FR", Row("FR", "15/06/2006", "b) Former relevant child", plan: "01/10/2025")).Of("FR").Should().BeEmpty();

        var none = With("REL", Row("REL", "15/06/2008", "a) Relevant child", plan: "")).Of("REL").Single();
        (none.Finding, none.Recorded).Should().Be((Findings.PathwayPlanOverdue, ""));
        none.Detail.Should().Be("no pathway plan recorded; one has been owed since 15 June 2024");
        // ELIG became eligible on 1 January 2026: the assessment (and so the plan) is due by 1 April 2026.
        AnnexA(RightRows).Of("ELIG").Should().BeEmpty();
        Run(string.Join('\n', RightRows.Prepend(AnnexAColumns)) + "\n", asAt: new NodaTime.LocalDate(2026, 4, 2))
            .Of("ELIG").Single().Finding.Should().Be(Findings.PathwayPlanOverdue);
    }

    [Fact]
    public void A_review_exactly_six_months_before_is_not_overdue()
    {
        // As at 30 March 2026, a review on 30 September 2025 is due that day: not yet overdue.
        var rows = RightRows.Skip(1).Prepend(Row("FR", "15/06/2006", "b) Former relevant child", plan: "30/09/2025"));
        Run(string.Join('\n', rows.Prepend(AnnexAColumns)) + "\n", asAt: new NodaTime.LocalDate(2026, 3, 30))
            .Of("FR").Should().BeEmpty();
    }

    [Fact]
    public void Not_in_touch_where_the_council_must_keep_in_touch_and_not_for_a_child_in_care()
    {
        var no = With("FR", Row("FR", "15/06/2006", "b) Former relevant child", inTouch: "b) No", contact: ""))
            .Of("FR").Single();
        (no.Finding, no.Recorded).Should().Be((Findings.NotInTouch, "NO"));
        no.Provisions.Should().Be("Children Act 1989 s.23C(2)");
        With("QUAL", Row("QUAL", "20/02/2007", "c) Qualifying care leaver", adviser: "", plan: "", inTouch: "b) No",
            contact: ""))
            .Of("QUAL").Single().Provisions.Should().Be("Children Act 1989 s.24(4)");
        // An eligible child is looked after: visited under the care plan, not kept in touch with as a care leaver.
        With("ELIG", Row("ELIG", "01/01/2010", "d) Eligible child", plan: "", inTouch: "b) No", contact: "",
            accommodation: "", suitability: "", activity: "")).Of("ELIG").Should().BeEmpty();
        // Beyond 21, only while a programme of education or training continues (s.23C(7)): FR22 has none.
        With("FR22", Row("FR22", "10/10/2003", "b) Former relevant child", inTouch: "b) No", contact: ""))
            .Of("FR22").Should().BeEmpty();
        var blank = With("REL", Row("REL", "15/06/2008", "a) Relevant child", inTouch: "")).Of("REL").Single();
        (blank.Finding, blank.Recorded).Should().Be((Findings.NotInTouch, ""));
        blank.Detail.Should().StartWith("in touch not recorded");
    }

    [Fact]
    public void Contact_over_two_months_old_is_reported_with_its_age_and_what_the_law_says()
    {
        // Two months before 31 March 2026 is 31 January: contact then is not overdue, on 30 January it is.
        With("FR", Row("FR", "15/06/2006", "b) Former relevant child", contact: "31/01/2026")).Of("FR").Should()
            .BeEmpty();
        var late = With("FR", Row("FR", "15/06/2006", "b) Former relevant child", contact: "30/01/2026")).Of("FR")
            .Single();
        (late.Finding, late.Recorded, late.Computed).Should().Be((Findings.ContactOverdue, "2026-01-30", "60 days"));
        late.Detail.Should()
            .StartWith("latest contact 30 January 2026, 60 days before the as-at date. The one interval the law sets")
            .And.Contain("where the council provides the accommodation")
                .And.Contain("no other interval of contact was found in statute or statutory guidance");
        late.Provisions.Should().Be("Care Leavers (England) Regulations 2010 reg 8(2); Children Act 1989 s.23C(2)");
        var none = With("REL", Row("REL", "15/06/2008", "a) Relevant child", contact: "")).Of("REL").Single();
        (none.Finding, none.Computed).Should().Be((Findings.ContactOverdue, "none"));
    }

    [Theory]
    [InlineData("U: Independent living", "b) Unsuitable", "U2", "unsuitable")]
    [InlineData("S: No fixed abode / homeless", "a) Suitable", "S1", "unsuitable")]
    [InlineData("X: In custody", "", "X", "unsuitable")]
    [InlineData("R: Residence not known", "", "R", "not known")]
    [InlineData("", "", "", "not known")]
    [InlineData("U: Independent living", "", "U", "not known")]
    public void Accommodation_unsuitable_or_unknown(string type, string suitability, string recorded, string computed)
    {
        var f = With("REL", Row("REL", "15/06/2008", "a) Relevant child", accommodation: type,
            suitability: suitability))
            .Of("REL").Single();
        (f.Finding, f.Recorded, f.Computed).Should().Be((Findings.AccommodationUnsuitableOrUnknown, recorded,
            computed));
        f.Provisions.Should().Be("Children Act 1989 s.23B(8); Care Leavers (England) Regulations 2010 reg 9");
    }

    [Theory]
    [InlineData("U: Independent living", "a) Suitable")]
    [InlineData("Z: With former foster carers", "a) Suitable")]
    [InlineData("G: Abroad", "")]
    [InlineData("H: Deported", "")]
    public void Accommodation_suitable_or_not_judged_is_no_finding(string type, string suitability) =>
        With("FR", Row("FR", "15/06/2006", "b) Former relevant child", accommodation: type, suitability: suitability))
            .Of("FR").Should().BeEmpty();

    [Fact]
    public void Accommodation_of_a_former_relevant_child_cites_the_assistance_their_welfare_requires()
    {
        var f = With("FR", Row("FR", "15/06/2006", "b) Former relevant child", suitability: "b) Unsuitable"))
            .Of("FR").Single();
        f.Provisions.Should().Be("Children Act 1989 s.23C(4)");
        // Died or returned home: neither accommodation nor activity is asked for.
        With("FR", Row("FR", "15/06/2006", "b) Former relevant child", inTouch: "f) Rhom", accommodation: "",
            suitability: "",
            activity: "")).Of("FR").Should().BeEmpty();
    }

    [Fact]
    public void Activity_unknown_when_blank_or_0_and_not_for_a_child_in_care()
    {
        var blank = With("FR", Row("FR", "15/06/2006", "b) Former relevant child", activity: "")).Of("FR").Single();
        (blank.Finding, blank.Recorded).Should().Be((Findings.ActivityUnknown, ""));
        blank.Provisions.Should().Contain("s.23C(4)");
        With("FR", Row("FR", "15/06/2006", "b) Former relevant child", activity: "0")).Of("FR").Single()
            .Finding.Should().Be(Findings.ActivityUnknown);
        With("FR", Row("FR", "15/06/2006", "b) Former relevant child", activity: "G5")).Of("FR").Should().BeEmpty();
        AnnexA(RightRows).Of("ELIG").Should().BeEmpty("an eligible child is in care: no activity is asked for");
    }

    [Fact]
    public void Each_young_person_is_audited_once_whatever_the_order_of_the_list()
    {
        var run = AnnexA([.. RightRows.Reverse()]);
        run.People.Select(p => p.Child).Should().Equal(RightRows.Reverse().Select(r => r.Split(',')[0]));
    }
}
