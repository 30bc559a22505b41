using LocalOffer.Core;
using LocalOffer.Core.Engine;
using LocalOffer.Core.Rules;
using LocalOffer.Offers.Policy;
using NodaTime;

namespace LocalOffer.Offers.Render;

/// <summary>Plain view models for the templates: every value already in the words a reader sees.</summary>
public static class OfferViews
{
    /// <summary>The provisions behind a statutory entitlement (rules/england/entitlements.yaml).</summary>
    public static IReadOnlyList<LegalReference> LawFor(string entitlement, EnglandLaw law) =>
        law.Entitlements.Contains(entitlement) ? law.Entitlements[entitlement].Provisions : [];

    public static string AreaFile(string area) => $"{area}.html";

    public static object Item(OfferItem i, EnglandLaw law) => new
    {
        id = i.Id,
        title = i.Title,
        description = i.Description,
        amount = i.Amount?.ToString(),
        money = i.Amount is { } m ? MoneyRows(m) : [],
        councilTax = i.CouncilTax is { } ct ? CouncilTaxRows(ct) : [],
        forText = ForText(i, law),
        provider = i.Provider,
        statutory = i.Statutory,
        dates = i.From is null && i.To is null ? null
            : $"{(i.From is { } f ? $"from {f:d MMMM yyyy}" : "")}{(i.To is { } t ? $" until {t.PlusDays(-1):d MMMM yyyy}" : "")}".Trim(),
        law = i.Entitlement is { } e ? LawFor(e, law).Select(r => new { citation = r.Citation, url = r.Url }).ToArray() : [],
    };

    /// <summary>The details of a payment as (label, text) rows, in the order a young person asks them.</summary>
    private static object[] MoneyRows(ItemMoney m)
    {
        var rows = new List<(string, string?)>
        {
            ("Until you are", m.UntilAge is { } a ? a.ToString(System.Globalization.CultureInfo.InvariantCulture) : null),
            ("Conditions", m.Conditions),
            ("What it covers", m.Covers),
            ("How to claim", m.HowToClaim),
            ("How much", m.Gbp is null ? m.HowToFindOut : null),
        };
        return rows.Where(r => r.Item2 is not null).Select(r => (object)new { label = r.Item1, text = r.Item2 }).ToArray();
    }

    private static object[] CouncilTaxRows(CouncilTaxSupport c)
    {
        var ages = (c.FromAge, c.UntilAge) switch
        {
            ({ } f, { } u) => $"From {f} until your {Ordinal(u)} birthday",
            (null, { } u) => $"Until your {Ordinal(u)} birthday",
            _ => null,
        };
        var rows = new List<(string, string?)>
        {
            ("Ages", ages),
            ("How much of the bill", c.SharePercent is { } p ? $"{p}% if you pay council tax on your own" : null),
            ("If you share the bill", c.Joint),
            ("Who pays it", c.WhoPays),
            ("How to claim", c.HowToClaim),
        };
        return rows.Where(r => r.Item2 is not null).Select(r => (object)new { label = r.Item1, text = r.Item2 }).ToArray();
    }

    public static string Ordinal(int n) => n + ((n % 100) is 11 or 12 or 13 ? "th" : (n % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" });

    /// <summary>
    /// Who an item is for. A statutory item the council gives no "for" to is for whoever the law
    /// says (staying put: those in foster care at 18), never "all care leavers".
    /// </summary>
    public static string ForText(OfferItem i, EnglandLaw law) =>
        i.Statutory && i.For.Categories.Count == 0 && i.For.MinAge is null && i.For.MaxAge is null && i.For.Circumstances.Count == 0
            && i.Entitlement is { } e && law.Entitlements.Contains(e)
            ? law.Entitlements[e].Who + " (what the law says)"
            : ForText(i.For);

    /// <summary>"Care leavers aged 18 to 20 in higher education", in plain words.</summary>
    public static string ForText(Eligibility e)
    {
        var who = e.Categories.Count == 0 ? "All care leavers" : string.Join(", ", e.Categories.Select(c => c.Plain()));
        var ages = (e.MinAge, e.MaxAge) switch
        {
            (null, null) => "",
            ({ } a, null) => $", aged {a} or over",
            (null, { } b) => $", aged {b} or under",
            ({ } a, { } b) => $", aged {a} to {b}",
        };
        var circumstances = e.Circumstances.Count == 0 ? "" : ", if " + string.Join(" or ", e.Circumstances.Select(c => OfferVocabulary.Circumstances[c]));
        return who + ages + circumstances;
    }

    public static object[] Contacts(Council c) =>
        OfferVocabulary.ContactKinds.Where(c.Contacts.ContainsKey).Select(k => Contact(OfferVocabulary.ContactKindLabels[k], c.Contacts[k])).ToArray();

    public static object Contact(string label, Contact x) => new
    {
        label, name = x.Name, phone = x.Phone, phoneLink = PhoneLink(x.Phone), email = x.Email, website = x.Website, hours = x.Hours, address = x.Address,
    };

    public static object[] National(IEnumerable<NationalContact> list) => list.Select(n => (object)new
    {
        label = n.Name, what = n.What, phone = n.Phone, phoneLink = PhoneLink(n.Phone), email = n.Email, website = n.Website, hours = n.Hours,
    }).ToArray();

    /// <summary>A tel: address: digits and a leading + only, so nothing else reaches the link.</summary>
    public static string? PhoneLink(string? phone) =>
        phone is null ? null : new string(phone.Where((ch, ix) => char.IsAsciiDigit(ch) || ch == '+' && ix == 0).ToArray());
}
