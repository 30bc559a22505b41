using LocalOffer.Batch.Cohort;
using LocalOffer.Batch.Input;
using LocalOffer.Indicators.Input;
using NodaTime;

namespace LocalOffer.Indicators;

/// <summary>
/// The cohort check of the children the episode rows have passed, started while the rest of the return is read
/// (issue 30: `indicators` read the whole return, then checked it, with a core idle in each). Each chunk of
/// children is checked on the thread pool as soon as the rows have passed it and the OC3 file is read; the rest
/// after the read. Kept only if no row came for a passed child after it was passed
/// (<see cref="CohortBuilder.EpisodesInCohortOrder"/>: a file not in the header's order); else every child is
/// checked again from the built cohort. Either way the same chunks, put together in the same order
/// (<see cref="CohortCheck.Finish"/>): the young people and rejects of one serial pass, byte for byte.
/// </summary>
internal sealed class EarlyCohortCheck
{
    private readonly CohortCheck _check;
    private readonly Task<CohortCheck.Prepared> _prepared;
    private readonly List<Task<CohortCheck.Chunk>> _chunks = [];
    private CohortBuilder? _builder;
    private PassedChildren? _passed;
    private int _started; // the children before this one are in a chunk started

    /// <summary>The children before this one were checked while the return was read (tests).</summary>
    internal int ChildrenStartedEarly => _started;

    public EarlyCohortCheck(CohortCheck check, Task<List<Oc3Row>> oc3, LocalDate yearEnd)
    {
        _check = check;
        _prepared = oc3.ContinueWith(t => check.Prepare(t.GetAwaiter().GetResult(), yearEnd),
            CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
    }

    /// <summary>Told of the children passed as <paramref name="builder"/> reads (before anything is read).</summary>
    public void Attach(CohortBuilder builder)
    {
        (_builder, _passed) = (builder, new PassedChildren(builder));
        builder.ChildrenPassed = Passed;
        builder.ReadEnded = () => Stop(); // Build relinks every child's episodes: the chunks finish first
    }

    // On the reading thread, in line, once the OC3 file is read: each whole chunk of children passed. Not on the
    // thread pool, where a chunk waited before the reader's own batches of rows (the read is the longest stretch:
    // they are its work) and the read took longer than the check it hid; here it is checked while the reading
    // thread would wait for the next batch.
    private void Passed(int passed)
    {
        if (!_prepared.IsCompleted) return;
        while (passed - _started >= CohortCheck.ChildrenInAChunk)
        {
            var (from, to) = (_started, _started + CohortCheck.ChildrenInAChunk);
            _chunks.Add(_prepared.IsCompletedSuccessfully
                ? Task.FromResult(_check.CheckChildren(_passed!, from, to, _prepared.Result))
                : Task.FromException<CohortCheck.Chunk>(new InvalidOperationException("the OC3 file was not read")));
            _started = to;
        }
    }

    /// <summary>
    /// After the read: the check, from the chunks started early and the rest from the built cohort; or null when
    /// a row came for a child after it was passed (the early chunks are then waited for and dropped).
    /// </summary>
    public CohortCheck.Result? Finish(Batch.Cohort.Cohort cohort, List<Reject> rejects)
    {
        if (!Stop()) return null;
        var prepared = _prepared.GetAwaiter().GetResult();
        var early = _chunks.Select(c => c.GetAwaiter().GetResult());
        var rest = _check.CheckAll(cohort, _started, cohort.Count, prepared);
        return _check.Finish(prepared, early.Concat(rest), rejects);
    }

    /// <summary>
    /// No more chunks started; each started one waited for (none is left reading rows that Build changes, or a
    /// cohort given up). True when the chunks may be used: no row came for a child after it was passed.
    /// </summary>
    public bool Stop()
    {
        if (_builder is { } b) (b.ChildrenPassed, b.ReadEnded) = (null, null);
        try { Task.WaitAll([.. _chunks]); } catch (AggregateException) { }
        return _builder is { EpisodesInCohortOrder: true };
    }
}
