namespace LocalOffer.Batch.Output;

/// <summary>Writes results one child at a time (CSV or JSON), so a run never holds them all.</summary>
public interface IResultWriter : IDisposable
{
    void Write(BatchResult r);
}
