using System.Globalization;
using HandlebarsDotNet;
using LocalOffer.Core.Rules;
using NodaTime;

namespace LocalOffer.Offers.Render;

/// <summary>
/// The Handlebars templates in templates/ (found beside rules/), compiled once. Handlebars escapes
/// every {{value}}; the only triple-stash {{{ }}} output is Markdown already made safe by
/// <see cref="SafeMarkdown"/> (the "markdown" helper) or a partial.
/// </summary>
public sealed class TemplateSet
{
    private readonly IHandlebars _hb;
    private readonly IHandlebars _plain;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, HandlebarsTemplate<object, object>> _compiled = new();
    private readonly string _directory;

    public TemplateSet(string directory)
    {
        _directory = directory;
        _hb = Handlebars.Create(new HandlebarsConfiguration { ThrowOnUnresolvedBindingExpression = false });
        // Markdown and text copies: Markdown gets '<' and '>' escaped, so no raw HTML reaches a Markdown
        // renderer downstream; plain text is written as it is.
        _plain = Handlebars.Create(new HandlebarsConfiguration { ThrowOnUnresolvedBindingExpression = false, TextEncoder = new AngleBracketEncoder() });
        foreach (var hb in new[] { _hb, _plain })
        {
            hb.RegisterHelper("markdown", (writer, context, args) => writer.WriteSafeString(SafeMarkdown.ToHtml(args.Length > 0 ? args[0]?.ToString() ?? "" : "")));
            hb.RegisterHelper("date", (writer, context, args) =>
                writer.Write(args.Length > 0 && args[0] is LocalDate d ? d.ToString("d MMMM yyyy", CultureInfo.InvariantCulture) : ""));
            // {{lastday d}}: the last day of a period whose end d is exclusive (the day before d), so a
            // young person reads "until 14 June 2033" rather than "until the day before 15 June 2033".
            hb.RegisterHelper("lastday", (writer, context, args) =>
                writer.Write(args.Length > 0 && args[0] is LocalDate d
                    ? d.PlusDays(-1).ToString("d MMMM yyyy", CultureInfo.InvariantCulture) : ""));
            hb.RegisterHelper("concat", (context, args) => string.Concat(args.Select(a => a?.ToString())));
            // {{e x}}: escapes x explicitly. Handlebars.Net 2.4 does not escape {{x}} inside a partial
            // called with hash arguments ({{> field value=...}}), so the partials use this for every value.
            var html = hb == _hb;
            hb.RegisterHelper("e", (writer, context, args) =>
                writer.WriteSafeString(Escape(args.Length > 0 ? args[0]?.ToString() : "", html)));
            foreach (var partial in Directory.GetFiles(directory, "_*.hbs", SearchOption.AllDirectories))
                hb.RegisterTemplate(Path.GetFileNameWithoutExtension(partial)[1..], File.ReadAllText(partial));
        }
    }

    /// <summary>templates/ beside rules/ (a source checkout or the built program).</summary>
    public static TemplateSet LoadDefault()
    {
        var root = Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(RulesLocator.RulesRoot()))!;
        var dir = Path.Combine(root, "templates");
        if (!Directory.Exists(dir)) dir = Path.Combine(AppContext.BaseDirectory, "templates");
        return new TemplateSet(dir);
    }

    /// <summary>HTML-escapes (quotes too, for attributes), or for Markdown and text escapes '&lt;' and '&gt;' only.</summary>
    internal static string Escape(string? text, bool html) =>
        html ? System.Net.WebUtility.HtmlEncode(text ?? "") : SafeMarkdown.NeutraliseLinks(text ?? "").Replace("<", "&lt;").Replace(">", "&gt;");

    public string Render(string name, object model)
    {
        var t = _compiled.GetOrAdd(name, n => (n.EndsWith(".md") || n.EndsWith(".txt") ? _plain : _hb).Compile(File.ReadAllText(Path.Combine(_directory, n + ".hbs"))));
        return t(model);
    }
}

/// <summary>For Markdown and text output: only '&lt;' and '&gt;' are escaped (as entities), so text reads naturally.</summary>
internal sealed class AngleBracketEncoder : ITextEncoder
{
    public void Encode(System.Text.StringBuilder? text, TextWriter target) => Encode(text?.ToString(), target);

    public void Encode(string? text, TextWriter target)
    {
        foreach (var c in SafeMarkdown.NeutraliseLinks(text ?? ""))
            target.Write(c switch { '<' => "&lt;", '>' => "&gt;", _ => c.ToString() });
    }

    public void Encode<T>(T? text, TextWriter target) where T : IEnumerator<char>
    {
        var all = new System.Text.StringBuilder();
        while (text is not null && text.MoveNext()) all.Append(text.Current);
        Encode(all.ToString(), target);
    }
}
