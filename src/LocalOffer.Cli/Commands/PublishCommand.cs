using System.CommandLine;

namespace LocalOffer.Cli.Commands;

/// <summary>`localoffer publish`: not yet built (placeholder so the CLI lists it).</summary>
public static class PublishCommand
{
    public static Command Create()
    {
        var cmd = new Command("publish", "Publish a council's local offer as a static website (not yet built)");
        cmd.SetAction(parse =>
        {
            parse.InvocationConfiguration.Error.WriteLine("publish: not yet built");
            return 1;
        });
        return cmd;
    }
}
