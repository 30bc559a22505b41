using System.Text;
using LocalOffer.Batch.Input;
using LocalOffer.Batch.Output;
using LocalOffer.Core.Rules;
using LocalOffer.Core.Safety;
using LocalOffer.Offers.Render;

namespace LocalOffer.WhatIf;

/// <summary>
/// The folder a what-if run writes: whatif.csv, gainers.csv, local-offers.csv, index.html and rejects.csv, all or none (each to a
/// temporary name through the one atomic writer, then all put in place), with GOV.UK Frontend's assets and a
/// marker that lets a later run write there again (<see cref="ReportFolder"/>).
/// </summary>
public static class WhatIfFolder
{
    public static readonly string[] OutputFiles = ["whatif.csv", "gainers.csv", "local-offers.csv", "index.html", "rejects.csv"];

    /// <summary>The file that marks a folder as an earlier what-if report.</summary>
    public const string Marker = ".localoffer-whatif";

    /// <summary>Before anything is read: no output is an input, and the folder may be written to.</summary>
    public static void Check(WhatIfOptions o)
    {
        var outDir = Path.GetFullPath(o.Out);
        if (o.HistoriesDir is { } h
            && Path.TrimEndingDirectorySeparator(Path.GetFullPath(h)) == Path.TrimEndingDirectorySeparator(outDir))
            throw new UnreadableInputException(
                "--out is the --histories folder: choose another folder (outputs never go among inputs)");
        ReportFolder.Check(o.Out, Marker, OutputFiles, o.Force, "what-if report",
            new[] { o.Header, o.CaseloadCsv }.Concat(o.Episodes).Concat(o.Xml));
    }

    public static void Write(WhatIfResult r, WhatIfOptions o, TemplateSet templates, EntitlementCatalog catalog)
    {
        var outDir = Path.GetFullPath(o.Out);
        var html = WhatIfReport.Render(templates, r, catalog); // before any file is opened: a template error writes nothing
        Directory.CreateDirectory(outDir);
        var files = OutputFiles.ToDictionary(f => f, f => AtomicFile.Create(Path.Combine(outDir, f)));
        try
        {
            WhatIfCsv.Write(files["whatif.csv"].Stream, r.Rows);
            WhatIfCsv.WriteGainers(files["gainers.csv"].Stream, r.Gainers);
            WhatIfCsv.WriteLocalOffers(files["local-offers.csv"].Stream, r.LocalOffers);
            RejectCsvWriter.Write(files["rejects.csv"].Stream, r.Rejects);
            files["index.html"].Stream.Write(Encoding.UTF8.GetBytes(html));
            foreach (var f in OutputFiles) files[f].Commit();
            // Our stylesheet and images are written over, file by file; nothing in assets/ is deleted.
            SitePublisher.CopyAssets(Path.Combine(outDir, "assets"));
            AtomicFile.WriteAllText(Path.Combine(outDir, Marker), "whatif\n");
        }
        finally
        {
            foreach (var f in files.Values) f.Dispose();
        }
    }
}
