using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace LocalOffer.Web.Tests;

/// <summary>
/// The classes that work out caseloads, run one after another: the app lets one caseload run at a time in
/// the whole process (<c>CaseloadEndpoints.Running</c>), so an upload by one class must not make another
/// class's "busy" page, or its absence, depend on timing.
/// </summary>
[CollectionDefinition(Name)]
public sealed class CaseloadUploads
{
    public const string Name = "caseload uploads";
}

/// <summary>The app with a queue wait of 2 s (Caseload:QueueWaitSeconds) instead of 10, for the busy page.</summary>
public sealed class ShortQueueApp : WebApplicationFactory<WebEntryPoint>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder) =>
        builder.UseSetting("Caseload:QueueWaitSeconds", "2");
}

/// <summary>
/// Issue 24, item 7: caseloads are worked out one at a time; a request that cannot start within the
/// queue wait is a GOV.UK "service is busy" page (503) before its upload is read, and the next
/// upload after the first one finishes is served as usual.
/// </summary>
[Collection(CaseloadUploads.Name)]
public sealed class CaseloadBusyTests(ShortQueueApp factory) : IClassFixture<ShortQueueApp>
{
    [Fact]
    public async Task A_second_caseload_while_one_runs_is_told_the_service_is_busy()
    {
        var client = factory.CreateClient();
        // A caseload being worked out holds the one place.
        await LocalOffer.Web.Caseload.CaseloadEndpoints.Running.WaitAsync();

        var html = await client.GetStringAsync("/caseload");
        var af = Regex.Match(html, "name=\"__af\" value=\"([^\"]+)\"").Groups[1].Value;
        var second = await client.PostAsync("/caseload", new MultipartFormDataContent { { new StringContent(af), "__af" } });

        second.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        (await second.Content.ReadAsStringAsync()).Should().Contain("Sorry, the service is busy");
        LocalOffer.Web.Caseload.CaseloadEndpoints.Running.Release();
        var third = await client.PostAsync("/caseload", new MultipartFormDataContent { { new StringContent(af), "__af" } });
        third.StatusCode.Should().NotBe(HttpStatusCode.ServiceUnavailable);
    }
}
