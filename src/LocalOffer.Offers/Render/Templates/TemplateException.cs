namespace LocalOffer.Offers.Render;

/// <summary>A template that does not parse or breaks a limit: where (file, line, column) and why.</summary>
public sealed class TemplateException(string file, int line, int column, string reason, Exception? inner = null)
    : Exception($"{file}:{line}:{column}: {reason}", inner)
{
    public string File { get; } = file;
    public int Line { get; } = line;
    public int Column { get; } = column;
    public string Reason { get; } = reason;
}
