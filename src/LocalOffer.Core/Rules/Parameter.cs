using NodaTime;

namespace LocalOffer.Core.Rules;

/// <summary>
/// One dated parameter of the law (OpenFisca style): a value keyed by the date it took effect.
/// A null value means "not in force from this date". A parameter whose values are empty has no
/// commencement yet (a prospective provision).
/// </summary>
public sealed class Parameter
{
    public Parameter(string id, string description, string? unit, IReadOnlyList<LegalReference> references,
        IReadOnlyList<DatedValue> values, string file, long line)
    {
        Id = id; Description = description; Unit = unit; References = references;
        Values = values.OrderBy(v => v.From).ToArray(); File = file; Line = line;
    }

    public string Id { get; }
    public string Description { get; }
    public string? Unit { get; }
    public IReadOnlyList<LegalReference> References { get; }
    /// <summary>Sorted by <see cref="DatedValue.From"/>.</summary>
    public IReadOnlyList<DatedValue> Values { get; }
    public string File { get; }
    public long Line { get; }

    /// <summary>The value in force on <paramref name="date"/>, or null if none is (before the first, or repealed).</summary>
    public object? ValueOn(LocalDate date)
    {
        object? current = null;
        foreach (var v in Values)
        {
            if (v.From > date) break;
            current = v.Value;
        }
        return current;
    }

    /// <summary>The first date on which a non-null value is in force, or null for a prospective provision.</summary>
    public LocalDate? FirstInForce => Values.FirstOrDefault(v => v.Value is not null)?.From;
}

public sealed record DatedValue(LocalDate From, object? Value)
{
    /// <summary>A value as a rule file writes it ("2027-04-01", "a, b", "true"), for messages.</summary>
    public static string Show(object? value) => value switch
    {
        null => "null",
        LocalDate d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        string[] list => string.Join(", ", list),
        bool b => b ? "true" : "false",
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };
}
