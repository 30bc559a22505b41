using NodaTime;

namespace LocalOffer.Indicators.Output;

/// <summary>
/// A date as yyyy-MM-dd, the text <see cref="Core.Output.AssessmentJson.Iso"/> gives (NodaTime's pattern), made
/// straight from the numbers for years 1 to 9999: the report writes two or three dates for every young person
/// checked, and NodaTime's pattern builds each through a StringBuilder (issue 30). Other years go to the pattern.
/// <c>IsoDateTests</c> holds it to the pattern.
/// </summary>
public static class IsoDate
{
    public static string Of(LocalDate d)
    {
        if (d.Year is < 1 or > 9999) return Core.Output.AssessmentJson.Iso(d);
        return string.Create(10, (d.Year, d.Month, d.Day), static (s, x) =>
        {
            s[0] = (char)('0' + x.Year / 1000);
            s[1] = (char)('0' + x.Year / 100 % 10);
            s[2] = (char)('0' + x.Year / 10 % 10);
            s[3] = (char)('0' + x.Year % 10);
            s[4] = '-';
            s[5] = (char)('0' + x.Month / 10);
            s[6] = (char)('0' + x.Month % 10);
            s[7] = '-';
            s[8] = (char)('0' + x.Day / 10);
            s[9] = (char)('0' + x.Day % 10);
        });
    }
}
