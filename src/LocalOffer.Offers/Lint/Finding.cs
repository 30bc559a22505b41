namespace LocalOffer.Offers.Lint;

public enum Severity
{
    /// <summary>Against the DfE guidance: reported, does not fail lint unless --strict.</summary>
    Compliance,
    /// <summary>A policy file that is wrong: lint exits 1.</summary>
    Error,
    /// <summary>A file that cannot be read at all (YAML syntax, too big, aliases): lint exits 2.</summary>
    Unreadable,
    /// <summary>What a provision with a commencement date still ahead will require: told, never fails lint.</summary>
    Upcoming,
}

/// <summary>One problem, named by file, line and column (1-based; 0 when it concerns the whole offer).</summary>
public sealed record Finding(Severity Severity, string File, long Line, long Column, string Message)
{
    // Editors jump to "file:line:column"; a finding about the whole offer has no place in the
    // file, so it names the file alone rather than a misleading ":0:0".
    public override string ToString() => $"{Where}: {Kind}: {Message}";

    private string Where => Line <= 0 ? File : Column <= 0 ? $"{File}:{Line}" : $"{File}:{Line}:{Column}";

    private string Kind => Severity switch
    {
        Severity.Compliance => "compliance", Severity.Error => "error", Severity.Upcoming => "upcoming", _ => "unreadable",
    };
}
