using NodaTime;

namespace LocalOffer.Core.Engine;

/// <summary>How dates and code lists are written in words for people (explanations, conditions).</summary>
internal static class Words
{
    /// <summary>"15 June 2029" (NodaTime's invariant <c>d MMMM yyyy</c>, written without its pattern engine).</summary>
    public static string Date(LocalDate d) => Time.DateText.Long(d);

    /// <summary>A code list from rules/england/codes.yaml as people read it: "E11 or E12", "E43, E44 or E45".</summary>
    public static string Codes(IEnumerable<string> codes, string conjunction = "or")
    {
        var list = codes.Order(StringComparer.Ordinal).ToArray();
        return list.Length <= 1 ? string.Join("", list) : $"{string.Join(", ", list[..^1])} {conjunction} {list[^1]}";
    }

    /// <summary>"1 day" or "3 days".</summary>
    public static string Days(int n) => n == 1 ? "1 day" : $"{n} days";
}
