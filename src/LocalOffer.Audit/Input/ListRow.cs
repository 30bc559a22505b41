using LocalOffer.Core.Engine;
using NodaTime;

namespace LocalOffer.Audit.Input;

/// <summary>
/// One young person as the council's list records them, read and checked: where the row is (file,
/// line, and each field's column for a later reject), the category recorded (null: none recorded),
/// the adviser, team and worker, the latest pathway plan and contact, and the OC3 codes of in touch,
/// accommodation (type letter; suitability "1" or "2") and activity. "" is a blank cell.
/// </summary>
public sealed record ListRow(
    string File, long Line, IReadOnlyDictionary<string, (string Name, int Column)> Columns, string Child,
    LocalDate? DateOfBirth, Status? Category, string CategoryText, string Team, string Worker, string Adviser,
    LocalDate? Plan, string InTouch, LocalDate? Contact, string Accommodation, string Suitability, string Activity)
{
    /// <summary>The file's name for a field and its column (1-based; 0 when the file has no such column).</summary>
    public (string Name, int Column) Where(string field) =>
        Columns.TryGetValue(field, out var c) ? c : (field, 0);

    /// <summary>The recorded category as audit.csv writes it: the status name, or "none".</summary>
    public string RecordedCategory => Category?.Wire() ?? "none";

    /// <summary>
    /// OC3's ACCOM form: the type letter then the suitability digit (U1), "0" when either is unknown.
    /// </summary>
    public string Oc3Accommodation =>
        Accommodation.Length == 1 && Suitability.Length == 1 ? Accommodation + Suitability : "0";
}
