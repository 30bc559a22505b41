using NodaTime;

namespace LocalOffer.Offers.Render.Languages;

/// <summary>
/// One string of a language's catalogue: its text (or one text per plural form), and whether a
/// person has checked it: <see cref="Checked"/> with who and when, or draft (written without a
/// translator's check). <see cref="CheckedEnglish"/> is the English a checker read, when they give
/// it: once the English changes the check no longer holds and the string counts as draft again.
/// </summary>
public sealed record CatalogueEntry(
    string Key,
    string? Text,
    IReadOnlyDictionary<string, string>? Forms,
    bool Checked,
    string? CheckedBy,
    LocalDate? CheckedOn,
    string? CheckedEnglish,
    long Line)
{
    /// <summary>Every text of the entry: the one text, or each plural form's.</summary>
    public IEnumerable<string> Texts => Text is not null ? [Text] : Forms?.Values ?? [];

    /// <summary>The text for a plural form, the "other" form when the form is missing.</summary>
    public string? For(string form) =>
        Text ?? (Forms is null ? null : Forms.TryGetValue(form, out var t) ? t : Forms.GetValueOrDefault("other"));
}
