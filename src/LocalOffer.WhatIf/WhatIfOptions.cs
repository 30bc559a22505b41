using LocalOffer.Batch;
using LocalOffer.Batch.Input;
using NodaTime;

namespace LocalOffer.WhatIf;

/// <summary>
/// What to run: the young people (an SSDA903 return, or a folder of care history documents), the changes to the
/// law (`--set`), the as-at date and horizon, the council's unit costs, an optional caseload CSV (advisers for the
/// list of those who gain), and the folder to write to.
/// </summary>
public sealed record WhatIfOptions(
    string? Header,
    IReadOnlyList<string> Episodes,
    IReadOnlyList<string> Xml,
    string? HistoriesDir,
    string? CaseloadCsv,
    IReadOnlyList<string> Sets,
    LocalDate AsAt,
    int HorizonMonths,
    IReadOnlyList<string> Costs,
    string Out,
    bool Force = false)
{
    /// <summary>SSDA903 files held in memory (uploads), in place of the paths.</summary>
    public IReadOnlyList<(InputSource Source, SsdaFileKind Kind)>? Sources { get; init; }
    /// <summary>Care history documents held in memory (uploads), by file name, in place of a folder.</summary>
    public IReadOnlyList<(string Name, string Json)>? Documents { get; init; }
}
