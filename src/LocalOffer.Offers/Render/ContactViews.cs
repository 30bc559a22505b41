using LocalOffer.Offers.Policy;

namespace LocalOffer.Offers.Render;

/// <summary>
/// Who to contact first, on every page a young person reads (issue 25): the leaving care team's
/// phone numbers (each its own tel: link), email or contact form and hours; out of hours and
/// complaints where the council gives them. A council with no leaving care team contact gets the
/// first national service it lists, never "ask your personal adviser for the team's number".
/// </summary>
public static class ContactViews
{
    public static object FirstContact(Council c, IEnumerable<NationalContact> national)
    {
        var team = c.Contacts.GetValueOrDefault("leaving_care_team");
        var ooh = c.Contacts.GetValueOrDefault("out_of_hours");
        var complaints = c.Contacts.GetValueOrDefault("complaints");
        var shown = c.NationalContactIds is { } ids ? national.Where(n => ids.Contains(n.Id)) : national;
        return new
        {
            councilName = c.Name,
            team = team is null ? null : OfferViews.Contact("Leaving care team", team),
            outOfHours = ooh is null ? null : OfferViews.Contact("Out of hours", ooh),
            complaints = complaints is null ? null : OfferViews.Contact("Complaints", complaints),
            national = team is null ? OfferViews.National(shown.Take(1)).FirstOrDefault() : null,
        };
    }
}
