using System.Text;
using LocalOffer.Batch;
using LocalOffer.Batch.Input;
using LocalOffer.Core.Safety;
using LocalOffer.Web.Caseload;
using Microsoft.AspNetCore.Http.Features;

namespace LocalOffer.Web;

/// <summary>
/// The uploads of the caseload and audit pages: a council's SSDA903 return (header and episodes) or care
/// history documents, read in memory within <see cref="CaseloadLimits"/> and dropped with the response.
/// </summary>
internal static class Uploads
{
    /// <summary>The posted form, held in memory; null when the upload is over the limit or cut short.</summary>
    public static async Task<IFormCollection?> ReadFormAsync(HttpContext http)
    {
        http.Features.Set<IFormFeature>(new FormFeature(http.Request, new FormOptions
        {
            // Files count as form entries: room for the file limit, so it is our message that says so.
            MultipartBodyLengthLimit = CaseloadLimits.MaxUploadBytes, ValueCountLimit = CaseloadLimits.MaxFiles + 50,
            ValueLengthLimit = 1024, KeyLengthLimit = 64,
            // Uploads stay in memory (issue 24, item 5): past the default 64 KB threshold a file section
            // went to /tmp/ASPNETCORE_*.tmp, which a crash leaves behind. The upload is capped anyway.
            MemoryBufferThreshold = (int)CaseloadLimits.MaxUploadBytes + 1,
            BufferBodyLengthLimit = CaseloadLimits.MaxUploadBytes,
        }));
        try
        {
            return await http.Request.ReadFormAsync();
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException or IOException)
        {
            return null;
        }
    }

    /// <summary>One SSDA903 return (a header file and episodes files) or care history files, not both.</summary>
    public static void CheckHistories(IFormFileCollection files, List<(string Id, string Message)> errors)
    {
        if (files.Count > CaseloadLimits.MaxFiles)
            errors.Add(("header", $"Choose {CaseloadLimits.MaxFiles} files or fewer"));
        var (header, episodes, histories) =
            (Chosen(files, "header"), Chosen(files, "episodes"), Chosen(files, "histories"));
        var hasReturn = header.Count > 0 || episodes.Count > 0;
        if (!hasReturn && histories.Count == 0)
            errors.Add(("header", "Select the SSDA903 header and episodes files, or care history files"));
        else if (hasReturn && histories.Count > 0)
            errors.Add(("header", "Select an SSDA903 return or care history files, not both"));
        else if (hasReturn && (header.Count != 1 || episodes.Count == 0))
            errors.Add((header.Count != 1 ? "header" : "episodes",
                header.Count != 1 ? "Select one SSDA903 header file" : "Select the SSDA903 episodes file"));
    }

    /// <summary>The checked files as the runners take them: SSDA903 sources, or documents by file name.</summary>
    public static async Task<(IReadOnlyList<(InputSource, SsdaFileKind)>? Sources,
        IReadOnlyList<(string, string)>? Documents)>
        Histories(IFormFileCollection files, List<(string Id, string Message)> errors)
    {
        var header = Chosen(files, "header");
        if (header.Count == 1)
        {
            var sources = new List<(InputSource, SsdaFileKind)> { (await Source(header[0]), SsdaFileKind.Header) };
            foreach (var e in Chosen(files, "episodes")) sources.Add((await Source(e), SsdaFileKind.Episodes));
            return (sources, null);
        }
        var docs = new List<(string, string)>();
        foreach (var h in Chosen(files, "histories"))
        {
            var bytes = await Bytes(h);
            if (!System.Text.Unicode.Utf8.IsValid(bytes))
            {
                errors.Add(("histories", $"{Name(h)} must be a care history saved as UTF-8 JSON"));
                return (null, null);
            }
            docs.Add((Name(h), Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF')));
        }
        return (null, docs);
    }

    /// <summary>The files chosen for a field (an empty file input sends one of length 0: not chosen).</summary>
    public static List<IFormFile> Chosen(IFormFileCollection files, string field) =>
        files.GetFiles(field).Where(f => f.Length > 0).ToList();

    public static async Task<InputSource> Source(IFormFile f) => InputSource.Bytes(Name(f), await Bytes(f));

    // The name a browser gives: just the file name, printable, short (it appears in rejects).
    public static string Name(IFormFile f) => Printable.Clean(Path.GetFileName(f.FileName.Replace('\\', '/')), 100);

    private static async Task<byte[]> Bytes(IFormFile f)
    {
        var bytes = new byte[f.Length];
        await using var s = f.OpenReadStream();
        await s.ReadExactlyAsync(bytes);
        return bytes;
    }
}
