namespace LocalOffer.Offers.Render;

/// <summary>
/// What one render may do. The biggest page the project makes (a council's whole offer on one page,
/// a 2,000-row caseload) is far inside each: a template that reaches one is broken, and fails with
/// its file, line and column rather than hanging or filling memory.
/// </summary>
/// <param name="Loops">
/// Steps of one loop, counting every step of the loops and includes inside it (Scriban counts from the
/// outermost loop): the caseload's 5,000 rows, each with its citations, take about 20,000.
/// </param>
/// <param name="Recursion">Depth of includes and function calls.</param>
/// <param name="Time">Wall time of one render, includes and all.</param>
/// <param name="OutputChars">Characters one render writes, and the longest value it may turn into text.</param>
public sealed record TemplateLimits(int Loops, int Recursion, TimeSpan Time, int OutputChars)
{
    public static readonly TemplateLimits Default =
        new(Loops: 100_000, Recursion: 20, Time: TimeSpan.FromSeconds(10), OutputChars: 32 << 20);
}
