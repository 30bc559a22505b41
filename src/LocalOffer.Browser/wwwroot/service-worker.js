// While developing (dotnet run) nothing is cached, so a change shows at once. The published site
// uses service-worker.published.js in its place (LocalOffer.Browser.csproj), which works offline.
self.addEventListener('fetch', () => { });
