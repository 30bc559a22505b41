using System.Text.Json.Nodes;
using LocalOffer.Core;
using LocalOffer.Offers.Policy;
using Microsoft.AspNetCore.Antiforgery;

namespace LocalOffer.Web.Journey;

/// <summary>
/// The models the journey's templates read: the page shell (GOV.UK header, navigation, the
/// antiforgery field), the error summary, and the questions of an item's page.
/// </summary>
public static class JourneyPages
{
    public static object Site(HttpContext http, IAntiforgery af, bool withNav = true)
    {
        var tokens = af.GetAndStoreTokens(http);
        return new
        {
            councilName = "LocalOffer",
            assets = "/assets/",
            home = "/",
            extraCss = true,
            script = true,
            af = new { name = tokens.FormFieldName, value = tokens.RequestToken },
            nav = withNav ? Nav : null,
            footer = "LocalOffer keeps nothing you enter: no record is saved. Check anything important with the law " +
                "and your manager.",
            footerLinks = new object[] { new { href = "/accessibility", label = "Accessibility statement" } },
            contacts = Array.Empty<object>(),
        };
    }

    public static readonly object[] Nav =
    [
        new { href = "/", label = "Check a young person" },
        new { href = "/councils", label = "Council offers" },
        new { href = "/caseload", label = "Caseload" },
        new { href = "/compare", label = "Compare offers" },
    ];

    /// <summary>The error summary's rows: each links to its question's first input.</summary>
    public static object[] Errors(IEnumerable<(string Id, string Message)> errors) =>
        errors.Select(e => (object)new { href = "#" + e.Id, text = e.Message }).ToArray();

    /// <summary>The questions of an item's page, with the answers typed and any errors; revealed questions nest.</summary>
    public static object[] Questions(ItemForm form, RulesCore core)
    {
        object Question(Field q)
        {
            var error = form.Errors.FirstOrDefault(e => e.Key == q.Key).Message;
            var value = form.Raw.GetValueOrDefault(q.Key, "");
            var options = FactLists.Options(form.Kind, q, core);
            return new
            {
                key = q.Key,
                label = q.Label,
                hint = q.Hint,
                error,
                isDate = q.Type == FieldType.Date,
                isSelect = q.Type == FieldType.Select,
                isRadios = q.Type == FieldType.Radios,
                isYesNo = q.Type == FieldType.YesNo,
                day = form.Raw.GetValueOrDefault(q.Key + "-day", ""),
                month = form.Raw.GetValueOrDefault(q.Key + "-month", ""),
                year = form.Raw.GetValueOrDefault(q.Key + "-year", ""),
                blank = !q.Required || value.Length == 0,
                blankText = q.Required ? "Choose one" : "Not given",
                options = options.Select((o, i) => new
                {
                    value = o.Value, text = o.Text, selected = o.Value == value, id = i == 0 ? q.Key : $"{q.Key}-{i + 1}",
                }).ToArray(),
                yes = value == "yes",
                no = value == "no",
                revealed = form.Kind.Fields.Where(x => x.RevealedBy == q.Key).Select(Question).ToArray(),
            };
        }
        return form.Kind.Fields.Where(q => q.RevealedBy is null).Select(Question).ToArray();
    }

    /// <summary>The input an error links to: the day of a date, the first radio, the select itself.</summary>
    public static string InputId(ListKind kind, string key) =>
        kind.Fields.FirstOrDefault(f => f.Key == key)?.Type == FieldType.Date ? key + "-day" : key;

    public static string CouncilName(OfferCatalog catalog, string? id) =>
        id is not null && catalog.Find(id) is { } c ? c.Name : "Not chosen";

    /// <summary>Rows of the summary list for one list kind, with Change and Remove links.</summary>
    public static object[] Rows(ListKind kind, JsonArray items, string token, string? returnTo, RulesCore core, int? added = null)
    {
        var ret = returnTo is null ? "" : $"&return={returnTo}";
        return items.Select((node, i) => (object)new
        {
            n = i + 1,
            anchor = $"{kind.Slug}-{i + 1}",
            key = $"{Capital(kind.Noun)} {i + 1}",
            lines = node is JsonObject o ? FactLists.Describe(kind, o, core) : [],
            change = $"/check/{kind.Slug}/{i + 1}/change?s={token}{ret}",
            remove = $"/check/{kind.Slug}/{i + 1}/remove?s={token}{ret}",
            hidden = $"{kind.Noun} {i + 1}",
            isNew = added == i + 1,
        }).ToArray();
    }

    public static string Capital(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
