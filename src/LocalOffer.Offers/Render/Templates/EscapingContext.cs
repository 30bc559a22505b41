using System.Collections;
using System.Text;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;

namespace LocalOffer.Offers.Render;

/// <summary>
/// The one place template output is escaped. Every value a <c>{{ expression }}</c> writes comes
/// through <see cref="Write(SourceSpan, object?)"/>: in HTML it is HTML-escaped (quotes too, so a
/// value is safe inside a quoted attribute), in Markdown and text '&lt;' and '&gt;' are escaped and
/// unsafe links neutralised. Literal template text is written as it is (it is the program's own).
/// Only a <see cref="SafeHtml"/> is written unescaped. Templates reach no .NET member (the
/// <see cref="TemplateContext.MemberFilter"/> refuses every one): they read only the
/// <see cref="ScriptObject"/>s that <see cref="TemplateModel"/> made of the view model.
/// </summary>
internal sealed class EscapingContext : TemplateContext
{
    private readonly TemplateOutputKind _kind;

    public EscapingContext(ScriptObject functions, TemplateOutputKind kind, TemplateLimits limits,
        ITemplateLoader loader, CancellationToken budget, Languages.Translator translator) : base(functions)
    {
        _kind = kind;
        Translator = translator;
        TemplateLoader = loader;
        MemberFilter = _ => false;
        StrictVariables = false; // as before: a value the view model leaves out is empty
        EnableRelaxedMemberAccess = true;
        AutoIndent = false; // a multi-line value is written as it is, not re-indented to its tag
        LoopLimit = limits.Loops;
        RecursiveLimit = limits.Recursion;
        OutputLimit = limits.OutputChars;
        OnOutputLimit = ScriptLimitBehavior.Throw;
        LimitToString = limits.OutputChars;
        OnStringLimit = ScriptLimitBehavior.Throw;
        CancellationToken = budget;
    }

    public TemplateOutputKind Kind => _kind;

    /// <summary>The page's language: its strings (t), dates, amounts and counts.</summary>
    public Languages.Translator Translator { get; }

    public override TemplateContext Write(SourceSpan span, object? textAsObject)
    {
        if (textAsObject is null) return this;
        if (textAsObject is SafeHtml safe) return Write(safe.Html);
        var text = ObjectToString(textAsObject) ?? "";
        return Write(_kind == TemplateOutputKind.Html ? EscapeHtml(text) : EscapeText(text));
    }

    /// <summary>A date written bare is ISO (yyyy-MM-dd); a page uses the date function for words.</summary>
    public override string? ObjectToString(object? value, bool nested = false) =>
        value is NodaTime.LocalDate d ? d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
            : value is CouncilWords w ? w.Text
            : base.ObjectToString(value, nested);

    /// <summary>
    /// A value is true unless it is null, false, empty text, zero or an empty list (as the templates
    /// were written: "if there are contacts", "if there is an amount").
    /// </summary>
    public override bool ToBool(SourceSpan span, object? value) => value switch
    {
        null => false,
        bool b => b,
        string s => s.Length > 0,
        int i => i != 0,
        long l => l != 0,
        decimal d => d != 0,
        double f => f != 0,
        SafeHtml h => h.Html.Length > 0,
        CouncilWords w => w.Text.Length > 0,
        ICollection c => c.Count > 0,
        _ => base.ToBool(span, value),
    };

    /// <summary>
    /// HTML text and attribute values: &amp; &lt; &gt; " ' ` = are written as entities, everything
    /// else (including non-ASCII such as £) as it is.
    /// </summary>
    public static string EscapeHtml(string text)
    {
        if (text.AsSpan().IndexOfAny("&<>\"'`=") < 0) return text;
        var b = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            switch (c)
            {
                case '&': b.Append("&amp;"); break;
                case '<': b.Append("&lt;"); break;
                case '>': b.Append("&gt;"); break;
                case '"': b.Append("&quot;"); break;
                case '\'': b.Append("&#x27;"); break;
                case '`': b.Append("&#x60;"); break;
                case '=': b.Append("&#x3D;"); break;
                default: b.Append(c); break;
            }
        }
        return b.ToString();
    }

    /// <summary>Markdown and text: links to unsafe addresses become "#", and '&lt;' '&gt;' are entities.</summary>
    public static string EscapeText(string text) =>
        SafeMarkdown.NeutraliseLinks(text)
            .Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}
