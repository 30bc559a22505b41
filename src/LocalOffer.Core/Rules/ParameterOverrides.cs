using LocalOffer.Core.Safety;
using NodaTime;

namespace LocalOffer.Core.Rules;

/// <summary>
/// Changes to the dated parameters of rules/england for a what-if run (`localoffer whatif --set ...`).
/// Each change is made to the parameters as read from the files, and <see cref="EnglandLaw"/> is then built
/// from them exactly as from the files: a change the files would refuse (an age out of the law's order, a
/// second dated age, an amount that is not a number, a date that is not YYYY-MM-DD) is refused with the
/// same words, naming the parameter, and the engine that runs the changed law is the same code.
/// <list type="bullet">
/// <item><c>ID=VALUE@YYYY-MM-DD</c>: the value in force from that date (one already dated that day is replaced).</item>
/// <item><c>ID=YYYY-MM-DD</c> on a date in force (<see cref="EnglandLaw.CommencementIds"/>, such as
/// <c>commencement.staying_close</c>): in force from that date, and not before.</item>
/// <item><c>ID=VALUE</c> on any other parameter: its one value from its first date (an age, a setting).</item>
/// </list>
/// A value is read as the files read one (YAML: true/false, numbers, dates, lists, text); an empty value or
/// <c>null</c> is "not in force".
/// </summary>
public static class ParameterOverrides
{
    /// <summary>
    /// The law with <paramref name="sets"/> made. With none, the same parameters go through the same
    /// construction again, so the law "as it stands" and the law "with no change" cannot differ.
    /// </summary>
    /// <exception cref="ParameterOverrideException">a change that cannot be read, or that the files would refuse.</exception>
    public static EnglandLaw Apply(EnglandLaw law, IReadOnlyList<string> sets)
    {
        var changed = new Dictionary<string, Parameter>(StringComparer.Ordinal);
        var whole = new HashSet<string>(StringComparer.Ordinal); // ids given one value for all time
        foreach (var text in sets)
        {
            var (id, from, value) = Read(law, text);
            var current = changed.TryGetValue(id, out var c) ? c : law.Book.Get(id);
            if (whole.Contains(id) || (from is null && changed.ContainsKey(id)))
                throw new ParameterOverrideException(text, $"{id} is set more than once in a way that leaves one change undone");
            IReadOnlyList<DatedValue> values;
            if (from is { } d)
            {
                if (changed.ContainsKey(id) && current.Values.Any(v => v.From == d))
                    throw new ParameterOverrideException(text, $"{id} is set twice for {d:yyyy-MM-dd}");
                values = [.. current.Values.Where(v => v.From != d), new DatedValue(d, value)];
            }
            else if (law.CommencementIds.Contains(id) && value is LocalDate start)
            {
                // "commencement.staying_close=2027-04-01": in force from that date, as the file would say it.
                InRange(text, start);
                values = [new DatedValue(start, true)];
                whole.Add(id);
            }
            else
            {
                if (current.Values.Count == 0)
                    throw new ParameterOverrideException(text,
                        $"{id} has no value yet: give the date the value applies from ({id}=VALUE@YYYY-MM-DD)");
                values = [new DatedValue(current.Values[0].From, value)];
                whole.Add(id);
            }
            // Not the rule file's name and line: the change is on the command line, and an error must say so.
            changed[id] = new Parameter(id, current.Description, current.Unit, current.References, values, Source, 0);
        }
        try
        {
            return new EnglandLaw(law.Book.With(changed.Values));
        }
        catch (RuleFileException e)
        {
            // The parameter the check names is the one changed, or (ages in order) the next one: name the change.
            var culprit = sets.FirstOrDefault(s => e.Reason.Contains(IdOf(s), StringComparison.Ordinal))
                ?? string.Join(" ", sets);
            throw new ParameterOverrideException(culprit, $"refused, as in a rule file: {e.Reason}");
        }
    }

    /// <summary>Where a changed parameter comes from, in place of a file name.</summary>
    public const string Source = "--set";

    private static string IdOf(string text) => text.IndexOf('=') is var eq and > 0 ? text[..eq].Trim() : text;

    private static (string Id, LocalDate? From, object? Value) Read(EnglandLaw law, string text)
    {
        var eq = text.IndexOf('=');
        if (eq <= 0)
            throw new ParameterOverrideException(text,
                "must be PARAMETER=VALUE or PARAMETER=VALUE@YYYY-MM-DD (for example commencement.staying_close=2027-04-01)");
        var id = text[..eq].Trim();
        if (!law.Book.TryGet(id, out _))
        {
            var stem = id.Split('.')[0];
            var near = law.Book.Parameters.Where(p => p.Id.StartsWith(stem + ".", StringComparison.Ordinal))
                .Select(p => p.Id).ToList();
            throw new ParameterOverrideException(text, $"no parameter '{Printable.Clean(id, 80)}' in rules/england" +
                (near.Count > 0 ? $" (in {stem}: {string.Join(", ", near)})" : " (a parameter is FILE.KEY, such as ages.adult)"));
        }
        var rest = text[(eq + 1)..];
        var at = rest.LastIndexOf('@');
        LocalDate? from = null;
        if (at >= 0)
        {
            var dateText = rest[(at + 1)..].Trim();
            // The words the rule files use for a value keyed by something that is not a date.
            from = RuleBook.ParseDate(dateText) ?? throw new ParameterOverrideException(text,
                $"'{Printable.Clean(dateText, 40)}' is not a date (YYYY-MM-DD) in '{id}.values'");
            InRange(text, from.Value);
            rest = rest[..at];
        }
        object? value;
        try
        {
            value = RuleBook.ParseValue(Source, rest, id);
        }
        catch (RuleFileException e)
        {
            throw new ParameterOverrideException(text, e.Reason);
        }
        return (id, from, value);
    }

    private static void InRange(string text, LocalDate d)
    {
        if (!DateLimits.InRange(d)) throw new ParameterOverrideException(text, DateLimits.OutOfRange(d));
    }
}

/// <summary>A <c>--set</c> that cannot be made: the message names the change and what is wrong with it.</summary>
public sealed class ParameterOverrideException(string set, string reason)
    : Exception($"--set {Printable.Clean(set, 120)}: {reason}")
{
    public string Set { get; } = set;
    public string Reason { get; } = reason;
}
