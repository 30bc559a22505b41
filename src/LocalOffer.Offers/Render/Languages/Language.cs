namespace LocalOffer.Offers.Render.Languages;

/// <summary>
/// One language a young person can read the pages in: a line of translations/languages.yaml.
/// <see cref="Code"/> names its catalogue (translations/ar.yaml) and is what ?lang=, --lang and
/// --languages take; <see cref="Tag"/> is the page's lang attribute; <see cref="Digits"/> the digits
/// its dates and amounts are written in; <see cref="Script"/> the writing system a translated string
/// must use (a check that a string was translated at all).
/// </summary>
public sealed record Language(string Code, string Tag, string Dir, string Digits, string Script, string Name, string EnglishName)
{
    public const string EnglishCode = "en";

    public bool RightToLeft => Dir == "rtl";

    public bool IsEnglish => Code == EnglishCode;

    /// <summary>The English source language (also what a page is in when none is chosen).</summary>
    public static readonly Language English = new(EnglishCode, "en-GB", "ltr", "latn", "Latn", "English", "English");
}
