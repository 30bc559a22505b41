using LocalOffer.Batch.Input;
using LocalOffer.Core.Rules;
using NodaTime;
using NodaTime.Text;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace LocalOffer.Indicators.Definitions;

/// <summary>The OC3 codes one collection year's guide allows (rules/indicators/oc3-codes.yaml).</summary>
public sealed record Oc3Codes(LocalDate From, IReadOnlySet<string> InTouch, IReadOnlySet<string> Activ,
    IReadOnlySet<string> Accom)
{
    /// <summary>"2025-26": the collection year the list is used for, as the guide names it.</summary>
    public static string YearName(LocalDate yearEnd) => $"{yearEnd.Year - 1}-{yearEnd.Year % 100:00}";
}

/// <summary>
/// The dated OC3 code lists: each applies from the first day of a collection year until the next
/// list. A code outside the list for the return's year is rejected (SSDA903 guide; the DfE
/// validator's rules 132 and 133), never counted as if it meant something.
/// </summary>
public sealed class Oc3CodeLists
{
    private readonly List<Oc3Codes> _lists;

    private Oc3CodeLists(List<Oc3Codes> lists) => _lists = lists;

    /// <summary>Every list, oldest first.</summary>
    public IReadOnlyList<Oc3Codes> All => _lists;

    /// <summary>The list for the collection year ending on <paramref name="yearEnd"/>.</summary>
    public Oc3Codes For(LocalDate yearEnd)
    {
        var yearStart = yearEnd.PlusYears(-1).PlusDays(1);
        return _lists.LastOrDefault(l => l.From <= yearStart)
            ?? throw new UnreadableInputException(
                $"--year-end {yearEnd:yyyy-MM-dd}: no OC3 code list for that collection year (oc3-codes.yaml "
                + $"starts {_lists[0].From:yyyy-MM-dd})");
    }

    private sealed class FileShape
    {
        public List<ListShape> Lists { get; set; } = [];
    }

    private sealed class ListShape
    {
        public string From { get; set; } = "";
        public string[] InTouch { get; set; } = [];
        public string[] Activ { get; set; } = [];
        public string[] Accom { get; set; } = [];
    }

    public static Oc3CodeLists Load(string file)
    {
        var name = Path.GetFileName(file);
        if (!File.Exists(file)) throw new RuleFileException(name, 0, 0, "OC3 code lists not found");
        FileShape shape;
        try
        {
            shape = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build()
                .Deserialize<FileShape>(File.ReadAllText(file)) ?? new FileShape();
        }
        catch (YamlException e)
        {
            throw new RuleFileException(name, e.Start.Line, e.Start.Column, e.InnerException?.Message ?? e.Message);
        }
        var lists = new List<Oc3Codes>();
        foreach (var l in shape.Lists)
        {
            var from = LocalDatePattern.Iso.Parse(l.From);
            if (!from.Success) throw new RuleFileException(name, 1, 1, $"from: '{l.From}' is not a date (YYYY-MM-DD)");
            if (l.InTouch.Length == 0 || l.Activ.Length == 0 || l.Accom.Length == 0)
                throw new RuleFileException(name, 1, 1, $"the list from {l.From} needs in_touch, activ and accom");
            if (lists.Count > 0 && from.Value <= lists[^1].From)
                throw new RuleFileException(name, 1, 1, $"lists must come in date order ({l.From})");
            lists.Add(new Oc3Codes(from.Value, Set(l.InTouch), Set(l.Activ), Set(l.Accom)));
        }
        if (lists.Count == 0) throw new RuleFileException(name, 1, 1, "no lists");
        return new Oc3CodeLists(lists);
    }

    private static HashSet<string> Set(string[] codes) =>
        codes.Select(c => c.Trim().ToUpperInvariant()).ToHashSet(StringComparer.Ordinal);
}
