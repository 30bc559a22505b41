using LocalOffer.Batch;

namespace LocalOffer.Cli;

/// <summary>One plain line on stderr each time a run enters a new phase ("audit: reading the list").</summary>
public sealed class PhaseLines(TextWriter err, string command) : IProgress<BatchProgress>
{
    private string? _phase;

    public void Report(BatchProgress p)
    {
        if (p.Phase == _phase) return;
        _phase = p.Phase;
        err.WriteLine($"{command}: {p.Phase}");
    }
}
