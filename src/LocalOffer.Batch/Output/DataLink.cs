namespace LocalOffer.Batch.Output;

/// <summary>
/// A file offered for download as a data link in the page itself (the caseload's and the audit's, in the web
/// app and the command's HTML), so no copy is kept anywhere to fetch later.
/// </summary>
public static class DataLink
{
    /// <param name="type">The media type, with its charset where it is text ("text/csv;charset=utf-8").</param>
    public static string Of(string type, Action<Stream> write)
    {
        using var buffer = new MemoryStream();
        write(buffer);
        return $"data:{type};base64,{Convert.ToBase64String(buffer.GetBuffer(), 0, (int)buffer.Length)}";
    }
}
