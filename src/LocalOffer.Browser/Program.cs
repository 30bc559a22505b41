using LocalOffer.Browser;
using LocalOffer.Core;
using LocalOffer.Offers.Policy;
using LocalOffer.Offers.Render;
using Microsoft.AspNetCore.Components.WebAssembly.Hosting;

EmbeddedRules.Unpack();
var builder = WebAssemblyHostBuilder.CreateDefault(args);
builder.RootComponents.Add<App>("#app");
// One rules core for the page's life, loaded from the embedded rules: the same code as the command line.
builder.Services.AddSingleton(_ => RulesCore.LoadDefault());
// The councils' offers and the templates, read when a page first asks for them (the batch page never does).
builder.Services.AddSingleton(s => OfferCatalog.LoadDefault(s.GetRequiredService<RulesCore>()));
builder.Services.AddSingleton(_ => TemplateSet.LoadDefault());
builder.Services.AddSingleton<RenderedPages>();
// The audit's label lists, indicator definitions and the DfE's figures, read when the Audit page first runs.
builder.Services.AddSingleton(s => LocalOffer.Audit.AuditRunner.LoadDefault(s.GetRequiredService<RulesCore>()));
await builder.Build().RunAsync();
