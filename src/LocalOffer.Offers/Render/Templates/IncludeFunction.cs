using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace LocalOffer.Offers.Render;

/// <summary>
/// {{ include 'site/_item' item }}: renders another template, which reads the members of the object
/// given (and the page's model beneath them), in the same sandbox and escaping; its output is
/// <see cref="SafeHtml"/>, so it is not escaped twice. A value passed this way is escaped like any
/// other (the hole Handlebars.Net had with partials' hash arguments cannot open here).
/// </summary>
internal sealed class IncludeFunction(TemplateSet set) : IScriptCustomFunction
{
    public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments,
        ScriptBlockStatement? blockStatement)
    {
        var span = callerContext?.Span ?? context.CurrentSpan;
        if (arguments.Count is < 1 or > 2 || arguments[0] is not string name)
            throw new ScriptRuntimeException(span,
                "include takes a template name and, if it reads one, an object: include 'site/_item' item");
        if (context.TemplateLoader is not TemplateFolders folders)
            throw new ScriptRuntimeException(span, "no template folders");
        var template = set.Compile(folders.GetPath(context, span, name));
        var model = arguments.Count == 2 ? arguments[1] : null;
        if (model is not null and not ScriptObject)
            throw new ScriptRuntimeException(span, "include's second argument must be an object");
        if (model is ScriptObject o) context.PushGlobal(o);
        try
        {
            return new SafeHtml(context.RenderTemplate(template, new ScriptArray(), callerContext));
        }
        finally
        {
            if (model is ScriptObject) context.PopGlobal();
        }
    }

    public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments,
        ScriptBlockStatement? blockStatement) => new(Invoke(context, callerContext, arguments, blockStatement));

    public int RequiredParameterCount => 1;
    public int ParameterCount => 2;
    public ScriptVarParamKind VarParamKind => ScriptVarParamKind.Direct;
    public Type ReturnType => typeof(SafeHtml);

    public ScriptParameterInfo GetParameterInfo(int index) =>
        index == 0
            ? new ScriptParameterInfo(typeof(string), "template_name")
            : new ScriptParameterInfo(typeof(object), "model");
}
