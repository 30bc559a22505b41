namespace LocalOffer.Web.Tests;

/// <summary>
/// The rules and templates the app loads alongside its start-up (<see cref="LoadedOnce"/>, issue 30) are
/// loaded once: requests that come while the load is under way wait for it and get the very same objects.
/// </summary>
public sealed class LoadedOnceTests
{
    [Fact]
    public async Task Requests_during_the_load_share_the_one_load()
    {
        var loaded = new LoadedOnce();
        var start = loaded.Start();
        var asked = await Task.WhenAll(Enumerable.Range(0, 8)
            .Select(_ => Task.Run(() => (loaded.Rules, loaded.Templates))));
        await start;
        asked.Select(a => a.Rules).Distinct().Should().ContainSingle().Which.Should().BeSameAs(loaded.Rules);
        asked.Select(a => a.Templates).Distinct().Should().ContainSingle().Which.Should().BeSameAs(loaded.Templates);
        loaded.Catalog.Should().BeSameAs(loaded.Catalog);
    }
}
