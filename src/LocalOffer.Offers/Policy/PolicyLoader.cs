using System.Globalization;
using LocalOffer.Core.Engine;
using LocalOffer.Offers.Lint;
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
/// refused before they are parsed into a tree.
/// </summary>
public sealed class PolicyLoader(IReadOnlySet<string> entitlementIds)
{
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
        r.Keys(root, ["name", "website", "contacts", "source"], ["name", "source"]);
        var contacts = new Dictionary<string, Contact>();
        if (r.Map(root, "contacts") is { } cm)
        {
            r.Keys(cm, OfferVocabulary.ContactKinds.ToArray(), []);
            foreach (var kind in OfferVocabulary.ContactKinds)
                if (r.Map(cm, kind) is { } c)
                {
                    r.Keys(c, ["name", "phone", "email", "website", "hours"], []);
                    contacts[kind] = new Contact(r.Text(c, "name"), r.Text(c, "phone"), r.Text(c, "email"), r.Url(c, "website"), r.Text(c, "hours"));
                }
        }
        var versions = new List<OfferVersion>();
        var files = Directory.GetFiles(folder, "offer-*.yaml").OrderBy(f => f, StringComparer.Ordinal).ToList();
        if (files.Count > MaxVersions)
            findings.Add(new Finding(Severity.Unreadable, folder, 0, 0, $"{files.Count} offer versions; a council folder holds at most {MaxVersions}"));
        foreach (var file in files.Take(MaxVersions))
            if (LoadVersion(file, findings) is { } v) versions.Add(v);
        if (versions.Count == 0) findings.Add(new Finding(Severity.Error, councilFile, 0, 0, "no offer-*.yaml version in the folder"));
        var council = new Council(id, r.Text(root, "name") ?? id, r.Url(root, "website"), contacts, r.Text(root, "source") ?? "",
            versions.OrderBy(v => v.InForceFrom).ToList(), folder);
        return (council, findings);
    }

    private OfferVersion? LoadVersion(string file, List<Finding> findings)
    {
        var root = Parse(file, findings);
        if (root is null) return null;
        var r = new Reader(file, findings);
        r.Keys(root, ["in_force_from", "in_force_to", "published", "next_review", "co_production", "staying_put_policy", "source", "items"],
            ["in_force_from", "source", "items"]);
        var from = r.Date(root, "in_force_from");
        var to = r.Date(root, "in_force_to");
        if (from is { } f && to is { } t && t <= f) r.Error(root, $"in_force_to {t:yyyy-MM-dd} is not after in_force_from {f:yyyy-MM-dd}");
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
        return new OfferVersion(file, from.Value, to, r.Date(root, "published"), r.Date(root, "next_review"),
            r.Text(root, "co_production"), r.Text(root, "staying_put_policy"), r.Text(root, "source") ?? "", items);
    }

    private OfferItem? Item(Reader r, YamlMappingNode m)
    {
        r.Keys(m, ["id", "area", "title", "description", "kind", "entitlement", "for", "amount", "provider", "in_force", "source"],
            ["id", "area", "title", "description", "kind", "source"]);
        var id = r.Text(m, "id");
        var area = r.Text(m, "area");
        if (area is not null && !OfferVocabulary.Areas.ContainsKey(area))
            r.Error(m.Children[new YamlScalarNode("area")], $"unknown area '{area}' (expected one of: {string.Join(", ", OfferVocabulary.Areas.Keys)})");
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
        ItemAmount? amount = null;
        if (r.Map(m, "amount") is { } am)
        {
            r.Keys(am, ["gbp", "period"], ["gbp", "period"]);
            var gbp = r.Decimal(am, "gbp");
            var period = r.Text(am, "period");
            if (period is not null && !OfferVocabulary.Periods.Contains(period))
                r.Error(am.Children[new YamlScalarNode("period")], $"period must be one of: {string.Join(", ", OfferVocabulary.Periods)}");
            if (gbp is <= 0) r.Error(am.Children[new YamlScalarNode("gbp")], "an amount must be more than £0");
            if (gbp is not null && period is not null) amount = new ItemAmount(gbp.Value, period);
        }
        LocalDate? from = null, to = null;
        if (r.Map(m, "in_force") is { } im)
        {
            r.Keys(im, ["from", "to"], []);
            from = r.Date(im, "from");
            to = r.Date(im, "to");
        }
        if (id is null || area is null || kind is null) return null;
        return new OfferItem(id, area, r.Text(m, "title") ?? "", r.Text(m, "description") ?? "", kind == "statutory", entitlement,
            eligibility, amount, r.Text(m, "provider"), from, to, r.Text(m, "source") ?? "", m.Start.Line);
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
            while (parser.MoveNext())
            {
                if (parser.Current is MappingStart or SequenceStart && ++depth > MaxDepth)
                    throw new YamlException(parser.Current.Start, parser.Current.End, $"nested more than {MaxDepth} levels deep");
                if (parser.Current is MappingEnd or SequenceEnd) depth--;
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
    }

    /// <summary>Typed reads from a mapping, each adding an Error finding at the node's line and column.</summary>
    private sealed class Reader(string file, List<Finding> findings)
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
