using System.Globalization;
using LocalOffer.Core.Output;
using NodaTime;
using Scriban;
using Scriban.Runtime;

namespace LocalOffer.Offers.Render;

/// <summary>
/// Every function a template can call, in one place (Scriban's own builtins are not given to
/// templates): <c>date</c>, <c>lastday</c>, <c>money</c>, <c>plural</c>, <c>markdown</c>, <c>indent</c>,
/// <c>lang_of</c> and <c>in_english</c> (a council's words, <see cref="CouncilWords"/>); and
/// <c>include</c>, added by <see cref="TemplateSet"/>; <c>t</c> and <c>ta</c>, a string of the page's
/// language (<see cref="TranslateFunction"/>). Each returns text (escaped when written) except
/// <c>markdown</c>, whose <see cref="SafeHtml"/> is written as it is.
/// </summary>
public static class TemplateFunctions
{
    /// <summary>{{ date d }}: "15 June 2033"; empty when d is not a date.</summary>
    public static string Date(object? d) =>
        d is LocalDate x ? x.ToString("d MMMM yyyy", CultureInfo.InvariantCulture) : "";

    /// <summary>
    /// {{ lastday d }}: the last day of a period whose end d is exclusive (the day before d), so a
    /// young person reads "until 14 June 2033" rather than "until the day before 15 June 2033".
    /// </summary>
    public static string Lastday(object? d) => d is LocalDate x ? Date(x.PlusDays(-1)) : "";

    /// <summary>{{ money 57.9 }}: "£57.90"; whole pounds as "£50" (<see cref="Gbp"/>).</summary>
    public static string Money(object? gbp) => gbp switch
    {
        decimal m => Gbp.Format(m),
        int i => Gbp.Format(i),
        long l => Gbp.Format(l),
        double f => Gbp.Format((decimal)f),
        _ => "",
    };

    /// <summary>{{ plural 3 "item" }}: "3 items", "1 item"; a third argument gives an irregular plural.</summary>
    public static string Plural(object? count, string one, string? many = null)
    {
        var n = count switch { int i => i, long l => l, decimal d => (long)d, _ => 0L };
        return n.ToString(CultureInfo.InvariantCulture) + " " + (n == 1 ? one : many ?? one + "s");
    }

    /// <summary>{{ markdown text }}: council Markdown as safe HTML (<see cref="SafeMarkdown"/>).</summary>
    public static SafeHtml Markdown(object? text) => SafeMarkdown.Render(text switch
    {
        string s => s,
        CouncilWords w => w.Text,
        _ => "",
    });

    /// <summary>
    /// {{ lang_of title }}: the lang and dir of a council's words on a translated page (its own
    /// language, or English marked as such); nothing on an English page, which writes them as before.
    /// </summary>
    public static SafeHtml LangOf(object? text) => new(text is CouncilWords w ? w.Attributes : "");

    /// <summary>
    /// {{ in_english texts }}: whether a council's words (one, or any of a list) show in English on a
    /// translated page, where the page then says the council wrote them in English only.
    /// </summary>
    public static bool InEnglish(object? text) => text switch
    {
        CouncilWords w => w.English,
        System.Collections.IEnumerable list and not string => list.Cast<object?>().Any(InEnglish),
        _ => false,
    };

    /// <summary>
    /// {{ include 'web/_date' d | indent 2 }}: an include's lines indented by n spaces, for an include
    /// that stands on its own indented line (its output is still the include's, so still safe).
    /// </summary>
    public static SafeHtml Indent(SafeHtml html, int spaces)
    {
        var pad = new string(' ', Math.Clamp(spaces, 0, 40));
        var lines = html.Html.Split('\n');
        for (var i = 0; i < lines.Length; i++)
            if (i < lines.Length - 1 || lines[i].Length > 0) lines[i] = pad + lines[i];
        return new SafeHtml(string.Join('\n', lines));
    }

    // plural as a method, so its third argument keeps its default (a lambda's would not).
    private static string PluralIn(TemplateContext c, object? count, string one, string? many = null) =>
        Formats(c).Number(Plural(count, one, many));

    private static Languages.LocalFormats Formats(TemplateContext c) => ((EscapingContext)c).Translator.Formats;

    /// <summary>The functions as a read-only object a template context starts from.</summary>
    internal static ScriptObject Create(IScriptCustomFunction include)
    {
        var o = new ScriptObject(12, false);
        // Dates, amounts and counts in the page's language (English: the functions above).
        o.Import("date", new Func<TemplateContext, object?, string>((c, d) => d is LocalDate x ? Formats(c).Date(x) : ""));
        o.Import("lastday", new Func<TemplateContext, object?, string>((c, d) => d is LocalDate x ? Formats(c).Date(x.PlusDays(-1)) : ""));
        o.Import("money", new Func<TemplateContext, object?, string>((c, gbp) => Formats(c).Number(Money(gbp))));
        o.SetValue("plural", DynamicCustomFunction.Create(null!, typeof(TemplateFunctions).GetMethod(nameof(PluralIn),
            System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!), true);
        o.SetValue("t", new TranslateFunction(false), true);
        o.SetValue("ta", new TranslateFunction(true), true);
        o.SetValue("en", new TranslateFunction(false, english: true), true);
        o.Import("markdown", new Func<object?, SafeHtml>(Markdown));
        o.Import("indent", new Func<SafeHtml, int, SafeHtml>(Indent));
        o.Import("lang_of", new Func<object?, SafeHtml>(LangOf));
        o.Import("in_english", new Func<object?, bool>(InEnglish));
        o.SetValue("include", include, true);
        o.IsReadOnly = true;
        return o;
    }
}
