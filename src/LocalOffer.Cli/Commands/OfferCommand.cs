using System.CommandLine;

namespace LocalOffer.Cli.Commands;

/// <summary>`localoffer offer`: not yet built (placeholder so the CLI lists it).</summary>
public static class OfferCommand
{
    public static Command Create()
    {
        var cmd = new Command("offer", "A personal local offer for one young person (not yet built)");
        cmd.SetAction(parse =>
        {
            parse.InvocationConfiguration.Error.WriteLine("offer: not yet built");
            return 1;
        });
        return cmd;
    }
}
