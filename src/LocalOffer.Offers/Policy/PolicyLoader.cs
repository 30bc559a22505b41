using System.Globalization;
using LocalOffer.Core.Engine;
using LocalOffer.Offers.Lint;
using LocalOffer.Offers.Render.Languages;
using NodaTime;
using NodaTime.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace LocalOffer.Offers.Policy;

/// <summary>
/// Reads a council's folder strictly: council.yaml, then each offer-*.yaml version. Unknown keys,
/// missing fields, bad dates and wrong types are findings naming file, line and column. Files
/// over <see cref="MaxFileBytes"/> and any YAML anchor or alias (the "billion laughs" bomb) are
/// refused before they are parsed into a tree. An item's published words may come in the council's
/// own other languages (<see cref="PolicyText"/>), in the languages of translations/languages.yaml.
/// </summary>
public sealed class PolicyLoader(IReadOnlySet<string> entitlementIds, IReadOnlySet<string>? nationalContactIds = null,
    IReadOnlyList<Language>? languageList = null)
{
    private readonly IReadOnlySet<string> nationalIds = nationalContactIds ?? NationalContacts.LoadDefault().Select(c => c.Id).ToHashSet();

    // The one language list (translations/languages.yaml), never a second one kept here.
    private readonly IReadOnlyList<Language> languages = languageList ?? LanguageSet.Configured();

    public const int MaxFileBytes = 512 * 1024;
    /// <summary>Deepest nesting of mappings and lists (a real offer needs 4); YamlDotNet overflows the stack at about 40,000.</summary>
    public const int MaxDepth = 16;
    /// <summary>Most offer versions in a council folder, and items in one version.</summary>
    public const int MaxVersions = 50, MaxItems = 500;
    private static readonly LocalDatePattern Iso = LocalDatePattern.Iso;

    public (Council? Council, List<Finding> Findings) LoadFolder(string folder)
    {
        var findings = new List<Finding>();
        var id = Path.GetFileName(Path.TrimEndingDirectorySeparator(folder));
        var councilFile = Path.Combine(folder, "council.yaml");
        var root = Parse(councilFile, findings);
        if (root is null) return (null, findings);
        var r = new Reader(councilFile, findings);
        r.Keys(root, ["name", "website", "contacts", "national_contacts", "source", "notes", "template"], ["name", "source"]);
        var contacts = new Dictionary<string, Contact>();
        if (r.Map(root, "contacts") is { } cm)
        {
            r.Keys(cm, OfferVocabulary.ContactKinds.ToArray(), []);
            foreach (var kind in OfferVocabulary.ContactKinds)
                if (r.Map(cm, kind) is { } c)
                {
                    r.Keys(c, ["name", "phone", "email", "contact_form", "website", "hours", "address", "source"], []);
                    var contact = new Contact(r.Published(c, "name"), r.Published(c, "phone"), r.Email(c, "email"),
                        r.Url(c, "website"), r.Published(c, "hours"), r.Published(c, "address"), r.Text(c, "source"),
                        r.Url(c, "contact_form"));
                    CheckContact(r, c, kind.Replace('_', ' '), contact);
                    contacts[kind] = contact;
                }
        }
        RequireLeavingCareTeam(r, root, contacts.GetValueOrDefault("leaving_care_team"));
        List<string>? national = null;
        if (r.Seq(root, "national_contacts") is not null)
        {
            national = [];
            foreach (var (text, node) in r.List(root, "national_contacts"))
            {
                if (nationalIds.Contains(text)) national.Add(text);
                else r.Error(node, $"unknown national contact '{text}' (expected one of: {string.Join(", ", nationalIds.Order())})");
            }
        }
        var versions = new List<OfferVersion>();
        var files = Directory.GetFiles(folder, "offer-*.yaml").OrderBy(f => f, StringComparer.Ordinal).ToList();
        if (files.Count > MaxVersions)
            findings.Add(new Finding(Severity.Unreadable, folder, 0, 0, $"{files.Count} offer versions; a council folder holds at most {MaxVersions}"));
        foreach (var file in files.Take(MaxVersions))
            if (LoadVersion(file, findings) is { } v) versions.Add(v);
        if (versions.Count == 0) findings.Add(new Finding(Severity.Error, councilFile, 0, 0, "no offer-*.yaml version in the folder"));
        var council = new Council(id, r.Published(root, "name") ?? id, r.Url(root, "website"), contacts,
            r.Text(root, "source") ?? "",
            versions.OrderBy(v => v.InForceFrom).ToList(), folder, r.Text(root, "notes"), national,
            r.Bool(root, "template") ?? false);
        return (council, findings);
    }

    /// <summary>A contact gives a way to reach it, a number to dial in its phone field, and the page it comes from.</summary>
    private static void CheckContact(Reader r, YamlMappingNode c, string kind, Contact contact)
    {
        if (contact is { Phone: null, Email: null, Website: null, Address: null, ContactForm: null })
            r.Error(c, $"the {kind} contact gives no phone, email, contact form, website or address: leave it out instead");
        if (contact.Phone is { } phone && !PhoneText.HasNumber(phone))
            r.Error(c.Children[new YamlScalarNode("phone")], $"the {kind} phone '{phone}' holds no UK phone number to dial");
        // A contact is a fact about the council: cite the public page it comes from (never a guess).
        if (contact.Source is not { } src || !src.Contains("https://", StringComparison.Ordinal)
            && !src.Contains("http://", StringComparison.Ordinal))
            r.Error(c, $"the {kind} contact names no source page: give source with the URL (and heading) it comes from");
    }

    /// <summary>
    /// A young person must be able to reach the leaving care team (issue 25; DfE Local offer guidance
    /// 2018 asks for key contact numbers): a phone number, an email or a contact form, and the hours
    /// someone answers. An offer without them is refused (lint errors, so publish refuses it too).
    /// </summary>
    private static void RequireLeavingCareTeam(Reader r, YamlMappingNode root, Contact? team)
    {
        const string Ask =
            "a young person needs a phone number, an email or a contact form, and the hours it is answered";
        if (team is null)
        {
            r.Error(root, $"no leaving care team contact: {Ask} (contacts: leaving_care_team)");
            return;
        }
        var contacts = (YamlMappingNode)root.Children[new YamlScalarNode("contacts")];
        var node = contacts.Children[new YamlScalarNode("leaving_care_team")];
        var missing = new List<string>();
        if (team.Phone is null) missing.Add("a phone number (phone)");
        if (team.Email is null && team.ContactForm is null)
            missing.Add("an email or a contact form (email or contact_form)");
        if (team.Hours is null) missing.Add("the hours it is answered (hours)");
        if (missing.Count > 0)
            r.Error(node, $"the leaving care team contact is missing {string.Join(" and ", missing)}: {Ask}");
    }

    private OfferVersion? LoadVersion(string file, List<Finding> findings)
    {
        var root = Parse(file, findings);
        if (root is null) return null;
        var r = new Reader(file, findings);
        r.Keys(root, ["in_force_from", "published", "last_reviewed", "next_review", "co_production", "staying_put_policy", "source", "notes", "items"],
            ["in_force_from", "source", "items"]);
        var from = r.Date(root, "in_force_from");
        var published = r.Date(root, "published");
        var reviewed = r.Date(root, "last_reviewed");
        var next = r.Date(root, "next_review");
        // An offer is reviewed after it is published, and its next review is after both.
        if (published is { } p && reviewed is { } lr && lr < p)
            r.Error(root.Children[new YamlScalarNode("last_reviewed")], $"last_reviewed {lr:yyyy-MM-dd} is before published {p:yyyy-MM-dd}");
        if (next is { } n && (reviewed ?? published) is { } last && n <= last)
            r.Error(root.Children[new YamlScalarNode("next_review")], $"next_review {n:yyyy-MM-dd} is not after {(reviewed is null ? "published" : "last_reviewed")} {last:yyyy-MM-dd}");
        var items = new List<OfferItem>();
        var ids = new HashSet<string>();
        var seq = r.Seq(root, "items");
        if (seq is not null && seq.Children.Count > MaxItems)
            r.Error(seq, $"{seq.Children.Count} items; a version holds at most {MaxItems}");
        else if (seq is not null)
            foreach (var node in seq.Children)
            {
                if (node is not YamlMappingNode m) { r.Error(node, "an item must be a mapping"); continue; }
                if (Item(r, m) is { } item)
                {
                    if (!ids.Add(item.Id)) r.Error(m, $"item id '{item.Id}' is used twice");
                    items.Add(item);
                }
            }
        if (from is null) return null;
        return new OfferVersion(file, from.Value, reviewed, published, next,
            r.Published(root, "co_production"), r.Published(root, "staying_put_policy"), r.Text(root, "source") ?? "", items,
            r.Text(root, "notes"));
    }

    private OfferItem? Item(Reader r, YamlMappingNode m)
    {
        r.Keys(m, ["id", "area", "topic", "title", "description", "kind", "entitlement", "for", "amount", "council_tax", "provider", "in_force", "source", "notes"],
            ["id", "area", "title", "description", "kind", "source"]);
        var id = r.Text(m, "id");
        var area = r.Text(m, "area");
        if (area is not null && !OfferVocabulary.Areas.ContainsKey(area))
            r.Error(m.Children[new YamlScalarNode("area")], $"unknown area '{area}' (expected one of: {string.Join(", ", OfferVocabulary.Areas.Keys)})");
        var topic = r.Text(m, "topic");
        if (topic is not null && !OfferVocabulary.Topics.ContainsKey(topic))
            r.Error(m.Children[new YamlScalarNode("topic")], $"unknown topic '{topic}' (expected one of: {string.Join(", ", OfferVocabulary.Topics.Keys)})");
        var kind = r.Text(m, "kind");
        if (kind is not null and not ("statutory" or "discretionary"))
            r.Error(m.Children[new YamlScalarNode("kind")], $"kind must be statutory or discretionary, not '{kind}'");
        var entitlement = r.Text(m, "entitlement");
        if (kind == "statutory" && entitlement is null)
            r.Error(m, $"item '{id}' is statutory: name the entitlement it explains (one of: {string.Join(", ", entitlementIds.Order())})");
        if (kind == "discretionary" && entitlement is not null)
            r.Error(m.Children[new YamlScalarNode("entitlement")], $"item '{id}' is discretionary: keep statutory entitlements in statutory items");
        if (entitlement is not null && !entitlementIds.Contains(entitlement))
            r.Error(m.Children[new YamlScalarNode("entitlement")], $"unknown entitlement id '{entitlement}' (expected one of: {string.Join(", ", entitlementIds.Order())})");

        var eligibility = Eligibility.Everyone;
        if (r.Map(m, "for") is { } fm)
        {
            r.Keys(fm, ["categories", "min_age", "max_age", "circumstances"], []);
            var categories = new List<Status>();
            foreach (var (text, node) in r.List(fm, "categories"))
            {
                try { categories.Add(StatusNames.FromWire(text)); }
                catch (ArgumentException) { r.Error(node, $"unknown category '{text}' (expected one of: {string.Join(", ", StatusNames.All.Select(s => s.Wire()))})"); }
            }
            var circumstances = new List<string>();
            foreach (var (text, node) in r.List(fm, "circumstances"))
            {
                if (OfferVocabulary.Circumstances.ContainsKey(text)) circumstances.Add(text);
                else r.Error(node, $"unknown circumstance '{text}' (expected one of: {string.Join(", ", OfferVocabulary.Circumstances.Keys)})");
            }
            var min = r.Int(fm, "min_age");
            var max = r.Int(fm, "max_age");
            if (min is { } a && max is { } b && b < a) r.Error(fm, $"max_age {b} is below min_age {a}");
            eligibility = new Eligibility(categories, min, max, circumstances);
        }
        var amount = r.Map(m, "amount") is { } am ? Money(r, am, languages) : null;
        var councilTax = r.Map(m, "council_tax") is { } ct ? CouncilTax(r, ct, languages) : null;
        if (councilTax is not null && topic != "council-tax")
            r.Error(m.Children[new YamlScalarNode("council_tax")], $"item '{id}' gives council_tax: set its topic to council-tax");
        LocalDate? from = null, to = null;
        if (r.Map(m, "in_force") is { } im)
        {
            r.Keys(im, ["from", "to"], []);
            from = r.Date(im, "from");
            to = r.Date(im, "to");
        }
        if (id is null || area is null || kind is null) return null;
        var item = new OfferItem(id, area, r.PublishedText(m, "title", languages) ?? new PolicyText(""),
            r.PublishedText(m, "description", languages) ?? new PolicyText(""),
            kind == "statutory", entitlement, eligibility, amount, r.PublishedText(m, "provider", languages), from, to,
            r.Text(m, "source") ?? "", m.Start.Line, topic, councilTax, r.Text(m, "notes"));
        // Every payment says how much, or says plainly that the council publishes no figure (ask: true).
        if (ComplianceReport.IsMoney(item) && amount is null && !m.Children.ContainsKey(new YamlScalarNode("amount")))
            r.Error(m, $"item '{id}' is money: give amount with gbp and period, "
                + "or amount: { ask: true } when the council publishes no figure");
        return item;
    }

    /// <summary>
    /// amount: { gbp, period, up_to, until_age, conditions, covers, how_to_claim, how_to_find_out }.
    /// An amount needs its period; with no amount the item must say how to find it out.
    /// </summary>
    private static ItemMoney? Money(Reader r, YamlMappingNode am, IReadOnlyList<Language> languages)
    {
        r.Keys(am, ["gbp", "period", "up_to", "until_age", "conditions", "covers", "how_to_claim", "how_to_find_out", "ask"],
            []);
        var gbp = r.Decimal(am, "gbp");
        var period = r.Text(am, "period");
        if (period is not null && !OfferVocabulary.Periods.Contains(period))
            r.Error(am.Children[new YamlScalarNode("period")], $"period must be one of: {string.Join(", ", OfferVocabulary.Periods)}");
        if (gbp is <= 0) r.Error(am.Children[new YamlScalarNode("gbp")], "an amount must be more than £0");
        if (gbp is > MaxGbp) r.Error(am.Children[new YamlScalarNode("gbp")], $"an amount over £{MaxGbp:#,0} is not a care leaver payment: check the figure");
        if (gbp is not null && period is null) r.Error(am, "an amount needs its period (once, weekly, monthly or yearly)");
        var ask = r.Bool(am, "ask");
        var hasGbp = am.Children.ContainsKey(new YamlScalarNode("gbp"));
        if (!hasGbp && ask != true)
            r.Error(am, "no amount: give gbp, or ask: true when the council publishes no figure "
                + "(the page then says to ask the leaving care team how much); never invent one");
        if (hasGbp && ask == true)
            r.Error(am.Children[new YamlScalarNode("ask")], "give gbp or ask: true, not both");
        var upTo = r.Bool(am, "up_to") ?? false;
        var conditions = r.PublishedText(am, "conditions", languages);
        // The figure shown and the conditions under it must agree (issue 25: "£25" above "£50 on your 21st"),
        // in every language the council gives them in.
        foreach (var code in languages.Select(l => l.Code))
            if (gbp is { } g && conditions?.In(code) is { } said
                && MoneyText.Disagreeing(g, upTo, said) is { Count: > 0 } other)
                r.Error(r.TextNode(am, "conditions", code),
                    $"the conditions{(code == "en" ? "" : $" ({code})")} name "
                    + $"{string.Join(" and ", other.Select(LocalOffer.Core.Output.Gbp.Format))} but the amount is "
                    + $"{(upTo ? "up to " : "")}{LocalOffer.Core.Output.Gbp.Format(g)}: "
                    + "one item, one amount (make each amount its own item)");
        if (ask != true && gbp is null) return null;
        return new ItemMoney(gbp, period, upTo, r.Int(am, "until_age"), conditions,
            r.PublishedText(am, "covers", languages), r.PublishedText(am, "how_to_claim", languages),
            r.PublishedText(am, "how_to_find_out", languages), ask == true);
    }

    /// <summary>A sanity limit on one payment: figures above it are typing errors (a misplaced digit).</summary>
    public const decimal MaxGbp = 100_000;

    /// <summary>council_tax: { from_age, until_age, share, joint, who_pays, how_to_claim }; share is a percentage, 1 to 100.</summary>
    private static CouncilTaxSupport CouncilTax(Reader r, YamlMappingNode ct, IReadOnlyList<Language> languages)
    {
        r.Keys(ct, ["from_age", "until_age", "share", "joint", "who_pays", "how_to_claim"], ["until_age", "how_to_claim"]);
        var share = r.Text(ct, "share");
        int? percent = null;
        if (share is not null)
        {
            if (int.TryParse(share.TrimEnd('%'), NumberStyles.None, CultureInfo.InvariantCulture, out var pc) && pc is >= 1 and <= 100) percent = pc;
            else r.Error(ct.Children[new YamlScalarNode("share")], "'share' must be a percentage of the bill from 1 to 100");
        }
        var fromAge = r.Int(ct, "from_age");
        var untilAge = r.Int(ct, "until_age");
        if (fromAge is { } a && untilAge is { } b && b <= a) r.Error(ct, $"until_age {b} is not after from_age {a}");
        return new CouncilTaxSupport(fromAge, untilAge, percent, r.PublishedText(ct, "joint", languages),
            r.PublishedText(ct, "who_pays", languages), r.PublishedText(ct, "how_to_claim", languages));
    }

    /// <summary>Parses one file, or adds an Unreadable finding and returns null.</summary>
    public static YamlMappingNode? Parse(string file, List<Finding> findings)
    {
        if (!File.Exists(file)) { findings.Add(new Finding(Severity.Unreadable, file, 0, 0, "file not found")); return null; }
        var size = new FileInfo(file).Length;
        if (size > MaxFileBytes) { findings.Add(new Finding(Severity.Unreadable, file, 0, 0, $"file is {size:N0} bytes; policy files are limited to {MaxFileBytes:N0}")); return null; }
        string text;
        try
        {
            // Only a regular file (never a FIFO or /dev/zero linked in), UTF-8, within the size limit.
            text = new System.Text.UTF8Encoding(false, true).GetString(LocalOffer.Core.Safety.InputFiles.ReadUtf8(file, MaxFileBytes)).TrimStart('\uFEFF');
        }
        catch (Exception e) when (e is LocalOffer.Core.Safety.InputFileException or IOException or UnauthorizedAccessException)
        {
            findings.Add(new Finding(Severity.Unreadable, file, 0, 0, e.Message.StartsWith(file) ? e.Message[file.Length..].TrimStart(':', ' ') : e.Message));
            return null;
        }
        try
        {
            // Refuse anchors and aliases before building a tree: an alias bomb expands exponentially.
            // Refuse deep nesting too, before the tree is built (building it recurses).
            var parser = new Parser(new StringReader(text));
            var depth = 0;
            // Per open collection: whether a mapping, its nodes so far (keys and values) and where the last
            // began. YamlDotNet 16.3 parses "- : value" as a key with no value, which its tree then refuses
            // with an error naming no place (found by FuzzTests): a mapping ending after a key is named here.
            var open = new Stack<(bool Mapping, int Nodes, Mark Last)>();
            while (parser.MoveNext())
            {
                var current = parser.Current!;
                if (current is NodeEvent && open.TryPop(out var parent))
                    open.Push((parent.Mapping, parent.Nodes + 1, current.Start));
                if (current is MappingStart or SequenceStart)
                {
                    if (++depth > MaxDepth)
                        throw new YamlException(current.Start, current.End, $"nested more than {MaxDepth} levels deep");
                    open.Push((current is MappingStart, 0, current.Start));
                }
                if (current is MappingEnd or SequenceEnd)
                {
                    depth--;
                    var (mapping, nodes, last) = open.Pop();
                    if (mapping && nodes % 2 == 1)
                        throw new YamlException(last, last, "a key with no value: each key of a mapping needs one");
                }
                if (parser.Current is AnchorAlias alias)
                    throw new YamlException(alias.Start, alias.End, "YAML aliases (*name) are not allowed in policy files");
                if (parser.Current is NodeEvent { Anchor.IsEmpty: false } anchored)
                    throw new YamlException(anchored.Start, anchored.End, "YAML anchors (&name) are not allowed in policy files");
            }
            var yaml = new YamlStream();
            yaml.Load(new StringReader(text));
            if (yaml.Documents.Count != 1 || yaml.Documents[0].RootNode is not YamlMappingNode root)
            {
                findings.Add(new Finding(Severity.Unreadable, file, 1, 1, "expected one YAML mapping"));
                return null;
            }
            return root;
        }
        catch (YamlException e)
        {
            findings.Add(new Finding(Severity.Unreadable, file, e.Start.Line, e.Start.Column, e.InnerException?.Message ?? e.Message));
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet 16.3's scanner can stop on some malformed plain scalars with the first instead of a
            // YamlException, and its tree on some event sequences with the second (found by FuzzTests):
            // still an unreadable file, never a crash.
            findings.Add(new Finding(Severity.Unreadable, file, 1, 1, "not valid YAML (the parser could not go on)"));
            return null;
        }
    }

    /// <summary>Typed reads from a mapping, each adding an Error finding at the node's line and column.</summary>
    internal sealed class Reader(string file, List<Finding> findings)
    {
        public void Error(YamlNode node, string message) => findings.Add(new Finding(Severity.Error, file, node.Start.Line, node.Start.Column, message));

        public void Keys(YamlMappingNode m, string[] allowed, string[] required)
        {
            foreach (var k in m.Children.Keys)
                if (k is not YamlScalarNode { Value: { } name } || !allowed.Contains(name))
                    Error(k, $"unknown key '{(k as YamlScalarNode)?.Value}' (expected one of: {string.Join(", ", allowed)})");
            foreach (var req in required)
                if (!m.Children.TryGetValue(new YamlScalarNode(req), out var v) || v is YamlScalarNode { Value: null or "" })
                    Error(m, $"missing required field '{req}'");
        }

        private YamlNode? Get(YamlMappingNode m, string key) => m.Children.TryGetValue(new YamlScalarNode(key), out var v) ? v : null;

        public string? Text(YamlMappingNode m, string key)
        {
            var v = Get(m, key);
            if (v is null) return null;
            if (v is YamlScalarNode s) return string.IsNullOrWhiteSpace(s.Value) ? null : s.Value!.Trim();
            Error(v, $"'{key}' must be text");
            return null;
        }

        /// <summary>Text a young person reads: no editorial notes or placeholders (<see cref="EditorialText"/>).</summary>
        public string? Published(YamlMappingNode m, string key)
        {
            var t = Text(m, key);
            if (t is not null && EditorialText.Problem(t) is { } why)
                Error(Get(m, key)!, $"'{key}' is published to young people, but {why}");
            return t;
        }

        /// <summary>
        /// Published text that may come in the council's other languages: plain text (the English, as
        /// always), or a mapping of language codes (<paramref name="languages"/>, languages.yaml) to
        /// text, with en among them. Each language's text is checked as the English is (no notes or
        /// placeholders); none may be empty, unknown, or the English copied (leave the language out:
        /// the page then shows the English and says so).
        /// </summary>
        public PolicyText? PublishedText(YamlMappingNode m, string key, IReadOnlyList<Language> languages)
        {
            if (Get(m, key) is not YamlMappingNode map)
                return Published(m, key) is { } english ? new PolicyText(english) : null;
            string? en = null;
            var other = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (k, v) in map.Children)
            {
                var code = (k as YamlScalarNode)?.Value ?? "";
                if (languages.FirstOrDefault(l => l.Code == code) is not { } language)
                {
                    Error(k, $"'{key}': '{LocalOffer.Core.Safety.Printable.Clean(code, 20)}' is not a language of "
                        + $"translations/languages.yaml (expected one of: {string.Join(", ", languages.Select(l => l.Code))})");
                    continue;
                }
                if (v is not YamlScalarNode { Value: var raw })
                {
                    Error(v, $"'{key}' in {code} must be text");
                    continue;
                }
                if (string.IsNullOrWhiteSpace(raw))
                {
                    Error(v, $"'{key}' in {code} is empty: leave {code} out "
                        + "(the page then shows the English and says so)");
                    continue;
                }
                var text = raw.Trim();
                if (EditorialText.Problem(text) is { } why)
                    Error(v, $"'{key}' in {code} is published to young people, but {why}");
                // Text under ar with no Arabic letter is not Arabic (English under the wrong code, say).
                else if (language.Script != "Latn" && CatalogueChecks.Scripts.TryGetValue(language.Script, out var letters)
                    && !System.Text.RegularExpressions.Regex.IsMatch(text, letters))
                    Error(v, $"'{key}' in {code} has no {language.EnglishName} letters: "
                        + $"give the council's {language.EnglishName} or leave {code} out");
                if (language.IsEnglish) en = text;
                else other[code] = text;
            }
            if (en is null)
            {
                Error(map, $"'{key}' gives other languages but no English: add en (what the English pages show)");
                return null;
            }
            foreach (var (code, text) in other.Where(kv => kv.Value == en))
                Error(TextNode(m, key, code), $"'{key}' in {code} is the English copied: leave {code} out instead");
            return new PolicyText(en, other.Count == 0 ? null : other);
        }

        /// <summary>Where a published text's language is written (the field itself when it is plain English).</summary>
        public YamlNode TextNode(YamlMappingNode m, string key, string code) =>
            Get(m, key) is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode(code), out var v)
                ? v : Get(m, key) ?? m;

        public bool? Bool(YamlMappingNode m, string key)
        {
            var t = Text(m, key);
            if (t is null) return null;
            if (t is "true" or "false") return t == "true";
            Error(Get(m, key)!, $"'{key}' must be true or false");
            return null;
        }

        public string? Email(YamlMappingNode m, string key)
        {
            var t = Text(m, key);
            if (t is not null && (t.Count(c => c == '@') != 1 || t.Any(char.IsWhiteSpace) || t.StartsWith('@') || t.EndsWith('@')))
            {
                Error(Get(m, key)!, $"'{key}': '{t}' is not an email address");
                return null;
            }
            return t;
        }

        public string? Url(YamlMappingNode m, string key)
        {
            var t = Text(m, key);
            if (t is not null && !(t.StartsWith("https://", StringComparison.Ordinal) || t.StartsWith("http://", StringComparison.Ordinal)))
            {
                Error(Get(m, key)!, $"'{key}' must be a web address starting https://");
                return null;
            }
            return t;
        }

        public LocalDate? Date(YamlMappingNode m, string key)
        {
            var t = Text(m, key);
            if (t is null) return null;
            var p = Iso.Parse(t);
            if (p.Success && LocalOffer.Core.Safety.DateLimits.InRange(p.Value)) return p.Value;
            if (p.Success && !LocalOffer.Core.Safety.DateLimits.InRange(p.Value))
            {
                Error(Get(m, key)!, $"'{key}': {LocalOffer.Core.Safety.DateLimits.OutOfRange(p.Value)}");
                return null;
            }
            Error(Get(m, key)!, $"'{key}': '{LocalOffer.Core.Safety.Printable.Clean(t, 60)}' is not a date (YYYY-MM-DD)");
            return null;
        }

        public int? Int(YamlMappingNode m, string key)
        {
            var t = Text(m, key);
            if (t is null) return null;
            if (int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i <= 30) return i;
            Error(Get(m, key)!, $"'{key}' must be an age in whole years");
            return null;
        }

        public decimal? Decimal(YamlMappingNode m, string key)
        {
            var t = Text(m, key);
            if (t is null) return null;
            if (decimal.TryParse(t, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var d)) return d;
            Error(Get(m, key)!, $"'{key}' must be a number of pounds, such as 2000 or 57.50");
            return null;
        }

        public YamlMappingNode? Map(YamlMappingNode m, string key)
        {
            var v = Get(m, key);
            if (v is null or YamlScalarNode { Value: null or "" }) return null;
            if (v is YamlMappingNode mm) return mm;
            Error(v, $"'{key}' must be a mapping");
            return null;
        }

        public YamlSequenceNode? Seq(YamlMappingNode m, string key)
        {
            var v = Get(m, key);
            if (v is null) return null;
            if (v is YamlSequenceNode s) return s;
            Error(v, $"'{key}' must be a list");
            return null;
        }

        public IEnumerable<(string Text, YamlNode Node)> List(YamlMappingNode m, string key)
        {
            if (Seq(m, key) is not { } s) yield break;
            foreach (var c in s.Children)
            {
                if (c is YamlScalarNode { Value: { Length: > 0 } v }) yield return (v, c);
                else Error(c, $"'{key}' items must be plain words");
            }
        }
    }
}
