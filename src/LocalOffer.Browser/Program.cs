using LocalOffer.Browser;
using LocalOffer.Core;
using Microsoft.AspNetCore.Components.WebAssembly.Hosting;

EmbeddedRules.Unpack();
var builder = WebAssemblyHostBuilder.CreateDefault(args);
builder.RootComponents.Add<App>("#app");
// One rules core for the page's life, loaded from the embedded rules: the same code as the command line.
builder.Services.AddSingleton(_ => RulesCore.LoadDefault());
await builder.Build().RunAsync();
