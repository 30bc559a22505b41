using LocalOffer.Batch;

namespace LocalOffer.Cli;

/// <summary>One plain line per phase on stderr ("whatif: counting"), for commands that run in phases.</summary>
public sealed class PhaseProgress(TextWriter err, string command) : IProgress<BatchProgress>
{
    private string? _phase;

    public void Report(BatchProgress p)
    {
        if (p.Phase == _phase) return;
        _phase = p.Phase;
        err.WriteLine($"{command}: {p.Phase}");
    }
}
