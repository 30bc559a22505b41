using LocalOffer.Offers.Render.Languages;

namespace LocalOffer.Offers.Render;

/// <summary>
/// The language a page is rendered in, the address of the same page in English (for the banner of
/// an unchecked translation) and the same page in each other language (the language switcher: plain
/// links, no JavaScript).
/// </summary>
public sealed record PageLanguage(Language Language, string? EnglishHref = null, IReadOnlyList<(Language Language, string Href)>? Others = null)
{
    /// <summary>What templates read as <c>language</c>.</summary>
    internal object View(Language resolved) => new
    {
        code = resolved.Code,
        tag = resolved.Tag,
        dir = resolved.Dir,
        name = resolved.Name,
        rtl = resolved.RightToLeft,
        english = resolved.IsEnglish,
        englishHref = EnglishHref,
        others = (Others ?? []).Select(o => new
        {
            code = o.Language.Code, tag = o.Language.Tag, dir = o.Language.Dir, name = o.Language.Name, href = o.Href,
            current = o.Language.Code == resolved.Code,
        }).ToArray(),
    };
}
