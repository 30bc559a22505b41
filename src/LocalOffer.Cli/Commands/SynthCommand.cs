using System.CommandLine;

namespace LocalOffer.Cli.Commands;

/// <summary>`localoffer synth`: not yet built (placeholder so the CLI lists it).</summary>
public static class SynthCommand
{
    public static Command Create()
    {
        var cmd = new Command("synth", "Write synthetic SSDA903 files (not yet built)");
        cmd.SetAction(parse =>
        {
            parse.InvocationConfiguration.Error.WriteLine("synth: not yet built");
            return 1;
        });
        return cmd;
    }
}
