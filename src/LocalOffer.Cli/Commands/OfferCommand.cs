using System.CommandLine;
using LocalOffer.Core.Input;
using LocalOffer.Offers.Policy;
using LocalOffer.Offers.Render;

namespace LocalOffer.Cli.Commands;

/// <summary>`localoffer offer history.json --council ID [--as-at D] [--format html|md|text] [--lang ar]`: one young person's offer.</summary>
public static class OfferCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "A care history document (JSON)" };
        var council = new Option<string>("--council") { Description = "Council id (a folder under rules/councils)", Required = true };
        var asAt = CliOptions.AsAt();
        var format = new Option<string>("--format") { Description = "html, md or text", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("html", "md", "text");
        var lang = new Option<string?>("--lang") { Description = "The language to write it in, e.g. ar (translations/languages.yaml; default English)" };
        var cmd = new Command("offer", "The personal local offer for one young person") { file, council, asAt, format, lang };
        cmd.SetAction(parse =>
        {
            var core = CliHost.Core;
            var (history, errors) = core.Reader.ReadFile(parse.GetValue(file)!.FullName);
            if (history is null) throw new InvalidInputException(errors);
            var catalog = OfferCatalog.LoadDefault(core);
            var id = parse.GetValue(council)!;
            var c = catalog.Find(id) ?? throw new CliUsageException($"no council '{id}' (known: {string.Join(", ", catalog.Councils.Select(x => x.Id))})");
            var assessment = core.Engine.Assess(history, parse.GetValue(asAt));
            var offer = PersonalOfferBuilder.Build(assessment, history, c, core.Law);
            var templates = TemplateSet.LoadDefault(core.Law);
            var language = PublishCommand.Languages(templates, parse.GetValue(lang)).FirstOrDefault();
            parse.InvocationConfiguration.Output.Write(new PersonalOfferRenderer(core, templates)
                .Render(offer, parse.GetValue(format)!, language: language is null ? null : new PageLanguage(language)));
            return CliRunner.Ok;
        });
        return cmd;
    }
}
