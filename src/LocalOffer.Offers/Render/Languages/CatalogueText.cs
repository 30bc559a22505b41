using System.Globalization;
using System.Text;

namespace LocalOffer.Offers.Render.Languages;

/// <summary>
/// A view model's text that is a catalogue string (an entitlement's summary, say): the template
/// reads it as text in the page's language, written when the model is imported for that page
/// (<see cref="TemplateModel"/>), so the template itself needs no change to be translated.
/// A value may itself be a <see cref="CatalogueText"/> (the engine's sentences are built of parts:
/// "{name}: {how_long}."), written in the same language; <paramref name="Capital"/> puts the first
/// letter in capitals, as a short name that begins a line ("Your personal adviser: ..."), and
/// <paramref name="Lower"/> in small letters, as words that begin a line used inside a sentence
/// ("..., for all care leavers: ask"). A value may be a council's <see cref="Policy.PolicyText"/>.
/// Two texts are equal when they say the same thing: the same key, values and case.
/// </summary>
public sealed record CatalogueText(string Key, IReadOnlyDictionary<string, object?>? Args = null, bool Capital = false,
    bool Lower = false)
{
    private static readonly IReadOnlyDictionary<string, object?> None = new Dictionary<string, object?>();

    /// <summary>A text with named values: <c>CatalogueText.Of("runs.until-age", ("age", 21))</c>.</summary>
    public static CatalogueText Of(string key, params (string Name, object? Value)[] args) =>
        new(key, args.ToDictionary(a => a.Name, a => a.Value, StringComparer.Ordinal));

    /// <summary>The text in a language: HTML (escaped, an English fallback marked lang="en") or plain text.</summary>
    public object In(Translator translator, bool html)
    {
        var text = translator.Render(Key, Args ?? None, html);
        if (Capital) text = Capitalise(text);
        else if (Lower) text = Capitalise(text, upper: false);
        return html ? new SafeHtml(text) : text;
    }

    /// <summary>The plain text in a language (tests, and text a page writes outside a template).</summary>
    public string Plain(Translator translator) => (string)In(translator, false);

    /// <summary>The first letter outside markup in capitals, or small (a script without them is unchanged).</summary>
    private static string Capitalise(string text, bool upper = true)
    {
        var inTag = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '<') inTag = true;
            else if (c == '>') inTag = false;
            else if (!inTag && char.IsLetter(c))
                return char.IsUpper(c) == upper ? text
                    : string.Concat(text.AsSpan(0, i),
                        (upper ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c)).ToString(), text.AsSpan(i + 1));
        }
        return text;
    }

    public bool Equals(CatalogueText? other) => other is not null && Canonical() == other.Canonical();

    public override int GetHashCode() => Canonical().GetHashCode(StringComparison.Ordinal);

    /// <summary>The key and its values, nested texts included, as one string: what equality compares.</summary>
    private string Canonical()
    {
        var b = new StringBuilder(Key);
        if (Capital) b.Append('^');
        if (Lower) b.Append('_');
        foreach (var (k, v) in (Args ?? None).OrderBy(kv => kv.Key, StringComparer.Ordinal))
            b.Append('|').Append(k).Append('=').Append(v switch
            {
                CatalogueText t => "(" + t.Canonical() + ")",
                Policy.PolicyText p => "[" + p.En + "|" + string.Join("|", p.Languages
                    .OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Key + "=" + kv.Value)) + "]",
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                _ => v?.ToString(),
            });
        return b.ToString();
    }
}

/// <summary>A birthday's number in a sentence: "21st" on an English page, the number in its digits on others.</summary>
public sealed record Ordinal(int N);

/// <summary>An amount in pounds, in the language's digits and separators ("£2,000", "£٢٬٠٠٠").</summary>
public sealed record Pounds(decimal Gbp);
