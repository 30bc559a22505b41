using LocalOffer.Core.Rules;
using LocalOffer.Offers.Lint;
using LocalOffer.Offers.Policy;
using YamlDotNet.RepresentationModel;

namespace LocalOffer.Offers.Render.Languages;

/// <summary>
/// The languages of translations/languages.yaml and their catalogues (translations/&lt;code&gt;.yaml).
/// English is the source: every other catalogue translates its keys. The English of the statutory
/// entitlements stays with the law in rules/england/entitlements.yaml; it joins the English
/// catalogue here under <c>entitlement.&lt;id&gt;.title</c>, <c>.summary</c>, <c>.short</c> and <c>.how_to_apply</c>.
/// Adding a language is one line of languages.yaml and one catalogue file.
/// </summary>
public sealed class LanguageSet
{
    public const string ConfigFile = "languages.yaml";
    public const string Folder = "translations";

    private readonly Dictionary<string, Catalogue> _catalogues;

    private LanguageSet(string directory, IReadOnlyList<Language> languages, Dictionary<string, Catalogue> catalogues)
    {
        Directory = directory;
        Languages = languages;
        _catalogues = catalogues;
    }

    public string Directory { get; }

    /// <summary>In the order of languages.yaml, English first.</summary>
    public IReadOnlyList<Language> Languages { get; }

    public Catalogue English => _catalogues[Language.EnglishCode];

    public Catalogue Catalogue(Language language) => _catalogues[language.Code];

    /// <summary>The language of a code (as ?lang= and --lang give it), or null.</summary>
    public Language? Find(string? code) => Languages.FirstOrDefault(l => l.Code == code);

    /// <summary>The codes, for messages naming the choices.</summary>
    public string Codes => string.Join(", ", Languages.Select(l => l.Code));

    /// <summary>English only, with no catalogue file: what a template set without translations uses.</summary>
    public static LanguageSet EnglishOnly(IReadOnlyDictionary<string, string>? english = null)
    {
        var entries = (english ?? new Dictionary<string, string>()).ToDictionary(kv => kv.Key,
            kv => new CatalogueEntry(kv.Key, kv.Value, null, true, null, null, null, 0), StringComparer.Ordinal);
        return new LanguageSet("", [Language.English],
            new() { [Language.EnglishCode] = new Catalogue(Language.English, "", entries) });
    }

    /// <summary>translations/ beside rules/ (a source checkout or the built program), with the law's English.</summary>
    public static LanguageSet LoadDefault(EnglandLaw? law = null)
    {
        var findings = new List<Finding>();
        var set = Load(DefaultDirectory(), findings, law is null ? null : LawEnglish(law));
        ThrowOnProblem(findings);
        return set;
    }

    private static string DefaultDirectory()
    {
        var root = Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(RulesLocator.RulesRoot()))!;
        var dir = Path.Combine(root, Folder);
        return System.IO.Directory.Exists(dir) ? dir : Path.Combine(AppContext.BaseDirectory, Folder);
    }

    private static void ThrowOnProblem(List<Finding> findings)
    {
        if (findings.FirstOrDefault(f => f.Severity != Severity.Compliance) is { } bad)
            throw new RuleFileException(bad.File, bad.Line, bad.Column, bad.Message);
    }

    private static readonly Lazy<IReadOnlyList<Language>> ConfiguredLanguages = new(() =>
    {
        var findings = new List<Finding>();
        var languages = ReadConfig(Path.Combine(DefaultDirectory(), ConfigFile), findings);
        ThrowOnProblem(findings);
        if (!languages.Any(l => l.IsEnglish)) languages.Insert(0, Language.English);
        return languages;
    });

    /// <summary>
    /// The languages of translations/languages.yaml alone (no catalogue read), English first: the
    /// one list a policy file's <c>{ en: ..., ar: ... }</c> text is checked against, and lint's coverage.
    /// </summary>
    public static IReadOnlyList<Language> Configured() => ConfiguredLanguages.Value;

    /// <summary>The young person's English of the statutory entitlements, as catalogue keys.</summary>
    public static IReadOnlyDictionary<string, string> LawEnglish(EnglandLaw law)
    {
        var d = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var e in law.Entitlements.All)
        {
            d[$"entitlement.{e.Id}.title"] = e.Title;
            d[$"entitlement.{e.Id}.summary"] = e.Summary.Trim();
            // The name in a sentence ("Your personal adviser: until you are 21"), PlainRuns.Short.
            if (e.Short.Length > 0) d[$"entitlement.{e.Id}.short"] = e.Short;
            if (e.Money is { } m) d[$"entitlement.{e.Id}.how_to_apply"] = m.HowToApply.Trim();
        }
        return d;
    }

    /// <summary>
    /// Reads languages.yaml and each catalogue. Every problem is a finding with file, line and column;
    /// a language whose catalogue cannot be read is left out (English must be readable).
    /// </summary>
    public static LanguageSet Load(string directory, List<Finding> findings, IReadOnlyDictionary<string, string>? extraEnglish = null)
    {
        var config = Path.Combine(directory, ConfigFile);
        var languages = ReadConfig(config, findings);
        var catalogues = new Dictionary<string, Catalogue>(StringComparer.Ordinal);
        foreach (var language in languages.ToList())
        {
            var file = Path.Combine(directory, language.Code + ".yaml");
            var catalogue = CatalogueReader.Read(language, file, findings);
            if (catalogue is null)
            {
                languages.Remove(language);
                continue;
            }
            catalogues[language.Code] = catalogue;
        }
        if (!catalogues.ContainsKey(Language.EnglishCode))
        {
            findings.Add(new Finding(Severity.Unreadable, config, 0, 0, "no English catalogue (en): English is the source of every other language"));
            catalogues[Language.EnglishCode] = new Catalogue(Language.English, "", new Dictionary<string, CatalogueEntry>());
            languages.Insert(0, Language.English);
        }
        if (extraEnglish is not null)
        {
            var en = catalogues[Language.EnglishCode];
            var merged = new Dictionary<string, CatalogueEntry>(en.Entries, StringComparer.Ordinal);
            foreach (var (key, text) in extraEnglish)
            {
                if (merged.ContainsKey(key)) findings.Add(new Finding(Severity.Error, en.File, merged[key].Line, 0,
                    $"'{key}' is the law's own English (rules/england/entitlements.yaml): take it out of the English catalogue"));
                merged[key] = new CatalogueEntry(key, text, null, true, null, null, null, 0);
            }
            catalogues[Language.EnglishCode] = new Catalogue(en.Language, en.File, merged);
        }
        return new LanguageSet(directory, languages, catalogues);
    }

    private static readonly string[] ConfigKeys = ["code", "lang", "dir", "digits", "script", "name", "english"];

    private static List<Language> ReadConfig(string file, List<Finding> findings)
    {
        var result = new List<Language>();
        var root = PolicyLoader.Parse(file, findings);
        if (root is null) return result;
        var r = new PolicyLoader.Reader(file, findings);
        r.Keys(root, ["languages"], ["languages"]);
        if (r.Seq(root, "languages") is not { } seq) return result;
        foreach (var node in seq.Children)
        {
            if (node is not YamlMappingNode m) { r.Error(node, "a language must be a mapping: { code: ar, lang: ar, dir: rtl, ... }"); continue; }
            r.Keys(m, ConfigKeys, ConfigKeys);
            var code = r.Text(m, "code") ?? "";
            var l = new Language(code, r.Text(m, "lang") ?? code, r.Text(m, "dir") ?? "ltr", r.Text(m, "digits") ?? "latn",
                r.Text(m, "script") ?? "Latn", r.Text(m, "name") ?? code, r.Text(m, "english") ?? code);
            if (!System.Text.RegularExpressions.Regex.IsMatch(code, "^[a-z]{2,3}(-[a-z0-9]{2,8})?$"))
                r.Error(m, $"language code '{code}' must be a language subtag, such as ar or en-easy");
            else if (l.Dir is not ("ltr" or "rtl")) r.Error(m, $"'{code}': dir must be ltr or rtl");
            else if (!LocalFormats.DigitSets.ContainsKey(l.Digits))
                r.Error(m, $"'{code}': digits must be one of {string.Join(", ", LocalFormats.DigitSets.Keys)}");
            else if (!CatalogueChecks.Scripts.ContainsKey(l.Script))
                r.Error(m, $"'{code}': script must be one of {string.Join(", ", CatalogueChecks.Scripts.Keys)}");
            else if (result.Any(x => x.Code == code)) r.Error(m, $"language '{code}' is listed twice");
            else result.Add(l);
        }
        // English first, whatever the file's order: it is the source and the fallback.
        return result.OrderBy(l => l.IsEnglish ? 0 : 1).ToList();
    }
}
