using LocalOffer.Core.Input;
using LocalOffer.Core.Model;
using NodaTime;

namespace LocalOffer.Core.Tests;

/// <summary>
/// <see cref="CareHistoryValidator"/> is plain loops since issue 30; until then it was FluentValidation rules
/// (<see cref="FluentCareHistoryValidator"/>, kept as it was). Both must give the same errors, word for word, with
/// the same counts and in the same order, with and without the law, on histories made to break every rule: dates
/// before birth, ends before starts, unknown and odd codes, overlaps (past the 50 named), episodes after 18 and
/// after a death, requests and applications out of order, empty lists.
/// </summary>
public sealed class ValidatorAgreementTests
{
    private static readonly RulesCore Core = SharedRules.Core;

    private static readonly string[] LegalStatuses =
        ["C1", "C2", "V2", "V4", "E1", "J2", "Q9", "", " c2", "C2\0", "<b>"];
    private static readonly string?[] Placements = [null, "U1", "U4", "P1", "ZZ", "u4", "=1+1"];
    private static readonly string?[] Reasons = [null, "E4A", "E5", "E11", "E2", "E45", "E17", "X1", "E99", "e2"];

    private static LocalDate? Maybe(Random r, LocalDate from, int spread, int nullOneIn) =>
        r.Next(nullOneIn) == 0 ? null : from.PlusDays(r.Next(-spread / 4, spread));

    /// <summary>A history with every kind of fact, about half of them wrong in some way.</summary>
    private static CareHistory Made(Random r)
    {
        var dob = new LocalDate(1995, 1, 1).PlusDays(r.Next(0, 8000));
        var overlapping = r.Next(20) == 0;
        var episodes = new List<Episode>();
        var start = dob.PlusDays(r.Next(-200, 6000));
        for (var i = r.Next(0, overlapping ? 70 : 8); i > 0; i--)
        {
            var end = r.Next(6) == 0 ? (LocalDate?)null : start.PlusDays(r.Next(-40, 900));
            episodes.Add(new Episode(start, end, LegalStatuses[r.Next(LegalStatuses.Length)],
                Placements[r.Next(Placements.Length)], Reasons[r.Next(Reasons.Length)]));
            start = overlapping ? start.PlusDays(r.Next(0, 3)) : (end ?? start).PlusDays(r.Next(-30, 400));
        }
        List<T> Some<T>(int most, Func<T> make) =>
            Enumerable.Range(0, r.Next(0, most + 1)).Select(_ => make()).ToList();
        LocalDate Day() => dob.PlusDays(r.Next(-300, 9000));
        return new CareHistory(null, dob, episodes,
            Some(3, () => { var s = Day(); return new Detention(s, Maybe(r, s, 600, 3), DetentionKind.Custody); }),
            Some(overlapping ? 60 : 3, () => { var s = Day(); return new LivingWithParent(s, Maybe(r, s, 600, 3)); }),
            Some(3, () =>
            {
                var s = Day();
                return new OtherCare(s, Maybe(r, s, 600, 3), OtherCareKind.PrivateFostering);
            }),
            Some(3, () =>
            {
                var s = Day();
                return new Education(s, Maybe(r, s, 600, 3), EducationKind.Training, true);
            }),
            Some(3, () => new SupportRequest(Day())),
            Some(3, () => { var s = Day(); return new HousingApplication(s, Maybe(r, s, 600, 3)); }));
    }

    private static IEnumerable<string> Lines(IReadOnlyList<InputError> errors) =>
        errors.Select(e => $"{e.Path} | {e.Message} | {e.Counts}");

    [Fact]
    public void Every_error_is_the_fluent_validators_word_for_word_and_in_order()
    {
        var withLaw = (Plain: new CareHistoryValidator(Core.Codes, Core.Law),
            Fluent: new FluentCareHistoryValidator(Core.Codes, Core.Law));
        var noLaw = (Plain: new CareHistoryValidator(Core.Codes), Fluent: new FluentCareHistoryValidator(Core.Codes));
        var r = new Random(30);
        var (valid, many, overlapsCut) = (0, 0, 0);
        for (var n = 0; n < 6000; n++)
        {
            var h = Made(r);
            foreach (var (plain, fluent) in new[] { withLaw, noLaw })
            {
                var expected = Lines(fluent.Validate(h)).ToList();
                Lines(plain.Validate(h)).Should().Equal(expected, $"history {n}: {h}");
                if (expected.Count == 0) valid++;
                if (expected.Count > 5) many++;
                if (expected.Any(e => e.Contains("more overlaps"))) overlapsCut++;
            }
        }
        // The histories reach every kind of outcome, not only one.
        valid.Should().BeGreaterThan(200);
        many.Should().BeGreaterThan(200);
        overlapsCut.Should().BeGreaterThan(10);
    }
}
