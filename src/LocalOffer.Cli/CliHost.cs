using LocalOffer.Core;

namespace LocalOffer.Cli;

/// <summary>
/// What every command shares: the rules core, loaded once on first use, so `--help` and `synth` load
/// nothing. Deliberately not a Microsoft.Extensions.Hosting host: building one (configuration, service
/// provider, console logging) was about a fifth of a cold `check` and no command used anything but the
/// core (issue 30). `serve` builds the web app's own host. Nothing here logs: commands write their
/// output and messages themselves, and no personal data reaches a log.
/// </summary>
public static class CliHost
{
    private static readonly Lazy<RulesCore> Rules = new(RulesCore.LoadDefault);

    public static RulesCore Core => Rules.Value;
}
