using System.Text.RegularExpressions;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace LocalOffer.Offers.Render;

/// <summary>
/// Where a template name leads, and the only way one is read: "site/_item" is
/// templates/site/_item.sbn-html (or .sbn-md, .sbn-txt for Markdown and text), and "theme/header"
/// is the council's theme folder's header.sbn-html. A name is lower-case words and slashes; nothing
/// outside the two folders can be named (no "..", no absolute path, no link out).
/// </summary>
public sealed partial class TemplateFolders(string templates, string? theme, TemplateOutputKind kind) : ITemplateLoader
{
    [GeneratedRegex("^[a-z0-9][a-z0-9_.-]*(/[a-z0-9_][a-z0-9_.-]*)*$")]
    private static partial Regex Name();

    public static string Extension(TemplateOutputKind kind, string name) =>
        kind == TemplateOutputKind.Html ? ".sbn-html"
            : name.EndsWith(".md", StringComparison.Ordinal) ? ".sbn-md" : ".sbn-txt";

    /// <summary>The file a name leads to; <see cref="ArgumentException"/> for a name leading nowhere allowed.</summary>
    public string PathOf(string name)
    {
        if (!Name().IsMatch(name) || name.Contains("..", StringComparison.Ordinal))
            throw new ArgumentException(
                $"template name '{name}' is not allowed: lower-case words and '/', inside templates/");
        string root, relative;
        if (name.StartsWith("theme/", StringComparison.Ordinal))
        {
            root = theme ?? throw new ArgumentException($"template '{name}': this council has no theme folder");
            relative = name["theme/".Length..];
        }
        else (root, relative) = (templates, name);
        var stem = kind == TemplateOutputKind.Html ? relative
            : relative.EndsWith(".md", StringComparison.Ordinal) ? relative[..^3]
            : relative.EndsWith(".txt", StringComparison.Ordinal) ? relative[..^4] : relative;
        var full = Path.GetFullPath(Path.Combine(root, stem + Extension(kind, relative)));
        var inside = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root)) + Path.DirectorySeparatorChar;
        if (!full.StartsWith(inside, StringComparison.Ordinal) || new FileInfo(full).LinkTarget is not null)
            throw new ArgumentException($"template '{name}' is outside {root}");
        if (!File.Exists(full)) throw new ArgumentException($"no template '{name}' ({full})");
        return full;
    }

    public string GetPath(TemplateContext context, SourceSpan callerSpan, string templateName)
    {
        try { return PathOf(templateName); }
        catch (ArgumentException e) { throw new ScriptRuntimeException(callerSpan, e.Message); }
    }

    public string Load(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
        File.ReadAllText(templatePath);

    public ValueTask<string?> LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
        new((string?)Load(context, callerSpan, templatePath));
}
