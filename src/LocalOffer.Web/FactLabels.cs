using LocalOffer.Core.Input;

namespace LocalOffer.Web;

/// <summary>
/// Plain words for the wire names of "other care" and education kinds, so the form's lists read
/// as English with the document's name beside (as the SSDA903 lists do). The names themselves come
/// from the reader, so a kind added there appears here (with its wire name until worded).
/// </summary>
public static class FactLabels
{
    private static readonly Dictionary<string, string> Words = new()
    {
        ["privateFostering"] = "Privately fostered",
        ["voluntaryOrganisation"] = "Accommodated by a voluntary organisation",
        ["privateChildrensHome"] = "In a private children's home",
        ["healthOrEducationAccommodation"] = "Accommodated by a health body or in a residential school",
        ["careHomeOrHospital"] = "In a care home or independent hospital",
        ["furtherEducation"] = "Further education (college, sixth form)",
        ["higherEducation"] = "Higher education (university)",
        ["apprenticeship"] = "Apprenticeship",
        ["training"] = "Training",
    };

    public static IEnumerable<string> OtherCareKinds => CareHistoryReader.OtherCareKinds.Keys;
    public static IEnumerable<string> EducationKinds => CareHistoryReader.EducationKinds.Keys;

    public static string Text(string kind) => Words.TryGetValue(kind, out var w) ? $"{w} ({kind})" : kind;
}
