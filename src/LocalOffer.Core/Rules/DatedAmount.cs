using NodaTime;

namespace LocalOffer.Core.Rules;

/// <summary>A dated amount of money (GBP) from rules/england/amounts.yaml, with its legal references.</summary>
public sealed class DatedAmount(Parameter parameter)
{
    public string Id => parameter.Id;
    public IReadOnlyList<LegalReference> References => parameter.References;

    /// <summary>The amount in force on <paramref name="date"/>, or null before the first.</summary>
    public decimal? On(LocalDate date) => parameter.ValueOn(date) switch
    {
        int i => i,
        decimal d => d,
        null => null,
        var other => throw new RuleFileException(parameter.File, parameter.Line, 1, $"{parameter.Id}: value '{other}' is not a number"),
    };

    /// <summary>
    /// The day the amount in force on <paramref name="date"/> took effect (a page says "for an
    /// apprenticeship that starts on or after 1 August 2023"), or null before the first.
    /// </summary>
    public LocalDate? Since(LocalDate date) => parameter.Values.LastOrDefault(v => v.From <= date)?.From;
}
