namespace LocalOffer.Offers.Render;

/// <summary>
/// Markup a template may write as it is: the one value the templates' escaping lets through. Only
/// this assembly makes one: <see cref="SafeMarkdown.Render"/> (council Markdown made safe), a
/// rendered include (itself escaped by construction) and <see cref="SafeSvg.Check"/> (a chart drawn
/// by the program, checked against an allowlist). Anything else a template writes is escaped.
/// </summary>
public sealed class SafeHtml
{
    internal SafeHtml(string html) => Html = html;

    public string Html { get; }

    public override string ToString() => Html;
}
