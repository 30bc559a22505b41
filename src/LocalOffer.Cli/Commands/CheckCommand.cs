using System.CommandLine;
using LocalOffer.Core;
using LocalOffer.Core.Input;
using LocalOffer.Core.Output;

namespace LocalOffer.Cli.Commands;

/// <summary>`localoffer check file.json [--as-at D] [--format text|json]`: one young person.</summary>
public static class CheckCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "A care history document (JSON)" };
        var asAt = CliOptions.AsAt();
        var format = new Option<string>("--format") { Description = "text (for an adviser) or json", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var cmd = new Command("check", "Decide one young person's care leaver status, timeline and entitlements") { file, asAt, format };
        cmd.SetAction(parse =>
        {
            var core = CliHost.Core;
            var path = parse.GetValue(file)!.FullName;
            var (history, errors) = core.Reader.ReadFile(path);
            if (history is null) throw new InvalidInputException(errors);
            var assessment = core.Engine.Assess(history, parse.GetValue(asAt));
            var output = parse.InvocationConfiguration.Output;
            output.WriteLine(parse.GetValue(format) == "json" ? AssessmentJson.Serialize(assessment) : AssessmentText.Render(assessment));
            return CliRunner.Ok;
        });
        return cmd;
    }
}
