using System.CommandLine;
using NodaTime;
using NodaTime.Text;

namespace LocalOffer.Cli;

/// <summary>Options shared by several commands, parsed the same way everywhere.</summary>
public static class CliOptions
{
    /// <summary>--as-at YYYY-MM-DD; defaults to today in the UK.</summary>
    public static Option<LocalDate> AsAt(bool required = false) =>
        Date("--as-at", "The date to decide on (YYYY-MM-DD); defaults to today", Today, required);

    /// <summary>A date option, ISO YYYY-MM-DD, with a clear error naming the option.</summary>
    public static Option<LocalDate> Date(string name, string description, Func<LocalDate> fallback, bool required = false) => new(name)
    {
        Description = description,
        Required = required,
        DefaultValueFactory = _ => fallback(),
        CustomParser = r =>
        {
            var text = r.Tokens.Count > 0 ? r.Tokens[0].Value : "";
            var p = LocalDatePattern.Iso.Parse(text);
            if (p.Success && text.Length == 10 && LocalOffer.Core.Safety.DateLimits.InRange(p.Value)) return p.Value;
            if (p.Success && text.Length == 10)
            {
                r.AddError($"{name}: {LocalOffer.Core.Safety.DateLimits.OutOfRange(p.Value)}");
                return default;
            }
            r.AddError($"{name}: '{LocalOffer.Core.Safety.Printable.Clean(text, 60)}' is not a date (YYYY-MM-DD)");
            return default;
        },
    };

    /// <summary>A date given by a default or a program (not parsed here) is checked the same way.</summary>
    public static void CheckInRange(string name, LocalDate d)
    {
        if (!LocalOffer.Core.Safety.DateLimits.InRange(d)) throw new CliUsageException($"{name}: {LocalOffer.Core.Safety.DateLimits.OutOfRange(d)}");
    }

    public static LocalDate Today() => LocalOffer.Core.Time.UkClock.Today();
}
