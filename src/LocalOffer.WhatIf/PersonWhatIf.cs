using System.Globalization;
using LocalOffer.Core;
using LocalOffer.Core.Engine;
using LocalOffer.Core.Model;
using LocalOffer.Core.Rules;
using NodaTime;

namespace LocalOffer.WhatIf;

/// <summary>
/// One young person under the law passed but not yet in force: every provision with no commencement date as the
/// law stands (staying close, the homelessness protection, the new local offer items) given one date, and what the
/// young person would then be owed that the law as it stands does not give them (the web page /check/whatif).
/// </summary>
public static class PersonWhatIf
{
    /// <summary>The provisions passed with no start date yet: commencements with no value in force.</summary>
    public static IReadOnlyList<string> Prospective(EnglandLaw law) =>
        law.CommencementIds.Where(id => law.Book.Get(id).FirstInForce is null).Order(StringComparer.Ordinal).ToList();

    /// <summary>The runs the law with every prospective provision in force from <paramref name="start"/> adds.</summary>
    public static IReadOnlyList<Entitlement> Gained(RulesCore core, CareHistory history, LocalDate start)
    {
        var sets = Prospective(core.Law)
            .Select(id => $"{id}={start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}").ToList();
        var changed = new CareLeaverEngine(ParameterOverrides.Apply(core.Law, sets), core.Codes);
        var before = core.Engine.EntitlementRuns(history);
        // A run on days no run of the same entitlement covers as the law stands (an amount changed is not a gain).
        return changed.EntitlementRuns(history)
            .Where(a => !before.Any(b => b.Id == a.Id && b.From < a.To && a.From < b.To)).ToList();
    }
}
