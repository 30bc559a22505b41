namespace LocalOffer.Web.Caseload;

/// <summary>
/// The limits of the caseload page, above the API's 64 KB because a council's SSDA903 return is
/// larger than one history (docs/security.md). Everything is read in memory and dropped with the response.
/// </summary>
public static class CaseloadLimits
{
    /// <summary>The whole upload: a large council's header and episodes files (25,000 children) fit.</summary>
    public const long MaxUploadBytes = 20 << 20;
    /// <summary>Files in one upload (episodes of several years, or history documents).</summary>
    public const int MaxFiles = 200;
    /// <summary>Events shown and offered for download on one page; more needs `localoffer caseload`.</summary>
    public const int MaxEvents = 5_000;
    /// <summary>
    /// Caseloads worked out at once (issue 24, item 7): each holds its upload (up to 20 MiB) and its
    /// cohort in memory and keeps a core busy, so eight at once took 67 s, 2.1 GB and starved
    /// /health for 21 s. One at a time, as the PDF; a request that cannot start within
    /// <see cref="QueueWait"/> is told the service is busy (503), before its upload is read.
    /// </summary>
    public const int MaxConcurrent = 1;
    public static readonly TimeSpan QueueWait = TimeSpan.FromSeconds(10);

    /// <summary>
    /// <see cref="QueueWait"/>, or the setting <c>Caseload:QueueWaitSeconds</c> (0.1 to 600): the test of the
    /// busy page waits 2 s for it rather than 10 (issue 30).
    /// </summary>
    public static TimeSpan Wait(IConfiguration config) =>
        config.GetValue<double?>("Caseload:QueueWaitSeconds") is >= 0.1 and <= 600 and var s
            ? TimeSpan.FromSeconds(s) : QueueWait;
    /// <summary>Rejects listed on the page (all are counted).</summary>
    public const int MaxRejectsShown = 200;
}
