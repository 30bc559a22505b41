using System.Globalization;
using LocalOffer.Batch.Input;
using LocalOffer.Core.Rules;
using LocalOffer.Core.Safety;
using NodaTime;

namespace LocalOffer.Batch.Cohort;

/// <summary>What is wrong with a row, found from the row alone: where, and why.</summary>
/// <param name="CountsAgainstChild">The reject counts against the child when the child is known (YEAR).</param>
public sealed record RowProblem(
    int Column, string Field, string? Child, string Reason, bool CountsAgainstChild = false);

/// <summary>A header row read and checked on its own, before the cohort is looked at.</summary>
public readonly record struct ChildInput(
    long Line, string Id, int ChildColumn, int DobColumn, LocalDate Birth, RowProblem? Problem);

/// <summary>
/// An episode row read and checked on its own. The checks the cohort decides (is there such a
/// child, does the episode start before the birth, is it a duplicate) come later, in
/// <see cref="CohortBuilder.AddEpisode(string, in EpisodeInput)"/>, in the order the rejects name them.
/// </summary>
public readonly record struct EpisodeInput(
    long Line, string Id, int ChildColumn, int DecomColumn, LocalDate Start, LocalDate? End, byte LegalStatus,
    byte Placement, byte ReasonEnded, short Year,
    RowProblem? BeforeChild, RowProblem? BeforeBirth, RowProblem? AfterBirth);

/// <summary>
/// A field's text where it was read, without a string of its own: the reader's buffer (CSV) or a
/// string (XML). A string is made only to quote the text in a reject.
/// </summary>
public readonly ref struct FieldText(ReadOnlySpan<char> text, int column)
{
    public ReadOnlySpan<char> Text { get; } = text;
    public int Column { get; } = column;

    public static implicit operator FieldText(FieldAt f) => new(f.Text, f.Column);
}

/// <summary>
/// The checks of one SSDA903 row that need nothing but the row and the code table: trimming, dates,
/// codes, YEAR. Pure and thread-safe (it only reads), so a reader can check rows on one core while
/// the cohort takes the rows already checked on another (issue 14).
/// </summary>
public sealed class RowChecker
{
    // Every code of the three tables once, numbered from 1 (0: none): an episode keeps its codes as
    // these numbers, so the cohort's millions of episodes hold no references for the garbage collector
    // to trace, in a third less memory. Each table maps a code read into a buffer to its number
    // without making a string (CodeTable).
    private readonly string?[] _codes;
    private readonly CodeTable _legalStatus, _placement, _reasonEnded;

    private const string LaSlash = "the LA code contains '/', which would make CHILD keys ambiguous";
    private const string NotDate = "is not a date (DD/MM/YYYY or YYYY-MM-DD)";

    public RowChecker(Ssda903Codes codes)
    {
        var all = codes.LegalStatus.Keys.Concat(codes.Placement.Keys).Concat(codes.ReasonEnded.Keys)
            .Distinct(StringComparer.Ordinal).ToList();
        if (all.Count > byte.MaxValue)
            throw new InvalidOperationException(
                $"{all.Count} SSDA903 codes: an episode keeps each code in a byte (at most {byte.MaxValue})");
        _codes = [null, .. all];
        var number = all.Select((code, i) => (code, i))
            .ToDictionary(x => x.code, x => (byte)(x.i + 1), StringComparer.Ordinal);
        CodeTable Table(IReadOnlyDictionary<string, string> table) =>
            new(table.Keys.ToDictionary(k => k, k => number[k], StringComparer.Ordinal));
        _legalStatus = Table(codes.LegalStatus);
        _placement = Table(codes.Placement);
        _reasonEnded = Table(codes.ReasonEnded);
    }

    /// <summary>The code numbered <paramref name="number"/> (null for 0: none).</summary>
    public string? Code(byte number) => _codes[number];

    /// <summary>The numbers of the codes run from 1 to one less than this (0: none).</summary>
    public int CodeNumbers => _codes.Length;

    /// <summary>A row that could not be read at all (malformed quoting, a field holding elements).</summary>
    public static RowProblem Unreadable(int column, string reason) => new(column, "row", null, reason);

    /// <summary>A header row: CHILD and DOB.</summary>
    public ChildInput Child(long line, FieldAt child, FieldText dob)
    {
        var id = child.Text.Trim();
        var birth = default(LocalDate);
        var problem =
            id.Length == 0 ? new RowProblem(child.Column, "CHILD", null, "no CHILD id")
            : Hidden(child) is { } hidden ? hidden
            : child.Council?.Contains('/') == true ? new RowProblem(0, "LA", id, LaSlash)
            : dob.Text.Trim().Length == 0 ? new RowProblem(dob.Column, "DOB", id, "no DOB")
            : !Ssda903Date.TryParse(dob.Text, out birth)
                ? new RowProblem(dob.Column, "DOB", id, $"'{Quote(dob.Text)}' {NotDate}")
            : null;
        return new ChildInput(line, id, child.Column, dob.Column, birth, problem);
    }

    /// <summary>
    /// An episode row: CHILD, DECOM, DEC, LS, PLACE (PL in XML), REC, and the return's YEAR where
    /// the file has one (regional extracts hold several returns in one file; blank = none).
    /// </summary>
    public EpisodeInput Episode(long line, FieldAt child, FieldText decom, FieldText dec, FieldText ls, FieldText place,
        FieldText rec, FieldText yearField = default)
    {
        var id = child.Text.Trim();
        RowProblem? beforeChild = null;
        if (child.Council?.Contains('/') == true) beforeChild = new RowProblem(0, "LA", id, LaSlash);
        else if (Hidden(child) is { } hidden) beforeChild = hidden;
        // YEAR is the whole field as a number in the dates' range, never a prefix or a wrapped short.
        var yearText = yearField.Text.Trim();
        var year = 0;
        if (beforeChild is null && yearText.Length > 0
            && !(int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out year)
                && year >= Ssda903Date.MinYear && year <= Ssda903Date.MaxYear))
            beforeChild = new RowProblem(yearField.Column, "YEAR", id.Length == 0 ? null : id,
                $"YEAR '{Quote(yearText)}' is not a year ({Ssda903Date.MinYear} to {Ssda903Date.MaxYear})",
                CountsAgainstChild: true);

        LocalDate start = default, end = default;
        var hasEnd = dec.Text.Trim().Length > 0;
        var lsText = ls.Text.Trim();
        var placeText = place.Text.Trim();
        var recText = rec.Text.Trim();
        // The dates' checks come before the date of birth's (the cohort's), the codes' after it.
        var beforeBirth =
            decom.Text.Trim().Length == 0 ? new RowProblem(decom.Column, "DECOM", id, "no DECOM (start date)")
            : !Ssda903Date.TryParse(decom.Text, out start)
                ? new RowProblem(decom.Column, "DECOM", id, $"'{Quote(decom.Text)}' {NotDate}")
            : hasEnd && !Ssda903Date.TryParse(dec.Text, out end)
                ? new RowProblem(dec.Column, "DEC", id, $"'{Quote(dec.Text)}' {NotDate}")
            : hasEnd && end < start
                ? new RowProblem(dec.Column, "DEC", id, $"DEC {end:yyyy-MM-dd} is before DECOM {start:yyyy-MM-dd}")
            : null;
        byte legalStatus = 0, placement = 0, reasonEnded = 0;
        var afterBirth =
            !_legalStatus.TryGetValue(lsText, out legalStatus)
                ? new RowProblem(ls.Column, "LS", id,
                    lsText.Length == 0 ? "no legal status" : $"unknown legal status '{Quote(lsText)}'")
            : placeText.Length > 0 && !_placement.TryGetValue(placeText, out placement)
                ? new RowProblem(place.Column, "PLACE", id, $"unknown placement '{Quote(placeText)}'")
            // Kept even on an open episode: the rules core ignores it there with a warning, as `check` does.
            : recText.Length > 0 && !_reasonEnded.TryGetValue(recText, out reasonEnded)
                ? new RowProblem(rec.Column, "REC", id, $"unknown reason episode ceased '{Quote(recText)}'")
            : null;
        return new EpisodeInput(line, id, child.Column, decom.Column, start, hasEnd ? end : null, legalStatus,
            placement, reasonEnded, (short)year, beforeChild, beforeBirth, afterBirth);
    }

    // A CHILD with an invisible character is a different child that looks the same: refused, and
    // the reject names no child (it would be one that does not exist) (issue 24, low).
    private static RowProblem? Hidden(FieldAt child) =>
        Invisible.Problem(child.Text) is { } why ? new RowProblem(child.Column, "CHILD", null, "CHILD " + why) : null;

    private static string Quote(ReadOnlySpan<char> text) => Reject.Quote(text.ToString());
}
