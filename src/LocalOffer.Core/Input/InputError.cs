namespace LocalOffer.Core.Input;

/// <summary>One problem with an input, named by its field path, e.g. <c>episodes[1].end</c>.</summary>
public sealed record InputError(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}

/// <summary>Bad input that stops a command: exit code 2, a message per field, no stack trace.</summary>
public sealed class InvalidInputException(IReadOnlyList<InputError> errors)
    : Exception(string.Join(Environment.NewLine, errors))
{
    public IReadOnlyList<InputError> Errors { get; } = errors;
}
