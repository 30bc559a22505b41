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
    /// <summary>Who a category is, as the end of "If you ..." (never its legal name): if-you.*.</summary>
    public static CatalogueText IfYou(Status s) => new(s switch
    {
        Status.LookedAfter => "if-you.in-care",
        Status.Eligible => "if-you.eligible",
        Status.Relevant => "if-you.relevant",
        Status.FormerRelevant => "if-you.former-relevant",
        Status.Qualifying => "if-you.qualifying",
        _ => "if-you.none",
    });

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
    /// education", "If you left care at 16 or 17", "All care leavers" (for.*, if-you.*, circumstance.*;
    /// the English is word for word what the pages said before, a test compares).
    /// </summary>
    public static CatalogueText ForYou(Eligibility e)
    {
        CatalogueText? ages = (e.MinAge, e.MaxAge) switch
        {
            (null, null) => null,
            ({ } a, null) => CatalogueText.Of("for.ages.over", ("age", a)),
            (null, { } b) => CatalogueText.Of("for.ages.under", ("age", b)),
            ({ } a, { } b) => CatalogueText.Of("for.ages.range", ("from", a), ("to", b)),
        };
        // "in higher education or on an apprenticeship": each circumstance joined by "or".
        var circumstances = e.Circumstances.Count == 0 ? null
            : e.Circumstances.Select(c => new CatalogueText("circumstance." + c)).Reverse()
                .Aggregate((last, first) => CatalogueText.Of("list.or", ("first", first), ("last", last)));
        if (e.Categories.Count == 0)
            return (ages, circumstances) switch
            {
                (null, null) => new CatalogueText("for.all"),
                ({ } a, null) => CatalogueText.Of("for.care-leavers.aged", ("ages", a)),
                (null, { } c) => CatalogueText.Of("for.care-leavers.who", ("circumstances", c)),
                ({ } a, { } c) => CatalogueText.Of("for.care-leavers.aged-who", ("ages", a), ("circumstances", c)),
            };
        // "are in care, left care at 16 or 17 or are a care leaver aged 18 to 25".
        var who = e.Categories.Select(IfYou).ToList();
        var joined = who.Count == 1 ? who[0] : CatalogueText.Of("list.or",
            ("first", who.Take(who.Count - 1).Skip(1).Aggregate(who[0],
                (first, next) => CatalogueText.Of("list.comma", ("first", first), ("next", next)))),
            ("last", who[^1]));
        return (ages, circumstances) switch
        {
            (null, null) => CatalogueText.Of("for.if-you", ("who", joined)),
            ({ } a, null) => CatalogueText.Of("for.if-you.aged", ("who", joined), ("ages", a)),
            (null, { } c) => CatalogueText.Of("for.if-you.who", ("who", joined), ("circumstances", c)),
            ({ } a, { } c) =>
                CatalogueText.Of("for.if-you.aged-who", ("who", joined), ("ages", a), ("circumstances", c)),
        };
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
