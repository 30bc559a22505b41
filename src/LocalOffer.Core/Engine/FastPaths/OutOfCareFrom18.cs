using System.Collections.Concurrent;
using System.Collections.Frozen;
using LocalOffer.Core.Model;
using LocalOffer.Core.Rules;
using NodaTime;

namespace LocalOffer.Core.Engine;

/// <summary>
/// `caseload`'s short cut for a young person aged 18 to 25 whose care is all over (issue 30): the largest group of a
/// return it assessed with nothing falling due in its window. Whether nothing of theirs changes after the as-at day
/// up to the window's last day is decided from the episodes' dates and the full rules asked once per window of a few
/// representative young people, without building their timeline. The rules restated:
/// <list type="bullet">
/// <item>every episode ended on or before the as-at day, which is on or after the 18th birthday, and nothing but
/// episodes is recorded: no care, detention, education, request or housing application to come, and none of the
/// law's facts about care (CA 1989 s.22(1), s.105(1): care ends by 18) can begin or end in the window;</item>
/// <item>no birthday in the window (from the day after the as-at day to the day after the window's last day): the
/// young person is the same age on every day of it, and under 25 (s.23CZB(1), s.24(1B): every duty ends by 25), so
/// no age the law names (18, 21, 22, 25, ...) is reached in it;</item>
/// <item>so an adult's status, which only a birthday or a date in force changes once care is over (former relevant
/// to 21 or 25, s.23C(1), (6), s.23CZB; qualifying to 21, s.24(1B); none), and each entitlement, whose days are cut
/// from the status and limb of law, the ages, the care before 18 and the dates in force (Engine/Entitlements), can
/// change in the window only on a date in force;</item>
/// <item>the dates in force are found by the full rules asked of representative young people of the same age, one
/// for each limb of law an adult whose care ended without an order can hold (former relevant after care to 18 in
/// foster care, former relevant after leaving care at 17, qualifying after council care at 17):
/// neither a span of their timeline nor a run of theirs begins, ends or changes provision in the window.</item>
/// </list>
/// A death, an adoption (epochs), a transfer to another council, and an order after which the young person lives
/// with a person with parental responsibility (special guardianship, child arrangements: six months of that end
/// relevant or former relevant status, CLR 2010 reg 3(3), on a day no birthday marks) take the general path. A
/// property test holds the events of the general path to be none for everyone passed over, on every birthday and edge
/// of the window.
/// </summary>
internal sealed class OutOfCareFrom18
{
    /// <summary>The most windows whose answer is kept (`caseload` asks about one, for at most 7 ages).</summary>
    public const int MaxWindowsKept = 1000;

    private readonly EnglandLaw _law;
    private readonly Func<CareHistory, LocalDate, LocalDate, bool> _quiet;
    private readonly FrozenSet<string> _fullPath;
    private readonly ConcurrentDictionary<(LocalDate, LocalDate, int), bool> _quietWindows = new();
    private readonly bool _enabled;

    /// <param name="quiet">The full rules asked of a representative: no span or run changes in the window.</param>
    public OutOfCareFrom18(EnglandLaw law, Func<CareHistory, LocalDate, LocalDate, bool> quiet)
    {
        _law = law;
        _quiet = quiet;
        // Derived from the sets PersonFacts reads, not restated: a death (nothing owed from it), an adoption (an
        // epoch), a transfer (care goes on elsewhere), and every order after which the young person lives with a
        // person with parental responsibility (special guardianship, child arrangements, adoption: six months of
        // that end relevant or former relevant status on a day no birthday marks, CLR 2010 reg 3(3)).
        _fullPath = law.DeathReasons.Concat(law.AdoptionReasons).Concat(law.TransferReasons).Concat(law.OrderReasons)
            .ToFrozenSet(StringComparer.Ordinal);
        // The representatives need these codes, and the argument the ages in order (EnglandLaw refuses otherwise).
        _enabled = law.CareOrderStatuses.Count > 0 && law.FosterPlacements.Count > 0
            && law.AgeAdult < law.AgeCareLeaverUntil;
    }

    /// <summary>
    /// Whether nothing of the young person's changes after <paramref name="asAt"/> up to <paramref name="upTo"/>:
    /// no span of the timeline begins and no entitlement run starts, ends or changes provision (see above).
    /// </summary>
    public bool NothingChangesWithin(HistoryView h, LocalDate asAt, LocalDate upTo)
    {
        if (!_enabled || !h.OnlyEpisodes) return false;
        var law = _law;
        var dob = h.DateOfBirth;
        if (asAt < law.Birthdays.Birthday(dob, law.AgeAdult)) return false;
        var age = law.Birthdays.AgeOn(dob, asAt);
        if (age >= law.AgeCareLeaverUntil) return false;
        var dayAfter = upTo.PlusDays(1);
        // The next birthday after the day, and the 25th, after the window (and the day after it).
        if (law.Birthdays.Birthday(dob, age + 1) <= dayAfter) return false;
        foreach (var e in h.Episodes)
        {
            if (e.End is not { } end || end > asAt || end < e.Start) return false;
            if (e.ReasonEnded is { } r && _fullPath.Contains(r)) return false;
        }
        if (_quietWindows.TryGetValue((asAt, upTo, age), out var q)) return q;
        q = Representatives(asAt, upTo, age).All(r => _quiet(r, asAt, upTo));
        if (_quietWindows.Count < MaxWindowsKept) _quietWindows.TryAdd((asAt, upTo, age), q);
        return q;
    }

    /// <summary>
    /// Young people aged <paramref name="age"/> on <paramref name="asAt"/> whose next birthday is the day after the
    /// day after <paramref name="upTo"/> (none in the window), one for each limb of law an adult who left care holds.
    /// </summary>
    private IEnumerable<CareHistory> Representatives(LocalDate asAt, LocalDate upTo, int age)
    {
        var law = _law;
        var dob = upTo.PlusDays(2).PlusYears(-(age + 1));
        var order = law.CareOrderStatuses.Order(StringComparer.Ordinal).First();
        var foster = law.FosterPlacements.Order(StringComparer.Ordinal).First();
        LocalDate Birthday(int a) => law.Birthdays.Birthday(dob, a);
        var b17 = Birthday(law.AgeAdult - 1);
        var b18 = Birthday(law.AgeAdult);
        // Former relevant after care to 18 in foster care (s.23C(1)(b); staying put, s.23CZA).
        yield return CareHistory.Of(dob, new Episode(dob, b18, order, foster));
        // Former relevant after leaving care at 17 as an eligible child (s.23A(2), s.23C(1)(a)).
        yield return CareHistory.Of(dob, new Episode(Birthday(law.AgeCountingFrom), b17, order, foster));
        // Qualifying after council care at 17, under 13 weeks since 14 (s.24(2)(a)).
        yield return CareHistory.Of(dob, new Episode(b18.PlusDays(-7), b18, order, foster));
    }
}
