using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace LocalOffer.Offers.Render;

/// <summary>
/// Markdown written by a council, rendered to safe HTML: raw HTML is shown as text (never passed
/// through), and a link or image may only point to http(s), mailto, tel or a relative address, so
/// "javascript:" and the like cannot run. Output uses GOV.UK Frontend's typography classes.
/// </summary>
public static class SafeMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();
    private static readonly MarkdownPipeline Located = new MarkdownPipelineBuilder().DisableHtml().UsePreciseSourceLocation().Build();

    /// <summary>The Markdown as HTML a template may write as it is.</summary>
    public static SafeHtml Render(string markdown) => new SafeHtml(ToHtml(markdown));

    public static string ToHtml(string markdown)
    {
        var doc = Markdown.Parse(markdown ?? "", Pipeline);
        foreach (var link in doc.Descendants<LinkInline>())
        {
            if (!IsSafe(link.Url)) link.Url = "#";
            link.GetAttributes().AddClass("govuk-link");
        }
        // <javascript:...>, <data:...>, <vbscript:...>: an autolink is a link too. An unsafe one is shown as text.
        foreach (var auto in doc.Descendants<AutolinkInline>().ToList())
        {
            if (auto.IsEmail || IsSafe(auto.Url)) auto.GetAttributes().AddClass("govuk-link");
            else auto.ReplaceBy(new LiteralInline(auto.Url));
        }
        foreach (var p in doc.Descendants<ParagraphBlock>()) p.GetAttributes().AddClass("govuk-body");
        foreach (var l in doc.Descendants<ListBlock>()) l.GetAttributes().AddClass(l.IsOrdered ? "govuk-list govuk-list--number" : "govuk-list govuk-list--bullet");
        var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(doc);
        writer.Flush();
        return writer.ToString();
    }

    /// <summary>
    /// Markdown copied into a Markdown output (offer.md): every link, reference definition and
    /// autolink whose address is not safe gets "#" instead, so a Markdown renderer downstream
    /// cannot make a javascript: link out of it. The rest of the text is left exactly as written.
    /// </summary>
    public static string NeutraliseLinks(string markdown)
    {
        if (string.IsNullOrEmpty(markdown) || (markdown.IndexOf(':') < 0 && markdown.IndexOf('&') < 0)) return markdown ?? "";
        var doc = Markdown.Parse(markdown, Located);
        var spans = new List<SourceSpan>();
        foreach (var link in doc.Descendants<LinkInline>())
            if (!IsSafe(link.Url) && !link.UrlSpan.IsEmpty) spans.Add(link.UrlSpan);
        foreach (var auto in doc.Descendants<AutolinkInline>())
            if (!auto.IsEmail && !IsSafe(auto.Url)) spans.Add(auto.Span);
        foreach (var def in doc.Descendants<LinkReferenceDefinition>())
            if (!IsSafe(def.Url) && !def.UrlSpan.IsEmpty) spans.Add(def.UrlSpan);
        if (spans.Count == 0) return markdown;
        var text = markdown;
        foreach (var s in spans.OrderByDescending(s => s.Start))
            if (s.Start >= 0 && s.End < text.Length && s.End >= s.Start) text = text[..s.Start] + "#" + text[(s.End + 1)..];
        return text;
    }

    /// <summary>An address for a link the program writes: itself when safe (relative, http, https, mailto, tel), else "#".</summary>
    public static string NeutraliseHref(string url) => IsSafe(url) ? url : "#";

    private static bool IsSafe(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)) return true;
        var u = url.Trim();
        var colon = u.IndexOf(':');
        var slash = u.IndexOfAny(['/', '?', '#']);
        if (colon < 0 || (slash >= 0 && slash < colon)) return true; // relative
        var scheme = u[..colon].ToLowerInvariant();
        return scheme is "http" or "https" or "mailto" or "tel";
    }
}
