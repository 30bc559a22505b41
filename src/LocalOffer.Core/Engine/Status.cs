namespace LocalOffer.Core.Engine;

/// <summary>
/// A young person's care leaver category on a date. The wire names (snake case) are
/// <see cref="StatusNames"/>; the law behind each is in rules/england and care-leaver-law.md s.2.
/// </summary>
public enum Status
{
    /// <summary>Nothing owed under the leaving care provisions.</summary>
    None,
    /// <summary>Looked after (CA 1989 s.22(1)) but not an eligible child: under 16, or under 13 weeks.</summary>
    LookedAfter,
    /// <summary>CA 1989 Sch 2 para 19B(2); CPPCR 2010 reg 40.</summary>
    Eligible,
    /// <summary>CA 1989 s.23A(2); CLR 2010 reg 3.</summary>
    Relevant,
    /// <summary>CA 1989 s.23C(1).</summary>
    FormerRelevant,
    /// <summary>CA 1989 s.24 (person qualifying for advice and assistance).</summary>
    Qualifying,
}

public static class StatusNames
{
    public static string Wire(this Status s) => s switch
    {
        Status.None => "none",
        Status.LookedAfter => "looked_after",
        Status.Eligible => "eligible",
        Status.Relevant => "relevant",
        Status.FormerRelevant => "former_relevant",
        Status.Qualifying => "qualifying",
        _ => throw new ArgumentOutOfRangeException(nameof(s)),
    };

    public static Status FromWire(string s) => s switch
    {
        "none" => Status.None,
        "looked_after" => Status.LookedAfter,
        "eligible" => Status.Eligible,
        "relevant" => Status.Relevant,
        "former_relevant" => Status.FormerRelevant,
        "qualifying" => Status.Qualifying,
        _ => throw new ArgumentException($"unknown status '{s}'", nameof(s)),
    };

    /// <summary>Plain English for a young person or adviser.</summary>
    public static string Plain(this Status s) => s switch
    {
        Status.None => "not a care leaver",
        Status.LookedAfter => "looked after (in care)",
        Status.Eligible => "eligible child (in care, aged 16 or 17)",
        // Not "left care": the detention route (CLR 2010 reg 3(2)) makes a relevant child who never left care at 16.
        Status.Relevant => "relevant child (care leaver aged 16 or 17)",
        Status.FormerRelevant => "former relevant child (care leaver aged 18 to 25)",
        Status.Qualifying => "qualifying care leaver (entitled to advice and assistance)",
        _ => throw new ArgumentOutOfRangeException(nameof(s)),
    };

    public static IReadOnlyList<Status> All { get; } = Enum.GetValues<Status>();
}
