using LocalOffer.Batch.Caseload;
using NodaTime;

namespace LocalOffer.Web.Caseload;

/// <summary>
/// The caseload page's model: the web layout's site, the back link to the form, and the page itself
/// (<see cref="CaseloadPageModel"/>, shared with the command's HTML) within the page's limits.
/// </summary>
public static class CaseloadView
{
    public static object Model(object site, CaseloadResult r, CaseloadOptions o) => new
    {
        site,
        pageTitle = "What is coming up",
        back = "/caseload",
        caseload = CaseloadPageModel.Build(r, o, CaseloadLimits.MaxEvents, CaseloadLimits.MaxRejectsShown,
            SystemClock.Instance.GetCurrentInstant()),
    };
}
