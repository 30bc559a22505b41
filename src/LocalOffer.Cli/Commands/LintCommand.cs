using System.CommandLine;

namespace LocalOffer.Cli.Commands;

/// <summary>`localoffer lint`: not yet built (placeholder so the CLI lists it).</summary>
public static class LintCommand
{
    public static Command Create()
    {
        var cmd = new Command("lint", "Check council policy files and report compliance (not yet built)");
        cmd.SetAction(parse =>
        {
            parse.InvocationConfiguration.Error.WriteLine("lint: not yet built");
            return 1;
        });
        return cmd;
    }
}
