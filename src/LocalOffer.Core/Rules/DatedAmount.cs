using NodaTime;

namespace LocalOffer.Core.Rules;

/// <summary>A dated amount of money (GBP) from rules/england/amounts.yaml, with its legal references.</summary>
public sealed class DatedAmount
{
    private readonly Parameter _parameter;

    /// <summary>Every value is checked when the rules load, not when a young person first reaches its date.</summary>
    public DatedAmount(Parameter parameter)
    {
        _parameter = parameter;
        foreach (var v in parameter.Values)
        {
            if (v.Value is not (int or decimal or null)) throw Bad(parameter, v.Value, "is not a number");
            if (v.Value is int i && i < 0 || v.Value is decimal d && d < 0) throw Bad(parameter, v.Value, "must not be negative");
        }
    }

    public string Id => _parameter.Id;
    public IReadOnlyList<LegalReference> References => _parameter.References;

    /// <summary>The amount in force on <paramref name="date"/>, or null before the first.</summary>
    public decimal? On(LocalDate date) => _parameter.ValueOn(date) switch
    {
        int i => i,
        decimal d => d,
        null => null,
        var other => throw Bad(_parameter, other, "is not a number"),
    };

    private static RuleFileException Bad(Parameter p, object? value, string what) =>
        new(p.File, p.Line, 1, $"{p.Id}: value '{DatedValue.Show(value)}' {what}");

    /// <summary>
    /// The day the amount in force on <paramref name="date"/> took effect (a page says "for an
    /// apprenticeship that starts on or after 1 August 2023"), or null before the first.
    /// </summary>
    public LocalDate? Since(LocalDate date) => _parameter.Values.LastOrDefault(v => v.From <= date)?.From;
}
