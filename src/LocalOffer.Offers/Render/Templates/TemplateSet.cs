using System.Collections.Concurrent;
using LocalOffer.Core.Rules;
using LocalOffer.Offers.Render.Languages;
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

    public TemplateSet(string directory, TemplateLimits? limits = null, LanguageSet? languages = null)
    {
        Directory = Path.GetFullPath(directory);
        Limits = limits ?? TemplateLimits.Default;
        Languages = languages ?? LanguageSet.EnglishOnly();
        _functions = TemplateFunctions.Create(new IncludeFunction(this));
        _shownFrom = Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(Directory)) ?? Directory;
    }

    public string Directory { get; }

    public TemplateLimits Limits { get; }

    /// <summary>The languages a page can be rendered in, with their catalogues (translations/).</summary>
    public LanguageSet Languages { get; }

    /// <summary>
    /// Where a page's translation banner goes (site/_top writes it in the header): replaced after the
    /// render by site/_translation-banner when the page showed a draft string or an English fallback,
    /// else by nothing. A value cannot forge it: every value's '&lt;' is escaped.
    /// </summary>
    public const string BannerMark = "<!--lo:translation-banner-->";

    /// <summary>For tests only: changes every text of every view model before it is rendered (hostile text).</summary>
    internal Func<string, string>? EveryText { get; init; }

    /// <summary>templates/ and translations/ beside rules/ (a source checkout or the built program).</summary>
    public static TemplateSet LoadDefault(EnglandLaw? law = null) =>
        new(DefaultDirectory(), null, LanguageSet.LoadDefault(law ?? EnglandLaw.LoadDefault()));

    /// <summary>templates/ beside rules/ (a source checkout or the built program).</summary>
    public static string DefaultDirectory()
    {
        var root = Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(RulesLocator.RulesRoot()))!;
        var dir = Path.Combine(root, "templates");
        return System.IO.Directory.Exists(dir) ? dir : Path.Combine(AppContext.BaseDirectory, "templates");
    }

    /// <summary>What a name writes: "site/offer.md" Markdown, "personal/offer.txt" text, others HTML.</summary>
    public static TemplateOutputKind KindOf(string name) =>
        name.EndsWith(".md", StringComparison.Ordinal) || name.EndsWith(".txt", StringComparison.Ordinal)
            ? TemplateOutputKind.Text : TemplateOutputKind.Html;

    /// <summary>
    /// Renders a page. <paramref name="theme"/> is a council's theme folder, for its "theme/..."
    /// includes; <paramref name="page"/> the page's language (English when not given), which templates
    /// read as <c>language</c> (tag, dir, the English page's address, the other languages' pages).
    /// </summary>
    public string Render(string name, object model, string? theme = null, PageLanguage? page = null)
    {
        var kind = KindOf(name);
        var folders = new TemplateFolders(Directory, theme, kind);
        var template = Compile(folders.PathOf(name));
        using var budget = new CancellationTokenSource(Limits.Time);
        page ??= new PageLanguage(Language.English);
        var translator = new Translator(Languages, Languages.Find(page.Language.Code) ?? Language.English);
        var context = new EscapingContext(_functions, kind, Limits, folders, budget.Token, translator);
        context.PushGlobal(TemplateModel.Import(new { language = page.View(translator.Language) }));
        context.PushGlobal(TemplateModel.Import(model, EveryText, translator, kind == TemplateOutputKind.Html));
        try
        {
            var output = template.Render(context);
            var mark = output.IndexOf(BannerMark, StringComparison.Ordinal);
            if (mark < 0) return output;
            if (translator.Unchecked)
                return string.Concat(output.AsSpan(0, mark), Compile(folders.PathOf("site/_translation-banner")).Render(context),
                    output.AsSpan(mark + BannerMark.Length));
            // No banner: the mark's line goes, as if it had never been there.
            var start = output.LastIndexOf('\n', mark) + 1;
            var end = mark + BannerMark.Length;
            if (output.AsSpan(start, mark - start).IsWhiteSpace() && end < output.Length && output[end] == '\n')
                return string.Concat(output.AsSpan(0, start), output.AsSpan(end + 1));
            return string.Concat(output.AsSpan(0, mark), output.AsSpan(end));
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
