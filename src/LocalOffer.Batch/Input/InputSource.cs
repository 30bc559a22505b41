namespace LocalOffer.Batch.Input;

/// <summary>
/// One input to read: a name for messages and rejects (the path, or an uploaded file's name) and a
/// way to open it. The readers take sources, so the command line reads files and the web app reads
/// uploads held in memory through the same code, with the same checks (UTF-8, not UTF-16, limits).
/// </summary>
public sealed class InputSource
{
    public string Name { get; }
    private readonly Func<Stream> _open;

    private InputSource(string name, Func<Stream> open, bool inMemory = false)
    {
        Name = name;
        _open = open;
        InMemory = inMemory;
    }

    /// <summary>
    /// Bytes held in memory (an upload to the web app or the browser): read on the request's own thread,
    /// not ahead on others, since a server's other requests need its threads (and an upload is small).
    /// </summary>
    public bool InMemory { get; }

    /// <summary>A file on disk, checked to be a regular file when opened.</summary>
    public static InputSource File(string path) => new(path, () => InputFile.OpenStream(path));

    /// <summary>Bytes held in memory (an upload), under the name the person gave the file.</summary>
    public static InputSource Bytes(string name, byte[] bytes) =>
        new(name, () => InputFile.Checked(new MemoryStream(bytes, writable: false), name), inMemory: true);

    /// <summary>The bytes as a stream: UTF-8 checked as they are read, UTF-16 refused up front.</summary>
    public Stream Open() => _open();

    public override string ToString() => Name;
}
