using System.Collections.Concurrent;
using LocalOffer.Core.Rules;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace LocalOffer.Offers.Render;

/// <summary>
/// The Scriban templates in templates/ (found beside rules/), each parsed once. A render gets a
/// fresh <see cref="EscapingContext"/>: the view model imported as read-only script objects
/// (<see cref="TemplateModel"/>), the functions of <see cref="TemplateFunctions"/> and nothing else,
/// every value escaped for the output (HTML, or Markdown and text), and the bounds of
/// <see cref="TemplateLimits"/>. A template that does not parse or breaks a bound throws
/// <see cref="TemplateException"/> with its file, line and column.
/// </summary>
public sealed class TemplateSet
{
    private readonly ConcurrentDictionary<string, Template> _compiled = new();
    private readonly ScriptObject _functions;
    private readonly string _shownFrom;

    public TemplateSet(string directory, TemplateLimits? limits = null)
    {
        Directory = Path.GetFullPath(directory);
        Limits = limits ?? TemplateLimits.Default;
        _functions = TemplateFunctions.Create(new IncludeFunction(this));
        _shownFrom = Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(Directory)) ?? Directory;
    }

    public string Directory { get; }

    public TemplateLimits Limits { get; }

    /// <summary>For tests only: changes every text of every view model before it is rendered (hostile text).</summary>
    internal Func<string, string>? EveryText { get; init; }

    /// <summary>templates/ beside rules/ (a source checkout or the built program).</summary>
    public static TemplateSet LoadDefault()
    {
        var root = Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(RulesLocator.RulesRoot()))!;
        var dir = Path.Combine(root, "templates");
        if (!System.IO.Directory.Exists(dir)) dir = Path.Combine(AppContext.BaseDirectory, "templates");
        return new TemplateSet(dir);
    }

    /// <summary>What a name writes: "site/offer.md" Markdown, "personal/offer.txt" text, others HTML.</summary>
    public static TemplateOutputKind KindOf(string name) =>
        name.EndsWith(".md", StringComparison.Ordinal) || name.EndsWith(".txt", StringComparison.Ordinal)
            ? TemplateOutputKind.Text : TemplateOutputKind.Html;

    /// <summary>Renders a page; <paramref name="theme"/>: a theme folder, for "theme/..." includes.</summary>
    public string Render(string name, object model, string? theme = null)
    {
        var kind = KindOf(name);
        var folders = new TemplateFolders(Directory, theme, kind);
        var template = Compile(folders.PathOf(name));
        using var budget = new CancellationTokenSource(Limits.Time);
        var context = new EscapingContext(_functions, kind, Limits, folders, budget.Token);
        context.PushGlobal(TemplateModel.Import(model, EveryText));
        try
        {
            return template.Render(context);
        }
        catch (ScriptAbortException e)
        {
            throw Located(e.Span, $"took longer than {Limits.Time.TotalSeconds:0.#} s (the time one render may take)",
                e);
        }
        catch (ScriptRuntimeException e)
        {
            throw Located(e.Span, e.OriginalMessage, e);
        }
    }

    /// <summary>A template file parsed once; <see cref="TemplateException"/> when it does not parse.</summary>
    internal Template Compile(string path) => _compiled.GetOrAdd(path, p =>
    {
        var template = Template.Parse(File.ReadAllText(p), p);
        if (template.HasErrors)
        {
            var m = template.Messages.First(x => x.Type == ParserMessageType.Error);
            throw Located(m.Span, m.Message);
        }
        return template;
    });

    private TemplateException Located(SourceSpan span, string reason, Exception? inner = null)
    {
        var file = string.IsNullOrEmpty(span.FileName) ? "(template)" : Path.GetRelativePath(_shownFrom, span.FileName);
        return new TemplateException(file, span.Start.Line + 1, span.Start.Column + 1, reason, inner);
    }
}
