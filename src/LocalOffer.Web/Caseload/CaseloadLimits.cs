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
    /// <summary>Rejects listed on the page (all are counted).</summary>
    public const int MaxRejectsShown = 200;
}
