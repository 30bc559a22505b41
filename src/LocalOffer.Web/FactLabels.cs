using LocalOffer.Core.Input;

namespace LocalOffer.Web;

/// <summary>
/// Plain words for the document's names of detention, "other care" and education kinds, so the
/// form reads as English with no code names (issue 10). The names themselves come from the reader,
/// so a kind added there appears here; a test fails until it is worded.
/// </summary>
public static class FactLabels
{
    private static readonly Dictionary<string, string> Words = new()
    {
        ["custody"] = "In custody (a young offender institution, secure training centre or remand centre)",
        ["hospital"] = "In hospital",
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

    public static bool IsWorded(string kind) => Words.ContainsKey(kind);

    public static string Text(string kind) => Words.TryGetValue(kind, out var w) ? w : kind;
}
