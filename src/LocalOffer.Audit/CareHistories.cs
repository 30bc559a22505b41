using LocalOffer.Core;
using LocalOffer.Core.Engine;
using LocalOffer.Core.Model;
using NodaTime;

namespace LocalOffer.Audit;

/// <summary>
/// The young people whose care the audit knows: an SSDA903 return as `batch` reads it (a cohort, each
/// history built only when asked for) or care history documents as `check` reads them. The status on
/// the as-at date is the batch's call on the same episodes (<see cref="CareLeaverEngine.Classify"/>);
/// the full answer (<see cref="CareLeaverEngine.Assess"/>) is asked for only where a finding needs its
/// reason and provisions.
/// </summary>
internal abstract class CareHistories
{
    public abstract int Count { get; }
    public abstract string Id(int i);
    public abstract LocalDate DateOfBirth(int i);
    public abstract CareHistory History(int i);
    /// <summary>Rows of this young person's history rejected by the reader (0 for documents).</summary>
    public abstract int RejectedRows(int i);
    public abstract Classification Classify(RulesCore core, int i, LocalDate asAt);

    public static CareHistories Of(Batch.Cohort.Cohort cohort) => new FromCohort(cohort);
    public static CareHistories Of(IReadOnlyList<CareHistory> documents) => new FromDocuments(documents);

    private sealed class FromCohort(Batch.Cohort.Cohort cohort) : CareHistories
    {
        public override int Count => cohort.Count;
        public override string Id(int i) => cohort.ChildId(i);
        public override LocalDate DateOfBirth(int i) => cohort.DateOfBirth(i);
        public override CareHistory History(int i) => cohort.History(i);
        public override int RejectedRows(int i) => cohort.RejectedRows(i);

        public override Classification Classify(RulesCore core, int i, LocalDate asAt) =>
            core.Engine.Classify(cohort.DateOfBirth(i), cohort.Episodes(i), asAt);
    }

    private sealed class FromDocuments(IReadOnlyList<CareHistory> documents) : CareHistories
    {
        public override int Count => documents.Count;
        public override string Id(int i) => documents[i].Id!;
        public override LocalDate DateOfBirth(int i) => documents[i].DateOfBirth;
        public override CareHistory History(int i) => documents[i];
        public override int RejectedRows(int i) => 0;
        public override Classification Classify(RulesCore core, int i, LocalDate asAt) =>
            core.Engine.Classify(documents[i], asAt);
    }
}
