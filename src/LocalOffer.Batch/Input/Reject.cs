namespace LocalOffer.Batch.Input;

/// <summary>A row (or field) not used, and why: file, line and column (1-based; column 0 = whole row).</summary>
public sealed record Reject(string File, long Line, int Column, string Field, string? Child, string Reason);

/// <summary>An input file that cannot be read at all (not found, UTF-16, no header line): exit code 2.</summary>
public sealed class UnreadableInputException(string message) : Exception(message);
