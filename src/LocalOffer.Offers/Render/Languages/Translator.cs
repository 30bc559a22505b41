using System.Text;
using System.Text.RegularExpressions;
using NodaTime;

namespace LocalOffer.Offers.Render.Languages;

/// <summary>
/// The strings of one page in one language. A key the language lacks (or whose translation has lost
/// a placeholder) is shown in English, marked lang="en" in HTML: never a blank. Whether the page used
/// a draft string or an English fallback is remembered, so the page says at the top that its
/// translation is not yet checked (<see cref="Unchecked"/>).
/// </summary>
public sealed partial class Translator
{
    private readonly LanguageSet _set;
    private readonly Catalogue _catalogue;

    public Translator(LanguageSet set, Language language)
    {
        _set = set;
        Language = language;
        _catalogue = set.Catalogue(language);
        // A date's month names and pattern are strings too: a page with a date in draft months is unchecked.
        var datesDraft = DateKeys.Any(IsDraft);
        Formats = new LocalFormats(language, k => Lookup(k)?.Text, () => Unchecked |= datesDraft);
        English = language.IsEnglish ? this : new Translator(set, set.English.Language);
    }

    public Language Language { get; }

    private static readonly string[] DateKeys = ["date.pattern", .. Enumerable.Range(1, 12).Select(m => $"date.month.{m}")];

    public LocalFormats Formats { get; }

    /// <summary>The same page's strings in English (the banner's second line).</summary>
    public Translator English { get; }

    /// <summary>Whether the page showed a draft string, or English in place of a missing one.</summary>
    public bool Unchecked { get; private set; }

    [GeneratedRegex(@"\{([a-z][a-z0-9_]*)\}")]
    public static partial Regex Placeholder();

    [GeneratedRegex(@"\[([^\[\]]+)\]\(\{([a-z][a-z0-9_]*)\}\)")]
    private static partial Regex Link();

    /// <summary>A string's text in this language, or its English with <c>English</c> set; null when even English lacks it.</summary>
    public (string Text, bool English)? Lookup(string key, long? count = null)
    {
        var en = _set.English.Find(key);
        if (en is null) return null;
        var form = count is { } n ? Plurals.Form(Language.Code, n) : "other";
        var enText = en.For(count is { } c ? Plurals.Form(Language.EnglishCode, c) : "other")!;
        if (Language.IsEnglish) return (enText, false);
        var own = _catalogue.Find(key);
        if (own?.For(form) is not { } text) return (enText, true);
        return (text, false);
    }

    /// <summary>
    /// A string with its placeholders filled: <c>{name}</c> by the value given (a date in the
    /// language's words, a number in its digits), and in HTML <c>[words]({url})</c> as a link to
    /// the address given. In HTML the result is escaped, values too, except <see cref="SafeHtml"/>.
    /// </summary>
    public string Render(string key, IReadOnlyDictionary<string, object?> args, bool html)
    {
        long? count = args.TryGetValue("count", out var c) ? AsLong(c) : null;
        args = Parts(args, html);
        var found = Lookup(key, count) ?? throw new KeyNotFoundException($"no string '{key}' in the English catalogue (translations/en.yaml)");
        var (text, english) = found;
        if (!english && !SamePlaceholders(text, English.Lookup(key, count)!.Value.Text))
        {
            // A translation naming a value the page does not give: the English, rather than a hole.
            text = English.Lookup(key, count)!.Value.Text;
            english = true;
        }
        if (!Placeholders(text).All(args.ContainsKey))
            throw new ArgumentException($"'{key}' needs {string.Join(", ", Placeholders(text).Where(p => !args.ContainsKey(p)).Select(p => "{" + p + "}"))}");
        if (english || IsDraft(key)) Unchecked = true;
        var formats = english ? English.Formats : Formats;
        var result = html ? Html(text, args, formats) : Plain(text, args, formats);
        return html && english && !Language.IsEnglish ? $"<span lang=\"en-GB\" dir=\"ltr\">{result}</span>" : result;
    }

    /// <summary>
    /// Values that are catalogue strings themselves (the parts of the engine's sentences) written in
    /// this language first: in HTML as markup already escaped, so they are not escaped twice.
    /// </summary>
    private IReadOnlyDictionary<string, object?> Parts(IReadOnlyDictionary<string, object?> args, bool html)
    {
        if (!args.Values.Any(v => v is CatalogueText or Policy.PolicyText)) return args;
        return args.ToDictionary(kv => kv.Key, kv => kv.Value switch
        {
            CatalogueText t => t.In(this, html),
            Policy.PolicyText p => CouncilWords.For(p, Language),
            var v => v,
        }, StringComparer.Ordinal);
    }



    /// <summary>Whether the language's string for a key is a draft (unchecked, or checked against English that has since changed).</summary>
    public bool IsDraft(string key)
    {
        if (Language.IsEnglish) return false;
        var own = _catalogue.Find(key);
        if (own is null) return true;
        if (!own.Checked) return true;
        return own.CheckedEnglish is { } read && _set.English.Find(key)?.Text is { } now && read != now;
    }

    [GeneratedRegex(@"\{([^{}]{1,60})\}")]
    private static partial Regex AnyBraces();

    /// <summary>
    /// Whether a translation names exactly the values its English does (a {تاريخ} is not {date});
    /// {count} aside, which a plural form may leave out ("two items" in one word).
    /// </summary>
    public static bool SamePlaceholders(string translation, string english) =>
        Braces(translation).Where(p => p != "count").ToHashSet().SetEquals(Braces(english).Where(p => p != "count"));

    /// <summary>Whatever a text holds in braces: its placeholders, and any a translator changed.</summary>
    public static IEnumerable<string> Braces(string text) => AnyBraces().Matches(text).Select(m => m.Groups[1].Value).Distinct();

    /// <summary>The names of a text's placeholders, {date} and the like.</summary>
    public static IEnumerable<string> Placeholders(string text) => Placeholder().Matches(text).Select(m => m.Groups[1].Value).Distinct();

    /// <summary>A value as the language writes it.</summary>
    public static string Value(object? v, LocalFormats f) => v switch
    {
        null => "",
        string s => s,
        LocalDate d => f.Date(d),
        int i => f.Count(i),
        long l => f.Count(l),
        decimal d => f.Number(d.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        SafeHtml h => h.Html,
        CouncilWords w => w.Text,
        Ordinal o => f.Ordinal(o.N),
        Pounds p => f.Money(p.Gbp),
        _ => v.ToString() ?? "",
    };

    private static string Plain(string text, IReadOnlyDictionary<string, object?> args, LocalFormats f)
    {
        text = f.Number(Link().Replace(text, m => $"{m.Groups[1].Value} ({{{m.Groups[2].Value}}})"));
        return Placeholder().Replace(text, m => Value(args[m.Groups[1].Value], f));
    }

    /// <summary>
    /// A string of several lines (Easy Read: one idea a line, a symbol beside each) is written a line
    /// at a time, joined by &lt;br&gt;; a line's leading symbol (a one-line string's too) is hidden from
    /// screen readers (the words say it).
    /// </summary>
    private static string Html(string text, IReadOnlyDictionary<string, object?> args, LocalFormats f) =>
        string.Join("<br>\n", text.Split('\n').Select(line =>
        {
            var space = line.IndexOf(' ');
            var first = space > 0 ? line[..space] : "";
            return IsSymbol(first)
                ? $"<span class=\"lo-symbol\" aria-hidden=\"true\">{EscapingContext.EscapeHtml(first)}</span> {Line(line[(space + 1)..], args, f)}"
                : Line(line, args, f);
        }));

    /// <summary>
    /// A picture symbol (an emoji, ℹ️), not punctuation such as ": call free on": no ASCII letter or
    /// digit, and a character outside the Basic Multilingual Plane, a symbol, or the emoji selector.
    /// </summary>
    private static bool IsSymbol(string word) =>
        word.Length > 0 && !word.Any(c => char.IsAsciiLetterOrDigit(c) || c == '{')
        && !word.Any(c => char.IsLetter(c) && c < '\u2100')
        && word.Any(c => char.IsSurrogate(c) || c == '\uFE0F'
            || System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.OtherSymbol);

    private static string Line(string text, IReadOnlyDictionary<string, object?> args, LocalFormats f)
    {
        var b = new StringBuilder(text.Length + 32);
        var at = 0;
        foreach (Match m in Link().Matches(text))
        {
            Fill(b, text[at..m.Index], args, f);
            var href = args[m.Groups[2].Value] is { } u ? Value(u, f) : "#";
            b.Append("<a class=\"govuk-link\" href=\"").Append(EscapingContext.EscapeHtml(SafeMarkdown.NeutraliseHref(href))).Append("\">");
            Fill(b, m.Groups[1].Value, args, f);
            b.Append("</a>");
            at = m.Index + m.Length;
        }
        Fill(b, text[at..], args, f);
        return b.ToString();
    }

    private static void Fill(StringBuilder b, string text, IReadOnlyDictionary<string, object?> args, LocalFormats f)
    {
        var at = 0;
        foreach (Match m in Placeholder().Matches(text))
        {
            b.Append(EscapeWords(f.Number(text[at..m.Index])));
            var v = args[m.Groups[1].Value];
            if (v is SafeHtml h) b.Append(h.Html);
            // A council's words it gives only in English, on a translated page: marked English (the page says so).
            else if (v is CouncilWords { English: true } w)
                b.Append("<span lang=\"en-GB\" dir=\"ltr\">").Append(EscapingContext.EscapeHtml(w.Text))
                    .Append("</span>");
            else
            {
                // A name in Latin letters (the council's) inside right-to-left words is isolated, so its
                // full stop and the words beside it keep their order.
                var value = EscapingContext.EscapeHtml(Value(v, f));
                b.Append(f.Language.RightToLeft && value.Any(char.IsAsciiLetter) ? $"<bdi>{value}</bdi>" : value);
            }
            at = m.Index + m.Length;
        }
        b.Append(EscapeWords(f.Number(text[at..])));
    }

    /// <summary>
    /// The catalogue's own words, written between tags (t is for element content; ta for an attribute,
    /// which the page escapes in full): &amp;, &lt; and &gt; escaped, so no markup gets through, while
    /// quotes and apostrophes stay as a template's own text writes them (the English pages are byte
    /// for byte what they were before the catalogue). Values are escaped in full.
    /// </summary>
    private static string EscapeWords(string text) =>
        text.AsSpan().IndexOfAny("&<>") < 0 ? text : text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    private static long? AsLong(object? v) => v switch { int i => i, long l => l, decimal d => (long)d, double x => (long)x, _ => null };
}
