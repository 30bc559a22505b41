using System.CommandLine;

namespace LocalOffer.Cli;

/// <summary>
/// Where a cohort comes from, for the commands that take young people by the thousand (`caseload`, `whatif`):
/// an SSDA903 return (--header and --episodes, or --xml) or a folder of care history documents (--histories),
/// exactly one of them, and the optional caseload CSV. Parsed and checked the same way by each command.
/// </summary>
public sealed class CohortInputOptions(string caseloadDescription)
{
    public Option<FileInfo?> Header { get; } = new("--header") { Description = "SSDA903 header.csv (CHILD, DOB, ...)" };
    public Option<FileInfo[]> Episodes { get; } = new("--episodes")
        { Description = "SSDA903 episodes.csv files, oldest return first", AllowMultipleArgumentsPerToken = true };
    public Option<FileInfo[]> Xml { get; } = new("--xml")
        { Description = "SSDA903 XML export files, oldest first", AllowMultipleArgumentsPerToken = true };
    public Option<DirectoryInfo?> Histories { get; } = new("--histories")
        { Description = "A folder of care history documents (*.json, as `check` reads)" };
    public Option<FileInfo?> Caseload { get; } = new("--caseload") { Description = caseloadDescription };

    public IEnumerable<Option> All => [Header, Episodes, Xml, Histories, Caseload];

    /// <summary>The inputs given, or a usage error unless exactly one kind of input is complete.</summary>
    public (FileInfo? Header, FileInfo[] Episodes, FileInfo[] Xml, DirectoryInfo? Histories) Read(ParseResult parse)
    {
        var eps = parse.GetValue(Episodes) ?? [];
        var xs = parse.GetValue(Xml) ?? [];
        var h = parse.GetValue(Header);
        var dir = parse.GetValue(Histories);
        var ssda = xs.Length > 0 || h is not null || eps.Length > 0;
        if (dir is not null == ssda || (ssda && xs.Length == 0 && (h is null || eps.Length == 0)))
            throw new CliUsageException("give one input: --header and --episodes (CSV), --xml, or --histories DIR");
        return (h, eps, xs, dir);
    }
}
