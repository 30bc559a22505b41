using LocalOffer.Core.Rules;
using LocalOffer.Offers.Lint;
using YamlDotNet.RepresentationModel;

namespace LocalOffer.Offers.Policy;

/// <summary>
/// rules/national-contacts.yaml: the national services every published offer lists unless a council
/// names its own selection (national_contacts in council.yaml). Each entry names the public page its
/// details come from (source.url, source.section); a phone number no page gives is left out.
/// </summary>
public static class NationalContacts
{
    public const string FileName = "national-contacts.yaml";

    public static string DefaultFile() => Path.Combine(RulesLocator.RulesRoot(), FileName);

    /// <summary>The shipped list; a broken file is a rule file error (exit 2), never a silent empty list.</summary>
    public static IReadOnlyList<NationalContact> LoadDefault()
    {
        var findings = new List<Finding>();
        var list = Load(DefaultFile(), findings);
        if (findings.Count > 0) throw new RuleFileException(findings[0].File, findings[0].Line, findings[0].Column, findings[0].Message);
        return list;
    }

    public static IReadOnlyList<NationalContact> Load(string file, List<Finding> findings)
    {
        var root = PolicyLoader.Parse(file, findings);
        if (root is null) return [];
        var r = new PolicyLoader.Reader(file, findings);
        r.Keys(root, ["contacts"], ["contacts"]);
        var result = new List<NationalContact>();
        if (r.Seq(root, "contacts") is not { } seq) return result;
        foreach (var node in seq.Children)
        {
            if (node is not YamlMappingNode m) { r.Error(node, "a contact must be a mapping"); continue; }
            r.Keys(m, ["id", "name", "what", "phone", "email", "website", "hours", "source"], ["id", "name", "what", "source"]);
            string? url = null, section = null;
            if (r.Map(m, "source") is { } s)
            {
                r.Keys(s, ["url", "section"], ["url", "section"]);
                url = r.Url(s, "url");
                section = r.Text(s, "section");
            }
            var c = new NationalContact(r.Text(m, "id") ?? "", r.Text(m, "name") ?? "", r.Text(m, "what") ?? "", r.Text(m, "phone"),
                r.Email(m, "email"), r.Url(m, "website"), r.Text(m, "hours"), url ?? "", section ?? "");
            if (c.Phone is null && c.Email is null && c.Website is null) r.Error(m, $"national contact '{c.Id}' gives no phone, email or website");
            if (result.Any(x => x.Id == c.Id)) r.Error(m, $"national contact id '{c.Id}' is used twice");
            if (c.Id.Length > 0) result.Add(c);
        }
        return result;
    }
}
