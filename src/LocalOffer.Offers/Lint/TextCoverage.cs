using LocalOffer.Offers.Policy;
using LocalOffer.Offers.Render;
using LocalOffer.Offers.Render.Languages;

namespace LocalOffer.Offers.Lint;

/// <summary>
/// How much of a council's offer it gives in each language besides English (issue 27: council text
/// stays the council's; lint reports coverage per language). An item has a language's text when
/// every published text it gives (title, description, provider, the words of its money or council
/// tax) is in that language; "in part" when some are. A page shows the rest in English, saying so.
/// </summary>
public static class TextCoverage
{
    public sealed record Line(Language Language, int Items, int Whole, int Part)
    {
        /// <summary>"ar: 0 of 38 items have Arabic text", with those given in part after.</summary>
        public override string ToString() =>
            $"{Language.Code}: {Whole} of {Items} {(Items == 1 ? "item has" : "items have")} "
            + $"{Language.EnglishName} text"
            + (Part > 0 ? $" ({Part} more in part)" : "");
    }

    /// <summary>One line per language besides English, in the order of languages.yaml.</summary>
    public static IReadOnlyList<Line> For(OfferVersion version, IEnumerable<Language> languages) =>
        languages.Where(l => !l.IsEnglish).Select(l =>
        {
            var given = version.Items.Select(i => OfferViews.CouncilTexts(i).Count(t => t.In(l.Code) is not null)
                * 1.0 / Math.Max(1, OfferViews.CouncilTexts(i).Length)).ToList();
            return new Line(l, version.Items.Count, given.Count(g => g >= 1), given.Count(g => g is > 0 and < 1));
        }).ToList();
}
