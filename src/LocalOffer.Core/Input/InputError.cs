namespace LocalOffer.Core.Input;

/// <summary>One problem with an input, named by its field path, e.g. <c>episodes[1].end</c>.</summary>
/// <param name="Counts">
/// How many problems this one stands for: 1, or more for a line that counts those left unnamed ("... and
/// 19,949 more overlaps"), so a list cut again further on still says how many there were.
/// </param>
public sealed record InputError(string Path, string Message, int Counts = 1)
{
    public override string ToString() => $"{Path}: {Message}";
}

/// <summary>Bad input that stops a command: exit code 2, a message per field, no stack trace.</summary>
public sealed class InvalidInputException(IReadOnlyList<InputError> errors)
    : Exception(string.Join(Environment.NewLine, errors))
{
    public IReadOnlyList<InputError> Errors { get; } = errors;
}
