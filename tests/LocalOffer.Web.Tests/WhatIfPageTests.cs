using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;

namespace LocalOffer.Web.Tests;

/// <summary>
/// /check/whatif (issue 32): the journey's young person under the law passed but not yet in force, given a day,
/// in their own words: what they would also be owed on that day and from when later; a day that is not one is the
/// GOV.UK date input's error.
/// </summary>
public sealed class WhatIfPageTests(WebApplicationFactory<WebEntryPoint> factory) : IClassFixture<WebApplicationFactory<WebEntryPoint>>
{
    // Left care at 16 (relevant to 15 June 2026), former relevant from 18 to 25 (15 June 2033).
    private static string History() => new JsonObject
    {
        ["id"] = "YP-WHATIF", ["dateOfBirth"] = "2008-06-15",
        ["episodes"] = new JsonArray(new JsonObject
        {
            ["start"] = "2022-01-10", ["end"] = "2024-09-01", ["legalStatus"] = "C2", ["placement"] = "U4", ["reasonEnded"] = "E5",
        }),
    }.ToJsonString();

    private async Task<(HttpClient Client, string Token)> Journey()
    {
        var (client, answers) = await LongJourneyTests.Start(factory, History());
        return (client, answers[(answers.IndexOf("s=", StringComparison.Ordinal) + 2)..]);
    }

    [Fact]
    public async Task On_a_day_as_a_former_relevant_young_person_both_new_rights_are_owed_from_that_day()
    {
        var (client, token) = await Journey();
        var html = await client.GetStringAsync($"/check/whatif?s={token}&from-day=1&from-month=4&from-year=2027");
        html.Should().Contain("If the new law began on 1 April 2027").And.Contain("On 1 April 2027 you would also be owed")
            .And.Contain("data-entitlement=\"staying-close\"").And.Contain("data-entitlement=\"not-intentionally-homeless\"")
            .And.Contain("14 June 2033", "owed until the day before the 25th birthday")
            .And.NotContain("s.23CZAA", "the young person's own words carry no section numbers");
    }

    [Fact]
    public async Task Before_18_the_homelessness_protection_is_owed_at_once_and_staying_close_from_the_18th_birthday()
    {
        var (client, token) = await Journey();
        var html = await client.GetStringAsync($"/check/whatif?s={token}&from-day=1&from-month=1&from-year=2026");
        html.Should().Contain("On 1 January 2026 you would also be owed").And.Contain("From 15 June 2026 you would also be owed");
        html.IndexOf("not-intentionally-homeless", StringComparison.Ordinal).Should()
            .BeLessThan(html.IndexOf("data-entitlement=\"staying-close\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_a_day_the_journeys_date_is_used_and_after_25_nothing_is_added()
    {
        var (client, token) = await Journey();
        (await client.GetStringAsync($"/check/whatif?s={token}"))
            .Should().Contain("If the new law began on 22 November 2026").And.Contain("data-entitlement=\"staying-close\"");
        (await client.GetStringAsync($"/check/whatif?s={token}&from-day=15&from-month=6&from-year=2033"))
            .Should().Contain("id=\"no-change\"");
    }

    [Theory]
    [InlineData("&from-day=31&from-month=2&from-year=2027", "Day the new law starts must be a real date")]
    [InlineData("&from-day=1&from-month=4", "Day the new law starts must include a year")]
    [InlineData("&from-day=1&from-month=4&from-year=2300", "Day the new law starts must be between")]
    [InlineData("&from-day=%3Cb%3E&from-month=4&from-year=2027", "Day the new law starts must be a real date")]
    public async Task A_day_that_is_not_one_is_the_date_inputs_error_and_nothing_is_worked_out(string query, string error)
    {
        var (client, token) = await Journey();
        var r = await client.GetAsync($"/check/whatif?s={token}{query}");
        r.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = await r.Content.ReadAsStringAsync();
        html.Should().Contain("govuk-error-summary").And.Contain(error).And.Contain("<title>Error: ")
            .And.NotContain("you would also be owed").And.NotContain("<b>");
    }

    [Fact]
    public async Task A_tampered_token_is_the_expired_page()
    {
        var r = await factory.CreateClient().GetAsync("/check/whatif?s=%3Cscript%3E");
        r.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await r.Content.ReadAsStringAsync()).Should().Contain("Sorry, your answers could not be read").And.NotContain("<script>");
    }
}
