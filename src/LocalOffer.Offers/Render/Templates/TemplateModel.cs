using System.Collections;
using System.Runtime.CompilerServices;
using NodaTime;
using Scriban.Runtime;

namespace LocalOffer.Offers.Render;

/// <summary>
/// Makes a view model into what a template may read: anonymous objects and dictionaries become
/// read-only <see cref="ScriptObject"/>s (member names as in C#), lists become read-only
/// <see cref="ScriptArray"/>s, and the leaves are text, numbers, true/false, dates and
/// <see cref="SafeHtml"/>; a council's <see cref="Policy.PolicyText"/> is its English, or on a translated
/// page a <see cref="CouncilWords"/>. Any other .NET object is refused here, so no template can reach a type's
/// members beyond the view model (and the context's member filter refuses them anyway).
/// </summary>
public static class TemplateModel
{
    public static ScriptObject Import(object model, Func<string, string>? text = null) => Import(model, text, null, false);

    /// <summary>
    /// The model for a page in a language: each <see cref="Languages.CatalogueText"/> becomes the
    /// translator's text (HTML when <paramref name="html"/>). A model imported for another language
    /// than English is not cached (the same object could be shown in two languages).
    /// </summary>
    internal static ScriptObject Import(object model, Func<string, string>? text, Languages.Translator? translator, bool html) =>
        Convert(model, "model", 0, text, translator is { Language.IsEnglish: false } ? new Local(translator, html) : null,
            translator is null ? null : new Local(translator, html)) as ScriptObject
        ?? throw new ArgumentException("a template's model must be an object with named members", nameof(model));

    private sealed record Local(Languages.Translator Translator, bool Html);

    private const int MaxDepth = 32;

    private static readonly ConditionalWeakTable<object, ScriptObject> Imported = new();

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, System.Reflection.PropertyInfo[]>
        Properties = new();

    private static object? Convert(object? value, string path, int depth, Func<string, string>? text, Local? uncached = null, Local? local = null)
    {
        if (depth > MaxDepth) throw new ArgumentException($"view model too deep at {path}");
        switch (value)
        {
            case null: return null;
            case string s: return text is null ? s : text(s);
            case bool or int or long or decimal or double or LocalDate or SafeHtml: return value;
            case Enum e: return e.ToString();
            case Policy.PolicyText council:
                // A council's words: its English on an English page (as before), else its own text in the
                // page's language or its English marked as English (CouncilWords).
                if (local is null || local.Translator.Language.IsEnglish) return Convert(council.En, path, depth, text);
                var w = CouncilWords.For(council, local.Translator.Language);
                return text is null ? w : w with { Text = text(w.Text) };
            case CouncilWords: return value;
            case Languages.CatalogueText words:
                // English is plain text (the same for HTML and Markdown, so a cached import holds for both).
                return local is null ? words.Key
                    : words.In(local.Translator, local.Html && !local.Translator.Language.IsEnglish);
            case ScriptObject or ScriptArray:
                throw new ArgumentException($"view model {path}: give plain objects, not script objects");
            case IDictionary dict:
            {
                var o = new ScriptObject(dict.Count, false);
                foreach (DictionaryEntry kv in dict)
                    o.SetValue(kv.Key.ToString()!, Convert(kv.Value, $"{path}.{kv.Key}", depth + 1, text, uncached, local), true);
                o.IsReadOnly = true;
                return o;
            }
            case IEnumerable list:
            {
                var a = new ScriptArray();
                var i = 0;
                foreach (var item in list) a.Add(Convert(item, $"{path}[{i++}]", depth + 1, text, uncached, local));
                a.IsReadOnly = true;
                return a;
            }
        }
        // An anonymous object cannot change once made, and its import is read-only: a site model
        // shared by a council's twelve pages is imported once (a view model's lists are not changed
        // after it is made; the test hook that rewrites text is never cached).
        var cache = text is null && uncached is null;
        if (cache && Imported.TryGetValue(value, out var done)) return done;
        var type = value.GetType();
        if (!IsAnonymous(type))
            throw new ArgumentException($"view model {path}: {type.Name} is not a view model "
                + "(give an anonymous object, a list, text, a number or a date)");
        var props = Properties.GetOrAdd(type, t => t.GetProperties());
        var obj = new ScriptObject(props.Length, false);
        foreach (var p in props)
            obj.SetValue(p.Name, Convert(p.GetValue(value), $"{path}.{p.Name}", depth + 1, text, uncached, local), true);
        obj.IsReadOnly = true;
        if (cache) Imported.AddOrUpdate(value, obj);
        return obj;
    }

    private static bool IsAnonymous(Type t) =>
        t.IsSealed && t.Name.Contains("AnonymousType", StringComparison.Ordinal)
        && Attribute.IsDefined(t, typeof(CompilerGeneratedAttribute), false);
}
