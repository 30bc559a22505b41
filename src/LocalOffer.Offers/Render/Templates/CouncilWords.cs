using System.Text.RegularExpressions;
using LocalOffer.Offers.Policy;
using LocalOffer.Offers.Render.Languages;

namespace LocalOffer.Offers.Render;

/// <summary>
/// A council's published words (<see cref="PolicyText"/>) on a page in a language other than English:
/// the council's own text in that language where its policy file gives it, or else its English, which
/// the page marks lang="en-GB" dir="ltr" and says (in its own language) the council wrote in English
/// only (<see cref="English"/>). Templates write it as text (escaped), read its lang and dir with
/// <c>lang_of</c> and whether it is English with <c>in_english</c>. English pages get the plain English.
/// </summary>
public sealed partial record CouncilWords(string Text, string Lang, string Dir, bool English)
{
    public static CouncilWords For(PolicyText text, Language page) =>
        page.IsEnglish || text.In(page.Code) is not { } own
            ? new(text.En, Language.English.Tag, "ltr", !page.IsEnglish)
            : new(page.RightToLeft ? IsolatePhones(own) : own, page.Tag, page.Dir, false);

    /// <summary>The element's attributes: <c> lang="ar" dir="rtl"</c> (escaped, from languages.yaml).</summary>
    public string Attributes =>
        $" lang=\"{EscapingContext.EscapeHtml(Lang)}\" dir=\"{EscapingContext.EscapeHtml(Dir)}\"";

    public override string ToString() => Text;

    /// <summary>
    /// A phone number in right-to-left words is kept left to right: the bidirectional algorithm would
    /// otherwise show "0800 123 4567" as "4567 123 0800". Each number is wrapped in Unicode's
    /// left-to-right isolate (U+2066 ... U+2069), which works in text, Markdown, HTML and the PDF alike.
    /// A number in a tel: address is left as it is (the link must dial it).
    /// </summary>
    public static string IsolatePhones(string text) =>
        Phone().Replace(text, m =>
            Lint.PhoneText.IsNumber(m.Value) ? "\u2066" + m.Value + "\u2069" : m.Value);

    [GeneratedRegex(@"(?<![\d\u2066]|tel:|tel:\+)" + Lint.PhoneText.Shape, RegexOptions.CultureInvariant)]
    private static partial Regex Phone();
}
