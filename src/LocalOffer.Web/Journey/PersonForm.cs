using LocalOffer.Core.Time;
using LocalOffer.Offers.Policy;
using NodaTime;

namespace LocalOffer.Web.Journey;

/// <summary>
/// The first questions: the date of birth, the council whose offer to use (chosen, never assumed)
/// and the date to check (today unless changed), with GOV.UK messages.
/// </summary>
public sealed class PersonForm
{
    public DateInput.Parts DobParts { get; private init; } = DateInput.Parts.Of(null);
    public DateInput.Parts AsAtParts { get; private init; } = DateInput.Parts.Of(null);
    public string Council { get; private init; } = "";
    public LocalDate? Dob { get; private set; }
    public LocalDate? AsAt { get; private set; }

    public static PersonForm From(JourneyState s) => new()
    {
        DobParts = DateInput.Parts.Of(Iso((string?)s.History["dateOfBirth"])),
        AsAtParts = DateInput.Parts.Of(Iso(s.AsAt) ?? UkClock.Today()),
        Council = s.Council ?? "",
    };

    public static PersonForm From(IFormCollection post) => new()
    {
        DobParts = DateInput.Read(post, "dob"),
        AsAtParts = DateInput.Read(post, "asAt"),
        Council = ((string?)post["council"] ?? "").Trim(),
    };

    /// <summary>Every problem on the page at once, each with the id of the input it links to.</summary>
    public List<(string Id, string Message)> Check(OfferCatalog catalog)
    {
        var errors = new List<(string, string)>();
        var (dob, dobError) = DateInput.Parse(DobParts, "Date of birth", true);
        if (dobError is not null) errors.Add(("dob-day", dobError));
        else if (dob >= UkClock.Today()) errors.Add(("dob-day", "Date of birth must be in the past"));
        else Dob = dob;
        if (Council.Length == 0 || catalog.Find(Council) is null)
            errors.Add(("council", "Select the council whose local offer to use"));
        var (asAt, asAtError) = DateInput.Parse(AsAtParts, "Date to check", true);
        if (asAtError is not null) errors.Add(("asAt-day", asAtError));
        else if (Dob is { } d && asAt < d) errors.Add(("asAt-day", "Date to check must be on or after the date of birth"));
        else AsAt = asAt;
        return errors;
    }

    private static LocalDate? Iso(string? s) =>
        s is not null && NodaTime.Text.LocalDatePattern.Iso.Parse(s) is { Success: true } p ? p.Value : null;
}
