using LocalOffer.Offers.Render.Languages;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace LocalOffer.Offers.Render;

/// <summary>
/// {{ t "yours.heading" }}, {{ t "yours.about" { date: offer.person.asAt, age: offer.person.age } }}:
/// a string of the page's language from its catalogue (translations/), its placeholders filled by
/// the object given (or by name and value pairs). In HTML the result is escaped here (values too,
/// except a <see cref="SafeHtml"/> such as an include), with <c>[words]({url})</c> made a link and an
/// English fallback marked lang="en". <c>ta</c> is the same as plain text, for an attribute or a title.
/// <c>en</c> is the English of a key (the banner says it in both languages).
/// A key not in the English catalogue is a template error (file:line:column).
/// </summary>
internal sealed class TranslateFunction(bool plain, bool english = false) : IScriptCustomFunction
{
    public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement)
    {
        var span = callerContext?.Span ?? context.CurrentSpan;
        var name = english ? "en" : plain ? "ta" : "t";
        if (arguments.Count < 1 || arguments[0] is not string key)
            throw new ScriptRuntimeException(span, $"{name} takes a catalogue key and, if the string has placeholders, an object: {name} \"yours.about\" {{ age: 18 }}");
        if (context is not EscapingContext ec) throw new ScriptRuntimeException(span, "no page language");
        var args = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (arguments.Count == 2 && arguments[1] is ScriptObject o)
            foreach (var kv in o) args[kv.Key] = kv.Value;
        else
            for (var i = 1; i + 1 < arguments.Count; i += 2)
                args[arguments[i] as string ?? throw new ScriptRuntimeException(span, $"{name}: a placeholder's name must be text")] = arguments[i + 1];
        if (arguments.Count > 2 && arguments.Count % 2 == 0) throw new ScriptRuntimeException(span, $"{name}: give each placeholder a name and a value");
        try
        {
            var html = !plain && ec.Kind == TemplateOutputKind.Html;
            var text = (english ? ec.Translator.English : ec.Translator).Render(key, args, html);
            return html ? new SafeHtml(text) : text;
        }
        catch (Exception e) when (e is KeyNotFoundException or ArgumentException)
        {
            throw new ScriptRuntimeException(span, e.Message);
        }
    }

    public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments,
        ScriptBlockStatement? blockStatement) => new(Invoke(context, callerContext, arguments, blockStatement));

    public int RequiredParameterCount => 1;
    public int ParameterCount => 9;
    public ScriptVarParamKind VarParamKind => ScriptVarParamKind.Direct;
    public Type ReturnType => typeof(object);

    public ScriptParameterInfo GetParameterInfo(int index) =>
        index == 0 ? new ScriptParameterInfo(typeof(string), "key") : new ScriptParameterInfo(typeof(object), "values");
}
