using LocalOffer.Core.Safety;

namespace LocalOffer.Batch.Input;

/// <summary>
/// A row (or field) not used, and why: file, line and column (1-based; column 0 = whole row). The
/// child id and the reason are capped and cleaned (<see cref="Printable"/>): a reject names the
/// problem, it never carries a whole file of someone's data.
/// </summary>
public sealed record Reject(string File, long Line, int Column, string Field, string? Child, string Reason)
{
    public string? Child { get; } = Child is null ? null : Printable.Clean(Child);
    public string Reason { get; } = Printable.Clean(Reason);

    /// <summary>A value quoted inside a reason: short enough that the reason stays readable.</summary>
    public static string Quote(string value) => Printable.Clean(value, 60);
}

/// <summary>An input file that cannot be read at all (not found, UTF-16, no header line): exit code 2.</summary>
public sealed class UnreadableInputException(string message) : Exception(message);
