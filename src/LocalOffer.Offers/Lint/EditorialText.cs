using System.Text.RegularExpressions;

namespace LocalOffer.Offers.Lint;

/// <summary>
/// Words that mark a note for officers, or a placeholder, where a young person would read it: a
/// published field (title, description, conditions, contact name, hours...) must not hold them. The
/// note belongs in the record's own notes field, which never publishes; a field the council has not
/// given is left out, never filled with "not said" (issue 25: "(Voice of the Child action plan)",
/// "The template says...", "Last reviewed: The council has not said" all reached young people).
/// </summary>
public static partial class EditorialText
{
    private static readonly (Regex Pattern, string Why)[] Markers =
    [
        (Placeholder(), "a placeholder for something not given: leave the field out"),
        (SourceTalk(), "talk about the source document: put it in notes"),
        (DocumentInBrackets(), "a source named in brackets: put it in source or notes"),
        (OfficerTalk(), "a note for officers: put it in notes"),
        (SourceFile(), "a source file name: put it in source"),
    ];

    /// <summary>Why the text cannot be published, or null when it reads as text for people.</summary>
    public static string? Problem(string text)
    {
        foreach (var (pattern, why) in Markers)
            if (pattern.Match(text) is { Success: true } m) return $"'{m.Value.Trim()}' is {why}";
        return null;
    }

    [GeneratedRegex(@"\b(?:(?:the )?council has not said|has not (?:been )?said|not (?:yet )?(?:known|stated|given)"
        + @"|to be confirmed|TBC|TBD|TODO|FIXME|lorem ipsum)\b|\[(?:name|website|contact|place|email|phone|number)[^\]]*\]",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\bthe (?:template|report|source|document|strategy|leaflet|board pack|pdf|page)"
        + @" (?:says|said|does not|doesn't|gives no|names|is silent)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SourceTalk();

    [GeneratedRegex(@"\([^()]*\b(?:action plan|board pack|board report|minutes|appendix|section \d+|report)\)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DocumentInBrackets();

    [GeneratedRegex(@"\b(?:contact officer for|see notes|an inference|inferred from|this record|editorial)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OfficerTalk();

    [GeneratedRegex(@"\b[\w-]+\.(?:txt|docx?|pdf|yaml)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SourceFile();
}
