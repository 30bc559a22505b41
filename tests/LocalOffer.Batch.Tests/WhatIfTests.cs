using System.Globalization;
using LocalOffer.Core;
using LocalOffer.Core.Rules;
using LocalOffer.WhatIf;
using NodaTime;

namespace LocalOffer.Batch.Tests;

/// <summary>
/// `whatif` on hand-made cohorts whose counts were worked out by hand, month by month (issue 32): staying close
/// commenced (every former relevant young person under 25 on each month-end from commencement), a change of amount
/// (a payment once and a yearly one), and no change at all (nothing differs, by construction, and here by count).
/// </summary>
public sealed class WhatIfTests
{
    private static readonly RulesCore Core = RulesCore.LoadDefault();
    private static readonly LocalDate AsAt = new(2027, 1, 15); // month-ends 31 January to 31 December 2027

    private static string Doc(string id, string dob, string episodes, string more = "") =>
        $$"""{ "id": "{{id}}", "dateOfBirth": "{{dob}}", "episodes": [ {{episodes}} ]{{more}} }""";

    private static string Ep(string start, string? end, string rec = "E17", string placement = "K2") =>
        $$"""{ "start": "{{start}}", "end": {{(end is null ? "null" : $"\"{end}\"")}}, "legalStatus": "C2", "placement": "{{placement}}", "reasonEnded": {{(end is null ? "null" : $"\"{rec}\"")}} }""";

    /// <summary>
    /// P1 former relevant until 25 on 10 August 2027; P2 relevant, 18 (former relevant) on 20 October 2027; P3 in
    /// care, 18 on 30 June 2027 (a month-end); P4 former relevant until 2030; P5 care ended before 16; P6 25 on
    /// 31 January 2027 (the first month-end); P7 qualifying, never former relevant.
    /// </summary>
    private static readonly (string Name, string Json)[] StayingCloseCohort =
    [
        ("p1.json", Doc("P1", "2002-08-10", Ep("2016-09-01", "2020-08-10"))),
        ("p2.json", Doc("P2", "2009-10-20", Ep("2023-01-05", "2025-12-01", "E5"))),
        ("p3.json", Doc("P3", "2009-06-30", Ep("2022-03-01", null))),
        ("p4.json", Doc("P4", "2005-03-15", Ep("2019-05-01", "2023-03-15"))),
        ("p5.json", Doc("P5", "2012-02-01", Ep("2020-01-01", "2021-06-01", "E4A"))),
        ("p6.json", Doc("P6", "2002-01-31", Ep("2016-03-01", "2020-01-31"))),
        ("p7.json", Doc("P7", "2008-05-05", Ep("2024-06-01", "2024-07-01", "E4A"))),
    ];

    private static WhatIfResult Run((string, string)[] docs, string[] sets, string[]? costs = null, int months = 12) =>
        new WhatIfRunner(Core).Compute(new WhatIfOptions(null, [], [], null, null, sets, AsAt, months, costs ?? [], "unused")
            { Documents = docs });

    private static WhatIfRow[] Rows(WhatIfResult r, string entitlement) =>
        r.Rows.Where(x => x.Entitlement == entitlement).OrderBy(x => x.MonthEnd).ToArray();

    [Fact]
    public void Staying_close_counts_every_former_relevant_young_person_under_25_on_each_month_end_from_commencement()
    {
        var r = Run(StayingCloseCohort, ["commencement.staying_close=2027-04-01"], ["staying-close=2400/yr"]);
        r.Horizon.MonthEnds.Should().HaveCount(12);
        r.Horizon.MonthEnds[0].Should().Be(new LocalDate(2027, 1, 31));
        r.Horizon.MonthEnds[^1].Should().Be(new LocalDate(2027, 12, 31));
        var rows = Rows(r, "staying-close");
        // By hand: April-May P1, P4; June-July P1, P3 (18 on 30 June), P4; August-September P3, P4 (P1 is 25 on
        // 10 August); October-December P2 (18 on 20 October), P3, P4. Nobody before April; P5, P6, P7 never.
        long[] expected = [0, 0, 0, 2, 2, 3, 3, 2, 2, 3, 3, 3];
        rows.Select(x => x.Changed).Should().Equal(expected);
        rows.Select(x => x.Gained).Should().Equal(expected);
        rows.Select(x => x.Baseline).Should().OnlyContain(n => n == 0, "staying close has no date as the law stands");
        rows.Select(x => x.Lost).Should().OnlyContain(n => n == 0);
        // 2,400 a year is 200 a month-end for each young person entitled.
        rows.Select(x => x.Cost).Should().Equal(expected.Select(n => (decimal?)(n * 200m)));
        r.Gainers.Select(g => (g.Child, g.FirstMonthEnd.ToString("yyyy-MM-dd", null), g.MonthEnds)).Should().BeEquivalentTo(new[]
        {
            ("P1", "2027-04-30", 4), ("P4", "2027-04-30", 9), ("P3", "2027-06-30", 7), ("P2", "2027-10-31", 3),
        }, o => o.WithStrictOrdering());
        r.Rows.Where(x => x.Entitlement != "staying-close").Should()
            .OnlyContain(x => x.Baseline == x.Changed && x.Gained == 0 && x.Lost == 0, "only staying close is changed");
    }

    /// <summary>
    /// P9 starts higher education on 20 September 2027 (after the new amount's date), P10 on 10 February 2027
    /// (before it); P11 is in care and in further education from 1 September 2026, 16 on 31 August 2026 and 17 on
    /// 31 August 2027 (the 16-19 bursary's academic year begins on 1 August).
    /// </summary>
    private static readonly (string Name, string Json)[] AmountCohort =
    [
        ("p9.json", Doc("P9", "2008-06-15", Ep("2022-01-10", "2026-06-15"),
            """, "education": [ { "start": "2027-09-20", "kind": "higherEducation" } ]""")),
        ("p10.json", Doc("P10", "2008-01-20", Ep("2021-11-01", "2026-01-20"),
            """, "education": [ { "start": "2027-02-10", "kind": "higherEducation" } ]""")),
        ("p11.json", Doc("P11", "2010-03-01", Ep("2023-01-01", null),
            """, "education": [ { "start": "2026-09-01", "kind": "furtherEducation" } ]""")),
    ];

    [Fact]
    public void A_change_of_amount_changes_the_cost_and_no_count()
    {
        var r = Run(AmountCohort,
            ["amounts.higher_education_bursary=3000@2027-09-01", "amounts.bursary_16_19=1500@2027-08-01"]);
        r.Rows.Should().OnlyContain(x => x.Baseline == x.Changed && x.Gained == 0 && x.Lost == 0, "an amount moves no one");
        var he = Rows(r, "higher-education-bursary");
        // P10 from February, P9 from September, under both laws.
        he.Select(x => x.Changed).Should().Equal(0L, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2);
        // Paid once, in the month the course starts: P10's 2,000 in February under both laws (no difference);
        // P9's 3,000 against 2,000 in September.
        he.Select(x => x.Cost).Should().Equal(Enumerable.Range(1, 12).Select(m => (decimal?)(m == 9 ? 1000m : 0m)));
        var bursary = Rows(r, "bursary-16-19");
        bursary.Select(x => x.Changed).Should().OnlyContain(n => n == 1);
        // A year's amount a twelfth a month, by the academic year's start (1 August): 1,200 under both laws to July
        // (the year that began 1 August 2026), then 1,500 against 1,200 for the year from 1 August 2027: 25 a month.
        bursary.Select(x => x.Cost).Should().Equal(Enumerable.Range(1, 12).Select(m => (decimal?)(m >= 8 ? 25m : 0m)));
        Rows(r, "staying-close").Select(x => x.Cost).Should().OnlyContain(c => c == null, "no amount and no unit cost given");
        r.Gainers.Should().BeEmpty();
    }

    [Fact]
    public void With_no_change_nothing_differs_on_any_month_end()
    {
        var samples = Directory.GetFiles(Path.Combine(TestData.RepoRoot(), "samples", "young-people"), "*.json")
            .Select(f => (Path.GetFileName(f), File.ReadAllText(f)));
        var r = Run([.. StayingCloseCohort, .. AmountCohort, .. samples], [], ["staying-close=2400/yr"], months: 60);
        r.YoungPeople.Should().BeGreaterThan(30);
        r.Rows.Should().HaveCount(60 * Core.Law.Entitlements.Ids.Count);
        r.Rows.Should().OnlyContain(x => x.Baseline == x.Changed && x.Gained == 0 && x.Lost == 0 && (x.Cost ?? 0) == 0);
        r.Rows.Sum(x => x.Baseline).Should().BeGreaterThan(1000, "the cohort is entitled to things, the same under both");
        r.Gainers.Should().BeEmpty();
        r.Changes.Should().BeEmpty();
    }

    /// <summary>
    /// The month counts come from each young person's whole runs (as `check` makes them); the batch decides one day
    /// at a time by other code (short cuts, the day context). On every month-end, under both laws, they agree.
    /// </summary>
    [Fact]
    public void Each_month_end_holds_what_the_batch_classification_gives_that_day_under_both_laws()
    {
        var samples = Directory.GetFiles(Path.Combine(TestData.RepoRoot(), "samples", "young-people"), "*.json")
            .Select(f => Core.Reader.ReadFile(f).History).Where(h => h is not null).Select(h => h!);
        var hand = StayingCloseCohort.Concat(AmountCohort).Select(d => Core.Reader.Read(d.Json).History!);
        var law = ParameterOverrides.Apply(Core.Law, ["commencement.staying_close=2027-04-01",
            "commencement.intentionally_homeless_protection=2027-09-01", "amounts.bursary_16_19=1500@2027-09-01"]);
        var ids = Core.Law.Entitlements.Ids;
        var index = ids.Select((id, k) => (id, k)).ToDictionary(x => x.id, x => x.k);
        var horizon = new Horizon(new LocalDate(2026, 1, 10), 36);
        foreach (var engine in new[] { Core.Engine, new Core.Engine.CareLeaverEngine(law, Core.Codes) })
        {
            var months = new PersonMonths(horizon, index, new UnitCost?[ids.Count]);
            var checkedDays = 0;
            foreach (var h in samples.Concat(hand))
            {
                months.Fill(engine, h);
                for (var m = 0; m < horizon.MonthEnds.Count; m++)
                {
                    var d = horizon.MonthEnds[m];
                    if (d < h.DateOfBirth) continue;
                    var held = ids.Where((_, k) => (months.Entitled[m] & (1 << k)) != 0).Order(StringComparer.Ordinal);
                    held.Should().Equal(engine.Classify(h, d).EntitlementIds.Order(StringComparer.Ordinal), $"{h.Id} on {d}");
                    checkedDays++;
                }
            }
            checkedDays.Should().BeGreaterThan(1000);
        }
    }

    [Fact]
    public void Gainers_carry_the_adviser_from_the_caseload_file_and_whatif_csv_has_one_row_per_month_end_and_entitlement()
    {
        using var dir = new TempDir();
        var caseload = dir.File("caseload.csv");
        File.WriteAllText(caseload, "CHILD,ADVISER,TEAM\nP1,=Sam Smith,North\nP3,Ali,South\nNOBODY,Jo,East\n");
        var o = new WhatIfOptions(null, [], [], null, caseload, ["commencement.staying_close=2027-04-01"], AsAt, 12, [],
            dir.File("out")) { Documents = StayingCloseCohort };
        var r = new WhatIfRunner(Core).Compute(o);
        r.Gainers.Single(g => g.Child == "P1").Adviser.Should().Be("=Sam Smith");
        r.Gainers.Single(g => g.Child == "P3").Team.Should().Be("South");
        r.Gainers.Single(g => g.Child == "P4").Adviser.Should().BeNull();
        r.Rejects.Should().ContainSingle(x => x.Reason.Contains("no care history for this CHILD"), "rows read = used + rejected");
        WhatIfFolder.Check(o);
        WhatIfFolder.Write(r, o, Offers.Render.TemplateSet.LoadDefault(), Core.Law.Entitlements);
        var lines = File.ReadAllLines(Path.Combine(o.Out, "whatif.csv"));
        lines[0].Should().Be("month_end,entitlement,baseline,changed,gained,lost,cost");
        lines.Should().HaveCount(1 + 12 * Core.Law.Entitlements.Ids.Count);
        lines.Should().Contain("2027-06-30,staying-close,0,3,3,0,");
        var gainers = File.ReadAllLines(Path.Combine(o.Out, "gainers.csv"));
        gainers[0].Should().Be("CHILD,entitlement,first_month_end,month_ends,adviser,team");
        gainers.Should().Contain("P1,staying-close,2027-04-30,4,'=Sam Smith,North", "a formula in an input is made text");
        File.ReadAllText(Path.Combine(o.Out, "index.html")).Should().Contain("Staying close support").And.Contain("<svg")
            .And.NotContain("=Sam Smith<", "the adviser is escaped where shown").And.Contain("Ali");
        File.Exists(Path.Combine(o.Out, WhatIfFolder.Marker)).Should().BeTrue();
    }

    [Theory]
    [InlineData("24m", 24)]
    [InlineData("24", 24)]
    [InlineData("2y", 24)]
    [InlineData("300m", 300)]
    [InlineData("301m", null)]
    [InlineData("26y", null)]
    [InlineData("0m", null)]
    [InlineData("-3m", null)]
    [InlineData("m", null)]
    [InlineData("1.5y", null)]
    public void The_horizon_is_read_in_months_or_years(string text, int? months) =>
        Horizon.ParseMonths(text).Should().Be(months);

    [Theory]
    [InlineData("staying-close=2500/yr", 2500 / 12.0)]
    [InlineData("staying-close=£2,500/year", 2500 / 12.0)]
    [InlineData("staying-close=200/month", 200)]
    [InlineData("staying-close=60/week", 60 * 52 / 12.0)]
    public void A_unit_cost_is_a_twelfth_of_a_year_a_month(string text, double perMonth) =>
        ((double)UnitCost.Parse(text, Core.Law.Entitlements).PerMonth).Should().BeApproximately(perMonth, 1e-9);

    [Theory]
    [InlineData("staying_close=2500/yr", "no entitlement 'staying_close'")]
    [InlineData("staying-close=2500", "must be ENTITLEMENT=AMOUNT/yr")]
    [InlineData("staying-close=2500/fortnight", "the period after / must be yr, month or week")]
    [InlineData("staying-close=-5/yr", "must be an amount in pounds")]
    [InlineData("staying-close=1e9/yr", "must be an amount in pounds")]
    [InlineData("staying-close=20000000/yr", "must be an amount in pounds")]
    [InlineData("staying-close=12.345/yr", "must be an amount in pounds")]
    public void A_unit_cost_that_cannot_be_read_is_refused_saying_why(string text, string words)
    {
        var act = () => UnitCost.Parse(text, Core.Law.Entitlements);
        act.Should().Throw<FormatException>().Which.Message.Should().Contain(words).And.StartWith("--cost ");
    }

    [Fact]
    public void The_command_writes_the_report_and_refuses_a_change_the_rule_files_would_refuse_before_reading_anything()
    {
        using var dir = new TempDir();
        var histories = dir.File("histories");
        Directory.CreateDirectory(histories);
        foreach (var (name, json) in StayingCloseCohort) File.WriteAllText(Path.Combine(histories, name), json);
        var root = new System.CommandLine.RootCommand { LocalOffer.Cli.Commands.WhatIfCommand.Create() };
        var (o, e) = (new StringWriter(), new StringWriter());
        var outDir = dir.File("report");
        var code = LocalOffer.Cli.CliRunner.RunAsync(root, ["whatif", "--set", "ages.adult=15", "--histories", histories,
            "--as-at", "2027-01-15", "--out", outDir], o, e).GetAwaiter().GetResult();
        code.Should().Be(2);
        e.ToString().Should().Contain("--set ages.adult=15: refused, as in a rule file: ages.adult: 15 must be later than " +
            "ages.eligible_from (16)");
        Directory.Exists(outDir).Should().BeFalse("nothing is written");

        e = new StringWriter();
        code = LocalOffer.Cli.CliRunner.RunAsync(root, ["whatif", "--set", "commencement.staying_close=2027-04-01",
            "--histories", histories, "--as-at", "2027-01-15", "--horizon", "12m", "--cost", "staying-close=2400/yr",
            "--out", outDir], o, e).GetAwaiter().GetResult();
        code.Should().Be(0, e.ToString());
        e.ToString().Should().Contain("staying-close on 2027-12-31: 0 -> 3 (gain 3, lose 0)");
        foreach (var f in WhatIfFolder.OutputFiles) File.Exists(Path.Combine(outDir, f)).Should().BeTrue(f);
        File.ReadAllLines(Path.Combine(outDir, "whatif.csv")).Should().Contain("2027-06-30,staying-close,0,3,3,0,600.00");

        e = new StringWriter();
        code = LocalOffer.Cli.CliRunner.RunAsync(root, ["whatif", "--histories", histories, "--as-at", "2027-01-15",
            "--horizon", "40y", "--out", outDir], o, e).GetAwaiter().GetResult();
        code.Should().Be(2);
        e.ToString().Should().Contain("--horizon: '40y' must be 1 to 300 months");
    }

    [Fact]
    public void With_s8_dated_each_councils_offer_is_listed_with_the_items_it_lacks_required_from_that_date()
    {
        var offers = Offers.Policy.OfferCatalog.LoadDefault(Core);
        var o = new WhatIfOptions(null, [], [], null, null, ["local_offer.cwsa_2026_s8_areas=2027-04-01"], AsAt, 12, [], "unused")
            { Documents = StayingCloseCohort };
        var r = new WhatIfRunner(Core, offers).Compute(o);
        r.LocalOffers.Should().NotBeEmpty().And.OnlyContain(g => g.RequiredFrom == new LocalDate(2027, 4, 1));
        r.LocalOffers.Select(g => g.Council).Distinct().Should().BeEquivalentTo(offers.Councils.Select(c => c.Id),
            "no council's offer yet says how it helps care leavers find a home on release from custody");
        // The same measure as lint, council by council, on the day s.8 begins.
        var law = ParameterOverrides.Apply(Core.Law, o.Sets);
        foreach (var c in offers.Councils)
            r.LocalOffers.Where(g => g.Council == c.Id).Select(g => g.Topic).Should().BeEquivalentTo(
                Offers.Lint.ComplianceReport.For(c, new LocalDate(2027, 4, 1), law).Where(f => f.Message.Contains("CWSA 2026 s.8"))
                    .Select(f => Offers.Policy.OfferVocabulary.Topics.Single(t => f.Message.Contains($"'{t.Value}'")).Key), c.Id);
        r.LocalOffers.Where(g => g.Council == "wirral").Select(g => g.Topic).Should().NotContain("transition",
            "Wirral's offer has an item on transition to adulthood");
        r.Rows.Should().OnlyContain(x => x.Gained == 0 && x.Lost == 0, "s.8 is about offers, not young people's entitlements");
        new WhatIfRunner(Core, offers).Compute(o with { Sets = [] }).LocalOffers.Should().BeEmpty("s.8 has no date as the law stands");
    }

    [Fact]
    public void Markup_in_an_id_is_shown_as_text_a_horizon_past_the_last_date_is_refused_and_the_unborn_are_counted_apart()
    {
        using var dir = new TempDir();
        (string, string)[] docs =
        [
            ("x.json", Doc("<script>alert(1)</script>", "2005-03-15", Ep("2019-05-01", "2023-03-15"))),
            ("y.json", Doc("=HYPERLINK(1)", "2005-03-16", Ep("2019-05-01", "2023-03-16"))),
            ("z.json", Doc("unborn", "2028-05-01", "")),
        ];
        var o = new WhatIfOptions(null, [], [], null, null, ["commencement.staying_close=2027-04-01"], AsAt, 12, [],
            dir.File("out")) { Documents = docs };
        var r = new WhatIfRunner(Core).Compute(o);
        r.YoungPeople.Should().Be(3);
        r.NotYetBorn.Should().Be(1, "born after the last month-end: counted on none");
        WhatIfFolder.Write(r, o, Offers.Render.TemplateSet.LoadDefault(), Core.Law.Entitlements);
        var html = File.ReadAllText(Path.Combine(o.Out, "index.html"));
        html.Should().NotContain("<script>alert").And.Contain("&lt;script&gt;alert(1)&lt;/script&gt;");
        File.ReadAllText(Path.Combine(o.Out, "gainers.csv")).Should().Contain("'=HYPERLINK(1)");
        r.Rejects.Should().BeEmpty();

        var far = () => new WhatIfRunner(Core).Compute(o with { AsAt = new LocalDate(2199, 6, 1), HorizonMonths = 24 });
        far.Should().Throw<Batch.Input.UnreadableInputException>().WithMessage("--horizon ends after 2199-12-31");
    }

    [Fact]
    public void Whatif_values_read_as_people_read_them() =>
        WhatIfRunner.Values(Core.Law.Book.Get("amounts.apprenticeship_bursary"))
            .Should().Be("from 1 August 2018: 1000; from 1 August 2023: 3000");
}
