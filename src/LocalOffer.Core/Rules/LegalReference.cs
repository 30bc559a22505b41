namespace LocalOffer.Core.Rules;

/// <summary>A provision of law: how a lawyer cites it, and where its text is on legislation.gov.uk.</summary>
public sealed record LegalReference(string Citation, string Url)
{
    public override string ToString() => Citation;
}
