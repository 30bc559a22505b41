namespace LocalOffer.Offers.Render;

/// <summary>What a template writes, from its file name: .sbn-html, .sbn-md or .sbn-txt.</summary>
public enum TemplateOutputKind
{
    /// <summary>Every value HTML-escaped, quotes included, so it is safe in text and in quoted attributes.</summary>
    Html,

    /// <summary>Markdown and plain text: '&lt;' and '&gt;' escaped and unsafe link addresses made "#".</summary>
    Text,
}
