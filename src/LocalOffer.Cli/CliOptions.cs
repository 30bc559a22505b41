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
            if (p.Success && text.Length == 10) return p.Value;
            r.AddError($"{name}: '{text}' is not a date (YYYY-MM-DD)");
            return default;
        },
    };

    public static LocalDate Today() => LocalOffer.Core.Time.UkClock.Today();
}
