using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace LocalOffer.Batch.Input;

/// <summary>
/// Runs a reader one step ahead of its consumer: the batches of rows are read and checked on another
/// core while the cohort takes the ones already read, in the same order. An error the reader meets
/// is thrown to the consumer when it reaches that point, exactly where reading in line would have
/// thrown it. Without threads (the browser) or with one core, the reader simply runs in line.
/// </summary>
public static class ReadAhead
{
    /// <summary>Batches read but not yet taken: enough to ride out a pause on either side, small in memory.</summary>
    public const int Depth = 16;

    /// <summary>Whether work can go to other threads here (not in the browser, not on one core).</summary>
    public static bool Threaded => !OperatingSystem.IsBrowser() && Environment.ProcessorCount > 1;

    public static IEnumerable<T> Of<T>(IEnumerable<T> reader) => Threaded ? InOrder(reader) : reader;

    private static IEnumerable<T> InOrder<T>(IEnumerable<T> reader)
    {
        using var queue = new BlockingCollection<T>(Depth);
        using var stop = new CancellationTokenSource();
        ExceptionDispatchInfo? failed = null;
        var producer = Task.Run(() =>
        {
            try
            {
                foreach (var batch in reader) queue.Add(batch, stop.Token);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // The consumer stopped early: nothing more is wanted.
            }
            catch (Exception e)
            {
                failed = ExceptionDispatchInfo.Capture(e);
            }
            finally
            {
                queue.CompleteAdding();
            }
        });
        try
        {
            foreach (var batch in queue.GetConsumingEnumerable()) yield return batch;
            producer.Wait();
            failed?.Throw();
        }
        finally
        {
            // Reached on an early stop too (an exception in the consumer): the reader is told to stop
            // and waited for, so no thread is left holding the file.
            stop.Cancel();
            try { producer.Wait(); } catch (AggregateException) { }
        }
    }
}
