using System.Text.RegularExpressions;
using LocalOffer.Core.Input;

namespace LocalOffer.Web.Journey;

/// <summary>
/// The rules core's errors about a whole history (overlapping episodes, a date before birth) in
/// words for an adviser: "Episode 2 overlaps episode 1 ...", never a path like episodes[1].start,
/// each linking to the item's Change page.
/// </summary>
public static partial class AnswerErrors
{
    public static (string Id, string Message, string? Href) Words(InputError e)
    {
        var m = PathPattern().Match(e.Path);
        var text = Readable(e.Message);
        if (!m.Success || FactLists.ByKey(m.Groups[1].Value) is not { } kind)
            return ("person", Capital(text), null);
        var n = int.Parse(m.Groups[2].Value) + 1;
        return ($"{kind.Slug}-{n}", $"{JourneyPages.Capital(kind.Noun)} {n}: {text}", $"/check/{kind.Slug}/{n}/change");
    }

    /// <summary>Document paths and ISO dates inside a message, as words: episodes[0] is "episode 1".</summary>
    public static string Readable(string message)
    {
        var s = PathPattern().Replace(message, m =>
            FactLists.ByKey(m.Groups[1].Value) is { } k ? $"{k.Noun} {int.Parse(m.Groups[2].Value) + 1}" : m.Value);
        return IsoDate().Replace(s, m =>
            NodaTime.Text.LocalDatePattern.Iso.Parse(m.Value) is { Success: true } p ? DateInput.Words(p.Value) : m.Value);
    }

    private static string Capital(string s) => JourneyPages.Capital(s);

    [GeneratedRegex(@"([A-Za-z]+)\[(\d{1,4})\](?:\.[A-Za-z]+)?")]
    private static partial Regex PathPattern();

    [GeneratedRegex(@"\b\d{4}-\d{2}-\d{2}\b")]
    private static partial Regex IsoDate();
}
