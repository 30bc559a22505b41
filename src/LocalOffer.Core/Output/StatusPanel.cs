using LocalOffer.Core.Engine;

namespace LocalOffer.Core.Output;

/// <summary>
/// The colour of the result panel for a status, as a CSS class, so the web app and the Browser app
/// show one outcome in one colour (issue 28: they differed). The colours are in each app's stylesheet
/// (white text on each is at least 4.5:1); a test checks the two stylesheets agree.
/// </summary>
public static class StatusPanel
{
    public static string CssClass(Status s) => s switch
    {
        Status.None => "lo-panel--none",
        Status.LookedAfter => "lo-panel--care",
        _ => "lo-panel--leaver",
    };
}
