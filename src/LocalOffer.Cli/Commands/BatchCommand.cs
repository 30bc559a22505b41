using System.CommandLine;

namespace LocalOffer.Cli.Commands;

/// <summary>`localoffer batch`: not yet built (placeholder so the CLI lists it).</summary>
public static class BatchCommand
{
    public static Command Create()
    {
        var cmd = new Command("batch", "Classify a cohort from SSDA903 return files (not yet built)");
        cmd.SetAction(parse =>
        {
            parse.InvocationConfiguration.Error.WriteLine("batch: not yet built");
            return 1;
        });
        return cmd;
    }
}
