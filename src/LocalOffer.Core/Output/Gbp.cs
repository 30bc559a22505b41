using System.Globalization;

namespace LocalOffer.Core.Output;

/// <summary>
/// The one way an amount of money is written for people: whole pounds without pence ("£50",
/// "£2,000"), any other amount with two places of pence ("£57.90", never "£57.9"). The templates'
/// <c>money</c> function and every view model use it.
/// </summary>
public static class Gbp
{
    public static string Format(decimal gbp) =>
        "£" + gbp.ToString(decimal.Truncate(gbp) == gbp ? "#,0" : "#,0.00", CultureInfo.InvariantCulture);
}
