namespace LocalOffer.Offers.Render.Languages;

/// <summary>One language's strings (translations/&lt;code&gt;.yaml), by key.</summary>
public sealed class Catalogue(Language language, string file, IReadOnlyDictionary<string, CatalogueEntry> entries)
{
    public Language Language { get; } = language;

    /// <summary>The catalogue file (for findings).</summary>
    public string File { get; } = file;

    public IReadOnlyDictionary<string, CatalogueEntry> Entries { get; } = entries;

    public CatalogueEntry? Find(string key) => Entries.GetValueOrDefault(key);
}
