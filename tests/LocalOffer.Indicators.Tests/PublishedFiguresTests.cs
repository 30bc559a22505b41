using System.Globalization;
using CsvHelper;
using LocalOffer.Core.Engine;
using LocalOffer.Indicators.Benchmarks;
using NodaTime;

namespace LocalOffer.Indicators.Tests;

/// <summary>
/// The shipped DfE tables are read right and our counting reproduces published figures exactly:
/// the issue's Wakefield example, every council percentage the DfE publishes, and the statistical
/// neighbour median with suppressed neighbours left out.
/// </summary>
public sealed class PublishedFiguresTests
{
    [Fact]
    public void Wakefield_2025_aged_19_to_21_as_published()
    {
        var dfe = Fixture.Dfe;
        var wakefield = Place.La("384");
        var eet = dfe.Figure("activity", wakefield, 2025, "19-21", "eet")!.Value;
        var total = dfe.Figure("activity", wakefield, 2025, "19-21", "total")!.Value;
        (eet.CountValue, total.CountValue, eet.PercentValue).Should().Be((90, 187, 48));
        IndicatorTable.Percent(90, 187).Should().Be(48);
        dfe.Figure("activity", Place.England, 2025, "19-21", "eet")!.Value.PercentValue.Should().Be(54);
        var suitable = dfe.Figure("accommodation", wakefield, 2025, "19-21", "suitable")!.Value;
        var accTotal = dfe.Figure("accommodation", wakefield, 2025, "19-21", "total")!.Value;
        (suitable.CountValue, accTotal.CountValue, suitable.PercentValue).Should().Be((163, 186, 88));
        IndicatorTable.Percent(163, 186).Should().Be(88);
        dfe.Councils["384"].Should().Match<Council>(
            c => c.Name == "Wakefield" && c.Region == "Yorkshire and The Humber" && c.Neighbours.Count == 10);
    }

    [Fact]
    public void A_cohort_like_wakefields_gives_wakefields_published_row_with_the_england_benchmark()
    {
        // 187 young people aged 19 to 21 counted, 90 of them in education, employment or training,
        // 83 not, 14 not known (Wakefield's 2025 figures); accommodation 163 suitable, 9 unsuitable, 14 none
        // (of 186 in the DfE's accommodation table; here one more young person is counted, with no information).
        var people = new List<YoungPerson>();
        for (var i = 0; i < 187; i++)
            people.Add(new YoungPerson(
                $"W{i}", new LocalDate(2005, 1, 1), 20, new LocalDate(2025, 1, 1), "19-21", Status.FormerRelevant, true,
                new Input.Oc3Row("oc3.csv", i + 2, $"W{i}", 1, "01/01/2005", 2, "YES", 3, "", 4, "", 5), null, "",
                "in_touch", i < 90 ? "eet" : i < 173 ? "neet" : "not_known",
                i < 163 ? "suitable" : i < 172 ? "unsuitable" : "no_information",
                null, false, false, null));
        var rows = IndicatorTable.Build(people, Fixture.Defs, Fixture.Dfe, Fixture.Dfe.Councils["384"]);
        var eet = rows.Row("activity", "19-21", "eet");
        (eet.Count, eet.Total, eet.Percent, eet.England.Value, eet.BenchmarkYear).Should().Be((90, 187, 48, 54m, 2025));
        eet.CouncilPublished!.Value.PercentValue
            .Should().Be(48, "the council's own published figure for the same counts");
        var neet = rows.Row("activity", "19-21", "neet");
        (neet.Count, neet.Percent, neet.CouncilPublished!.Value.PercentValue).Should().Be((83, 44, 44));
        rows.Row("accommodation", "19-21", "suitable").Count.Should().Be(163);
    }

    public static TheoryData<string, string, string, string, string, string> Tables => new()
    {
        { "la_care_leavers_activity.csv", "care_leaver_age", "breakdown", "care_leaver_count", "care_leaver_percent",
          "Total" },
        { "la_care_leavers_accommodation_suitability.csv", "care_leaver_age", "breakdown", "care_leaver_count",
          "care_leaver_percent", "Suitability total" },
        { "la_care_leavers_intouch.csv", "age", "in_touch", "number", "percentage", "Total" },
        { "la_care_leavers_stayput.csv", "age", "stay_put", "number", "percentage",
          "Young people who ceased to be looked after in a foster placement on their 18th birthday and were eligible "
          + "for care leavers support" },
    };

    /// <summary>
    /// Every council percentage with a published count and total is our rounding of count/total (halves up).
    /// </summary>
    [Theory]
    [MemberData(nameof(Tables))]
    public void Every_published_council_percentage_is_reproduced(
        string file, string age, string breakdown, string count, string percent, string total)
    {
        var rows = Read(Path.Combine(DfeTables.DefaultDirectory(), file))
            .Where(r => r["geographic_level"] == "Local authority").ToList();
        var totals = rows.Where(r => r[breakdown] == total)
            .ToDictionary(r => (r["time_period"], r["old_la_code"], r[age]), r => r[count]);
        var checkedRows = 0;
        foreach (var r in rows.Where(r => r[breakdown] != total))
        {
            if (!int.TryParse(r[count], out var n)
                || !int.TryParse(totals[(r["time_period"], r["old_la_code"], r[age])], out var t) || t == 0
                || !int.TryParse(r[percent], out var p)) continue;
            IndicatorTable.Percent(n, t)
                .Should().Be(p, $"{file} {r["time_period"]} {r["old_la_code"]} {r[age]} {r[breakdown]}: {n} of {t}");
            checkedRows++;
        }
        checkedRows.Should().BeGreaterThan(1000);
    }

    [Fact]
    public void Neighbour_median_leaves_out_suppressed_neighbours_and_says_how_many_were_used()
    {
        var wakefield = Fixture.Dfe.Councils["384"];
        // 2025, 17-18, not in EET: 22 25 29 32 35 36 36 38 39 46 (all ten published).
        Fixture.Dfe.NeighbourMedian(wakefield, "activity", 2025, "17-18", "neet")
            .Should().Be(new NeighbourMedian(35.5m, 10, 10));
        // 2024, staying put at 18: Darlington and North Lincolnshire suppressed (c); 47 53 63 75 78 83 88 89.
        Fixture.Dfe.NeighbourMedian(wakefield, "staying_put", 2024, "18", "staying_put")
            .Should().Be(new NeighbourMedian(76.5m, 8, 10));
    }

    [Fact]
    public void Latest_years_are_those_of_the_tables()
    {
        (Fixture.Dfe.LatestYear("activity"), Fixture.Dfe.LatestYear("accommodation"),
            Fixture.Dfe.LatestYear("in_touch"), Fixture.Dfe.LatestYear("staying_put"))
            .Should().Be((2025, 2025, 2024, 2024));
        Fixture.Dfe.Years("activity").Should().Equal(2021, 2022, 2023, 2024, 2025);
    }

    /// <summary>
    /// The tables as loaded (through the one CSV input layer, only the columns used: issue 30) answer every
    /// published row as a plain reading of the whole file does: each place, year, age and breakdown the
    /// definitions name, the count and percent as printed; and the statistical neighbour model in full.
    /// </summary>
    [Fact]
    public void Every_published_figure_is_the_tables_own_row()
    {
        var defs = Fixture.Defs;
        var dfe = DfeTables.Load(DfeTables.DefaultDirectory(), defs);
        var asked = 0;
        foreach (var (indicator, source) in defs.Benchmarks)
        {
            var expected = new Dictionary<(string, int, string, string), (string, string)>();
            foreach (var r in Read(Path.Combine(DfeTables.DefaultDirectory(), source.File)))
            {
                var place = r["geographic_level"].Trim() switch
                {
                    "National" => "England",
                    "Regional" => "region:" + r["region_name"].Trim(),
                    _ => "la:" + r["old_la_code"].Trim(),
                };
                expected[(place, int.Parse(r["time_period"], CultureInfo.InvariantCulture), r[source.AgeColumn].Trim(),
                    r[source.BreakdownColumn].Trim())] = (r[source.CountColumn].Trim(), r[source.PercentColumn].Trim());
            }
            var categories = source.Categories.Append(new("total", source.Total)).ToList();
            foreach (var ((place, year, age, breakdown), (count, percent)) in expected)
                foreach (var (band, _) in source.Ages.Where(a => a.Value == age))
                    foreach (var (category, _) in categories.Where(c => c.Value == breakdown))
                    {
                        dfe.Figure(indicator, new Place(place), year, band, category)
                            .Should().Be(new DfeCell(count, percent), $"{indicator} {place} {year} {band} {category}");
                        asked++;
                    }
            dfe.Years(indicator).Should().Equal(expected.Keys.Select(k => k.Item2).Distinct().Order());
        }
        asked.Should().BeGreaterThan(20_000);
        var model = Read(Path.Combine(DfeTables.DefaultDirectory(), "sn_model_2025_wide.csv")).ToList();
        dfe.Councils.Should().HaveCount(model.Count);
        foreach (var r in model)
        {
            var c = dfe.Councils[r["old_la_code"].Trim()];
            (c.Name, c.Region).Should().Be((r["la_name"].Trim(), r["region_name"].Trim()));
            c.Neighbours
                .Should().Equal(Enumerable.Range(1, 10).Select(k => r[$"SN_{k}"].Trim()).Where(n => n.Length > 0));
        }
    }

    private static IEnumerable<Dictionary<string, string>> Read(string path)
    {
        using var csv = CsvReader.Create(File.OpenRead(path), new CsvReaderOptions { HasHeader = false }, false);
        csv.Read();
        var names = Enumerable.Range(0, csv.FieldCount).Select(i => csv.GetString(i).TrimStart('\uFEFF')).ToArray();
        while (csv.Read())
            yield return names.Select((n, i) => (n, v: csv.GetString(i))).ToDictionary(x => x.n, x => x.v);
    }
}
