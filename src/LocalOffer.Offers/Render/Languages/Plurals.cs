namespace LocalOffer.Offers.Render.Languages;

/// <summary>
/// The plural form a count takes, by the Unicode CLDR plural rules (cardinal, whole numbers) of each
/// language shipped: a catalogue string that depends on a count gives one text per form its language
/// has, e.g. Arabic zero, one, two, few, many, other; English one, other.
/// </summary>
public static class Plurals
{
    /// <summary>The forms a language's catalogue must give for a counted string (English's when the language is not known here).</summary>
    public static IReadOnlyList<string> Forms(string code) => Base(code) switch
    {
        "ar" => ["zero", "one", "two", "few", "many", "other"],
        _ => ["one", "other"],
    };

    /// <summary>The form of <paramref name="n"/> in a language (CLDR: ar; fa, ti "i = 0 or n = 1" / "n = 0..1"; others n = 1).</summary>
    public static string Form(string code, long n)
    {
        n = Math.Abs(n);
        return Base(code) switch
        {
            "ar" => n == 0 ? "zero" : n == 1 ? "one" : n == 2 ? "two" : (n % 100) is >= 3 and <= 10 ? "few"
                : (n % 100) is >= 11 and <= 99 ? "many" : "other",
            "fa" or "ti" => n is 0 or 1 ? "one" : "other",
            _ => n == 1 ? "one" : "other",
        };
    }

    private static string Base(string code) => code.Split('-')[0];
}
