namespace LocalOffer.Offers.Policy;

/// <summary>
/// A council's published words (an item's title, description and provider, the text of its payment
/// or council tax support): the English every page, CSV, comparison and approved file shows, and
/// the council's own text in other languages where its policy file gives it
/// (<c>title: { en: ..., ar: ... }</c>, codes from translations/languages.yaml). Nothing is
/// translated here: a page in a language the council gives no text in shows the English, marked
/// and with a note saying so (issue 27: council text stays the council's).
/// </summary>
public sealed record PolicyText(string En, IReadOnlyDictionary<string, string>? Other = null)
{
    private static readonly IReadOnlyDictionary<string, string> None = new Dictionary<string, string>();

    /// <summary>Text a policy file gives as plain text is English (what every existing caller passes).</summary>
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(english))]
    public static implicit operator PolicyText?(string? english) => english is null ? null : new PolicyText(english);

    /// <summary>The council's text in each language besides English, by code.</summary>
    public IReadOnlyDictionary<string, string> Languages => Other ?? None;

    /// <summary>The council's own text in a language, or null when it gives none (English always has it).</summary>
    public string? In(string code) =>
        code == Render.Languages.Language.EnglishCode ? En : Languages.GetValueOrDefault(code);

    /// <summary>The English: what a page, CSV or comparison in English shows.</summary>
    public override string ToString() => En;

    public bool Equals(PolicyText? other) => other is not null && En == other.En
        && Languages.Count == other.Languages.Count
        && Languages.All(kv => other.Languages.TryGetValue(kv.Key, out var v) && v == kv.Value);

    public override int GetHashCode() => En.GetHashCode(StringComparison.Ordinal);
}
