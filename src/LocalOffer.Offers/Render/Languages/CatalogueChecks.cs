using System.Text.RegularExpressions;
using LocalOffer.Offers.Lint;

namespace LocalOffer.Offers.Render.Languages;

/// <summary>
/// What a catalogue must be, against English (tests and lint run these): every English key present
/// (a page would otherwise show that string in English), no key English no longer has, the same
/// placeholders as the English ({date} kept exactly, never translated or dropped), no placeholder
/// text left in place of a translation (TODO, the English copied, a string with no letter of the
/// language's script), every plural form the language has, and a date pattern NodaTime reads.
/// </summary>
public static partial class CatalogueChecks
{
    /// <summary>The scripts languages.yaml may name, as a character class of their letters.</summary>
    public static readonly IReadOnlyDictionary<string, string> Scripts = new Dictionary<string, string>
    {
        ["Latn"] = @"[A-Za-z\u00C0-\u024F]",
        ["Arab"] = @"[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]",
        ["Ethi"] = @"[\u1200-\u139F\u2D80-\u2DDF\uAB00-\uAB2F]",
    };

    [GeneratedRegex(@"\b(TODO|TBD|FIXME|XXX|TRANSLATE|TRANSLATION NEEDED|lorem ipsum)\b|\?\?\?", RegexOptions.IgnoreCase)]
    private static partial Regex Marker();

    [GeneratedRegex(@"\{[^}]*\}|\]\(\{[a-z0-9_]+\}\)")]
    private static partial Regex NotWords();

    /// <summary>Every finding for one language's catalogue (none for English).</summary>
    public static List<Finding> Check(LanguageSet set, Language language)
    {
        var findings = new List<Finding>();
        if (language.IsEnglish) return findings;
        var en = set.English;
        var own = set.Catalogue(language);
        var letters = new Regex(Scripts.GetValueOrDefault(language.Script, Scripts["Latn"]));
        void Add(long line, string message) => findings.Add(new Finding(Severity.Error, own.File, line, 0, message));
        foreach (var (key, source) in en.Entries)
        {
            if (own.Find(key) is not { } e)
            {
                Add(0, $"'{key}' is missing: the page shows it in English (\"{Short(source.Texts.First())}\")");
                continue;
            }
            var wanted = source.Texts.SelectMany(Translator.Braces).ToHashSet();
            foreach (var text in e.Texts)
            {
                var has = Translator.Braces(text).ToHashSet();
                foreach (var p in wanted.Except(has).Where(p => p != "count" || (e.Forms is null && source.Forms is null)))
                    Add(e.Line, $"'{key}' lost the placeholder {{{p}}}: keep it exactly as in English, untranslated");
                foreach (var p in has.Except(wanted))
                    Add(e.Line, $"'{key}' has the placeholder {{{p}}}, which the English does not: placeholders stay as in English");
                if (Marker().IsMatch(text)) Add(e.Line, $"'{key}' is still a placeholder (\"{Short(text)}\"): translate it");
                var words = NotWords().Replace(text, "");
                var englishWords = NotWords().Replace(source.Texts.First(), "");
                if (language.Script != "Latn" && key != "date.pattern" && letters.Matches(words).Count == 0 && englishWords.Any(char.IsLetter))
                    Add(e.Line, $"'{key}' has no {language.EnglishName} letters (\"{Short(text)}\"): translate it");
                else if (language.Code != "en-easy" && source.Texts.Contains(text) && englishWords.Count(char.IsLetter) > 3 && key != "date.pattern")
                    Add(e.Line, $"'{key}' is the English text: translate it");
            }
            if (e.Forms is { } forms)
                foreach (var f in Plurals.Forms(language.Code).Where(f => !forms.ContainsKey(f)))
                    Add(e.Line, $"'{key}' has no '{f}' form ({language.EnglishName} needs {string.Join(", ", Plurals.Forms(language.Code))})");
            if (e.Checked && e.CheckedEnglish is { } read && source.Text is { } now && read != now)
                findings.Add(new Finding(Severity.Compliance, own.File, e.Line, 0,
                    $"'{key}' was checked against English that has since changed: it counts as draft until checked again"));
        }
        foreach (var (key, e) in own.Entries.Where(kv => en.Find(kv.Key) is null))
            Add(e.Line, $"'{key}' is not in the English catalogue (renamed or removed): take it out");
        if (own.Find("date.pattern")?.Text is { } pattern && LocalFormats.Pattern(pattern) is null)
            Add(own.Find("date.pattern")!.Line, $"date.pattern '{pattern}' is not a long date pattern (day d, month MMMM, year yyyy)");
        return findings;
    }

    /// <summary>How much of a language a person has checked: (checked, draft, missing) strings.</summary>
    public static (int Checked, int Draft, int Missing) Coverage(LanguageSet set, Language language)
    {
        if (language.IsEnglish) return (set.English.Entries.Count, 0, 0);
        var t = new Translator(set, language);
        var own = set.Catalogue(language);
        int ok = 0, draft = 0, missing = 0;
        foreach (var key in set.English.Entries.Keys)
        {
            if (own.Find(key) is null) missing++;
            else if (t.IsDraft(key)) draft++;
            else ok++;
        }
        return (ok, draft, missing);
    }

    /// <summary>
    /// What lint prints for a language's catalogue: "ar: 0 of 348 strings checked by a translator, 348 draft,
    /// 0 missing", with the number of problems <see cref="Check"/> finds, if any.
    /// </summary>
    public static string CoverageLine(LanguageSet set, Language language)
    {
        var (ok, draft, missing) = Coverage(set, language);
        var problems = Check(set, language).Count(f => f.Severity == Severity.Error);
        return $"{language.Code}: {ok} of {ok + draft + missing} strings checked by a translator, "
            + $"{draft} draft, {missing} missing"
            + (problems > 0 ? $", {problems} problem(s) (TranslationTests names each, with file and line)" : "");
    }

    private static string Short(string s) => s.Length <= 60 ? s : s[..57] + "...";
}
