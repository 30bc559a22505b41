namespace LocalOffer.Core.Rules;

/// <summary>A rule file that cannot be used. The message names file, line and column.</summary>
public sealed class RuleFileException(string file, long line, long column, string message)
    : Exception($"{file}:{line}:{column}: {message}")
{
    public string File { get; } = file;
    public long Line { get; } = line;
    public long Column { get; } = column;
    /// <summary>What is wrong, without the file, line and column.</summary>
    public string Reason { get; } = message;
}
