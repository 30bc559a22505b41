using LocalOffer.Core.Engine;
using LocalOffer.Offers.Policy;
using LocalOffer.Offers.Render.Languages;

namespace LocalOffer.Offers.Render;

/// <summary>
/// The words a young person reads in place of the law's (issue 25): who something is for without the
/// legal category names, and the engine's conditions in the second person. The law's own names and
/// citations stay on the law page, the "What these words mean" page and the adviser's view.
/// </summary>
public static class PlainWords
{
    /// <summary>Who a category is, as the end of "If you ..." (never its legal name).</summary>
    public static string IfYou(Status s) => s switch
    {
        Status.LookedAfter => "are in care",
        Status.Eligible => "are in care at 16 or 17",
        Status.Relevant => "left care at 16 or 17",
        Status.FormerRelevant => "are a care leaver aged 18 to 25",
        Status.Qualifying => "were in care, privately fostered or under a special guardianship order after you turned 16",
        _ => "are not a care leaver",
    };

    /// <summary>The heading of a young person's own offer: where they are, in plain words (you-are.*).</summary>
    public static CatalogueText YouAre(Status s) => new(s switch
    {
        Status.LookedAfter => "you-are.in-care",
        Status.Eligible => "you-are.eligible",
        Status.Relevant => "you-are.relevant",
        Status.FormerRelevant => "you-are.former-relevant",
        Status.Qualifying => "you-are.qualifying",
        _ => "you-are.none",
    });

    /// <summary>
    /// Who a council's item is for, in plain words: "Care leavers aged 18 to 20 who are in higher
    /// education", "If you left care at 16 or 17", "All care leavers".
    /// </summary>
    public static string ForYou(Eligibility e)
    {
        var ages = (e.MinAge, e.MaxAge) switch
        {
            (null, null) => "",
            ({ } a, null) => $" aged {a} or over",
            (null, { } b) => $" aged {b} or under",
            ({ } a, { } b) => $" aged {a} to {b}",
        };
        var circumstances = string.Join(" or ", e.Circumstances.Select(c => OfferVocabulary.Circumstances[c]));
        if (e.Categories.Count == 0)
            return ages.Length == 0 && circumstances.Length == 0 ? "All care leavers"
                : "Care leavers" + ages + (circumstances.Length == 0 ? "" : " who are " + circumstances);
        var who = e.Categories.Select(IfYou).ToList();
        var joined = who.Count == 1 ? who[0] : string.Join(", ", who.Take(who.Count - 1)) + " or " + who[^1];
        return "If you " + joined + (ages.Length == 0 ? "" : ", when you are" + ages[" aged".Length..])
            + (circumstances.Length == 0 ? "" : ", and you are " + circumstances);
    }

    /// <summary>What kind of condition a period of an entitlement has, for the words around its dates.</summary>
    public enum ConditionKind { None, Education, OnRequest, Other }

    /// <summary>
    /// Each condition the engine writes (Engine/Entitlements), by how it begins, with the catalogue key
    /// of a young person's words for it (translations/, condition.*). A condition not listed here is
    /// never shown to a young person in the engine's words: a test runs every sample history and
    /// fails on any condition this list does not know.
    /// </summary>
    private static readonly (string Starts, ConditionKind Kind, string? Key, bool Ask)[] Conditions =
    [
        ("while in education or training", ConditionKind.Education, null, false),
        ("available on request", ConditionKind.OnRequest, null, true),
        ("asked for on ", ConditionKind.Other, "condition.as-long-as-you-want", false),
        ("during a short break", ConditionKind.None, null, false),
        ("if the young person and the former foster carer both want it", ConditionKind.Other,
            "condition.foster-carers-agree", true),
        ("if the young person needs help the council can give", ConditionKind.Other,
            "condition.need-help", true),
        ("a power: the council may help", ConditionKind.Other, "condition.council-agrees", false),
        ("not a 'relevant student'", ConditionKind.Other,
            "condition.not-holiday-student", false),
        ("if assessed as needing help to find and keep accommodation", ConditionKind.Other,
            "condition.help-with-home", false),
        ("if the further education course is residential", ConditionKind.Other,
            "condition.residential-course", false),
        ("for a course of two years or more", ConditionKind.Other, "condition.two-year-course", false),
        ("paid by the training provider", ConditionKind.Other, "condition.training-provider", false),
        ("up to this amount a year, paid by the school or college", ConditionKind.Other,
            "condition.school-or-college", false),
    ];

    /// <summary>Whether the engine's condition is one this class has words for.</summary>
    public static bool Knows(string condition) => Conditions.Any(c => condition.StartsWith(c.Starts, StringComparison.Ordinal));

    /// <summary>
    /// The kind of a condition, the catalogue key of its words for a young person (null when it needs
    /// none) and whether it must be asked for.
    /// </summary>
    public static (ConditionKind Kind, string? Key, bool Ask) Condition(string? condition)
    {
        if (condition is null) return (ConditionKind.None, null, false);
        foreach (var c in Conditions)
            if (condition.StartsWith(c.Starts, StringComparison.Ordinal)) return (c.Kind, c.Key, c.Ask);
        return (ConditionKind.None, null, false);
    }
}
