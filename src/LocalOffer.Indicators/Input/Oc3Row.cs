namespace LocalOffer.Indicators.Input;

/// <summary>
/// One OC3 row as read: where it is (file, line, and the column of each field for the rejects
/// file), the CHILD key and the fields as text. Codes are upper-cased (the file may use any case).
/// A row the input layer could not read (malformed quoting, a field too long, a field given twice
/// in XML) carries why in <see cref="Unreadable"/> (its column in ChildColumn): it is rejected, never
/// dropped, so every row read is accounted for.
/// </summary>
public sealed record Oc3Row(
    string File, long Line, string Child, int ChildColumn, string Dob, int DobColumn,
    string InTouch, int InTouchColumn, string Activity, int ActivityColumn, string Accommodation,
    int AccommodationColumn, string? Unreadable = null);
