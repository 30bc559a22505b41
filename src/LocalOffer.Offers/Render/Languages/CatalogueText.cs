namespace LocalOffer.Offers.Render.Languages;

/// <summary>
/// A view model's text that is a catalogue string (an entitlement's summary, say): the template
/// reads it as text in the page's language, written when the model is imported for that page
/// (<see cref="TemplateModel"/>), so the template itself needs no change to be translated.
/// </summary>
public sealed record CatalogueText(string Key, IReadOnlyDictionary<string, object?>? Args = null)
{
    private static readonly IReadOnlyDictionary<string, object?> None = new Dictionary<string, object?>();

    /// <summary>The text in a language: HTML (escaped, an English fallback marked lang="en") or plain text.</summary>
    public object In(Translator translator, bool html)
    {
        var text = translator.Render(Key, Args ?? None, html);
        return html ? new SafeHtml(text) : text;
    }
}
