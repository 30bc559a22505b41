using LocalOffer.Core;
using LocalOffer.Core.Engine;
using LocalOffer.Core.Rules;
using LocalOffer.Offers.Policy;
using LocalOffer.Offers.Render.Languages;
using NodaTime;

namespace LocalOffer.Offers.Render;

/// <summary>Plain view models for the templates: every value already in the words a reader sees.</summary>
public static class OfferViews
{
    /// <summary>The provisions behind a statutory entitlement (rules/england/entitlements.yaml): the law page's citations.</summary>
    public static IReadOnlyList<LegalReference> LawFor(string entitlement, EnglandLaw law) =>
        law.Entitlements.Contains(entitlement) ? law.Entitlements[entitlement].Provisions : [];

    public static string AreaFile(string area) => $"{area}.html";

    /// <summary>
    /// One item of a council's offer for a young person's page: no citations or category names.
    /// A payment gives its amount (<c>gbp</c>, written by the template's <c>money</c>), how often,
    /// its conditions and how to claim; with no published amount, <c>ask</c> (the page says to ask
    /// the leaving care team how much, with its contact). A statutory item carries the law's own
    /// summary (plain words, the same for every council), which says who it is for. The council's
    /// words are <see cref="PolicyText"/>: English on an English page, else the council's own text in
    /// the page's language or its English marked as such; <c>texts</c> holds them all, so the page can
    /// say once that the council wrote some of them in English only.
    /// </summary>
    public static object Item(OfferItem i, EnglandLaw law) => new
    {
        texts = CouncilTexts(i),
        id = i.Id,
        title = i.Title,
        description = i.Description,
        amount = i.Amount?.ToString(),
        gbp = i.Amount?.Gbp,
        upTo = i.Amount?.UpTo == true,
        often = i.Amount is { Gbp: not null } m ? Often(m.Period) : null,
        ask = i.Amount is { Gbp: null },
        moneyRows = i.Amount is { } a ? MoneyRows(a) : [],
        councilTax = i.CouncilTax is { } ct ? CouncilTaxRows(ct) : [],
        forText = ForYou(i, law),
        lawSummary = i.Statutory && i.Entitlement is { } e && law.Entitlements.Contains(e) ? law.Entitlements[e].Summary : null,
        provider = i.Provider,
        statutory = i.Statutory,
        dates = (i.From, i.To) switch
        {
            (null, null) => null,
            ({ } f, null) => CatalogueText.Of("item.dates.from", ("from", f)),
            (null, { } t) => CatalogueText.Of("item.dates.until", ("to", t.PlusDays(-1))),
            ({ } f, { } t) => CatalogueText.Of("item.dates.from-until", ("from", f), ("to", t.PlusDays(-1))),
        },
    };

    /// <summary>How often a payment is made, in words (often.*: "Once", "Every week").</summary>
    public static CatalogueText Often(string? period) => new(period switch
    {
        "once" => "often.once",
        "weekly" => "often.weekly",
        "monthly" => "often.monthly",
        _ => "often.yearly",
    });

    /// <summary>Every published text of an item: its title, description, provider and the words of its money.</summary>
    public static PolicyText[] CouncilTexts(OfferItem i) =>
        new[]
        {
            i.Title, i.Description, i.Provider, i.Amount?.Conditions, i.Amount?.Covers, i.Amount?.HowToClaim,
            i.Amount is { Gbp: null } ? i.Amount.HowToFindOut : null, i.CouncilTax?.Joint, i.CouncilTax?.WhoPays,
            i.CouncilTax?.HowToClaim,
        }.OfType<PolicyText>().ToArray();

    /// <summary>The details of a payment as (label, text) rows, in the order a young person asks them.</summary>
    private static object[] MoneyRows(ItemMoney m)
    {
        var rows = new List<(string, object?)>
        {
            ("item.until-age", m.UntilAge is { } a ? CatalogueText.Of("item.age", ("age", a)) : null),
            ("item.conditions", m.Conditions),
            ("item.covers", m.Covers),
            ("item.how-to-claim", m.HowToClaim),
            ("item.find-out", m.Gbp is null ? m.HowToFindOut : null),
        };
        return Rows(rows);
    }

    /// <summary>
    /// Rows with a label from the catalogue (item.*) and a text that is the council's words
    /// (<see cref="PolicyText"/>) or the catalogue's (ages, the share of the bill).
    /// </summary>
    private static object[] Rows(List<(string Label, object? Text)> rows) =>
        rows.Where(r => r.Text is not null)
            .Select(r => (object)new { label = new CatalogueText(r.Label), text = r.Text }).ToArray();

    private static object[] CouncilTaxRows(CouncilTaxSupport c)
    {
        var ages = (c.FromAge, c.UntilAge) switch
        {
            ({ } f, { } u) => CatalogueText.Of("item.ages.from-until", ("from", f), ("ordinal", new Ordinal(u))),
            (null, { } u) => CatalogueText.Of("item.ages.until", ("ordinal", new Ordinal(u))),
            _ => null,
        };
        var rows = new List<(string, object?)>
        {
            ("item.ages", ages),
            ("item.bill-share",
                c.SharePercent is { } p ? CatalogueText.Of("item.bill-share.text", ("percent", p)) : null),
            ("item.joint", c.Joint),
            ("item.who-pays", c.WhoPays),
            ("item.how-to-claim", c.HowToClaim),
        };
        return Rows(rows);
    }

    public static string Ordinal(int n) => n + ((n % 100) is 11 or 12 or 13 ? "th" : (n % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" });

    /// <summary>
    /// Who an item is for, for a young person. A statutory item the council gives no "for" to is for
    /// whoever the law says, which the law's own summary beside it tells (null here), never "all
    /// care leavers" (staying put is for those in foster care at 18).
    /// </summary>
    public static CatalogueText? ForYou(OfferItem i, EnglandLaw law) =>
        i.Statutory && i.For.Categories.Count == 0 && i.For.MinAge is null && i.For.MaxAge is null && i.For.Circumstances.Count == 0
            && i.Entitlement is { } e && law.Entitlements.Contains(e)
            ? null
            : PlainWords.ForYou(i.For);

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
        label, name = x.Name, phone = x.Phone, phoneLink = PhoneLink(x.Phone), phones = PhoneParts(x.Phone), email = x.Email,
        contactForm = x.ContactForm, website = x.Website, hours = x.Hours, hoursSentence = Sentence(x.Hours), address = x.Address,
    };

    /// <summary>Text that ends as a sentence ends (a full stop added when it has none), or null.</summary>
    public static string? Sentence(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : text.TrimEnd() is var t && t[^1] is '.' or '!' or '?' ? t : t + ".";

    public static object[] National(IEnumerable<NationalContact> list) => list.Select(n => (object)new
    {
        label = n.Name, what = n.What, phone = n.Phone, phoneLink = PhoneLink(n.Phone), phones = PhoneParts(n.Phone), email = n.Email,
        website = n.Website, hours = n.Hours,
    }).ToArray();

    /// <summary>
    /// A phone field as the words around its numbers and each number with its own tel: address
    /// ("0113 378 3364 (East), 0113 378 1666 (South)" is two links, never one run of 22 digits).
    /// A field with no number to dial is its words alone.
    /// </summary>
    public static object[] PhoneParts(string? phone)
    {
        if (string.IsNullOrEmpty(phone)) return [];
        var parts = new List<object>();
        var at = 0;
        foreach (var number in LocalOffer.Offers.Lint.PhoneText.Numbers(phone))
        {
            var i = phone.IndexOf(number, at, StringComparison.Ordinal);
            if (i < 0) continue;
            if (i > at) parts.Add(new { text = phone[at..i], link = (string?)null });
            parts.Add(new { text = number, link = PhoneLink(number) });
            at = i + number.Length;
        }
        if (at < phone.Length) parts.Add(new { text = phone[at..], link = (string?)null });
        return parts.ToArray();
    }

    /// <summary>A tel: address: digits and a leading + only, so nothing else reaches the link.</summary>
    public static string? PhoneLink(string? phone) =>
        phone is null ? null : new string(phone.Where((ch, ix) => char.IsAsciiDigit(ch) || ch == '+' && ix == 0).ToArray());
}
