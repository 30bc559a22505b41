using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace LocalOffer.Core.Rules;

/// <summary>
/// Every SSDA903 code the rules core accepts (rules/ssda903-codes.yaml), with plain words.
/// A code not listed is unknown and rejected.
/// </summary>
public sealed class Ssda903Codes
{
    public Ssda903Codes(IReadOnlyDictionary<string, string> legalStatus, IReadOnlyDictionary<string, string> reasonEnded, IReadOnlyDictionary<string, string> placement)
    {
        LegalStatus = legalStatus; ReasonEnded = reasonEnded; Placement = placement;
    }

    public IReadOnlyDictionary<string, string> LegalStatus { get; }
    public IReadOnlyDictionary<string, string> ReasonEnded { get; }
    public IReadOnlyDictionary<string, string> Placement { get; }

    public static Ssda903Codes LoadDefault() => Load(Path.Combine(RulesLocator.RulesRoot(), "ssda903-codes.yaml"));

    public static Ssda903Codes Load(string file)
    {
        var name = Path.GetFileName(file);
        var root = StrictYaml.Document(file, "a mapping with legal_status, reason_ended, placement");
        Dictionary<string, string> Section(string key)
        {
            if (!root.Children.TryGetValue(new YamlScalarNode(key), out var node) || node is not YamlMappingNode m)
                throw new RuleFileException(name, root.Start.Line, root.Start.Column, $"missing mapping '{key}'");
            var d = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (k, v) in m.Children)
                d[((YamlScalarNode)k).Value!] = (v as YamlScalarNode)?.Value
                    ?? throw new RuleFileException(name, v.Start.Line, v.Start.Column, "a code's label must be text");
            return d;
        }
        foreach (var k in root.Children.Keys)
            if (((YamlScalarNode)k).Value is not ("legal_status" or "reason_ended" or "placement"))
                throw new RuleFileException(name, k.Start.Line, k.Start.Column, $"unknown key '{k}'");
        return new Ssda903Codes(Section("legal_status"), Section("reason_ended"), Section("placement"));
    }
}
