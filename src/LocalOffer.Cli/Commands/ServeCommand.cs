using System.CommandLine;

namespace LocalOffer.Cli.Commands;

/// <summary>`localoffer serve`: not yet built (placeholder so the CLI lists it).</summary>
public static class ServeCommand
{
    public static Command Create()
    {
        var cmd = new Command("serve", "Run the personal adviser web app and JSON API (not yet built)");
        cmd.SetAction(parse =>
        {
            parse.InvocationConfiguration.Error.WriteLine("serve: not yet built");
            return 1;
        });
        return cmd;
    }
}
