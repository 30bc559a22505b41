using LocalOffer.Core.Model;
using NodaTime;

namespace LocalOffer.Core.Engine;

/// <summary>
/// A care history as the engine reads it: the date of birth, the episodes as values, and the other
/// lists. Made from a <see cref="CareHistory"/> (the public input) or from the batch's episodes alone
/// (no other list: SSDA903 returns have none). The batch fills one per thread again for each child
/// (issue 14), so nothing here may be kept once the child's answer is made.
/// </summary>
internal sealed class HistoryView
{
    private EpisodeValue[] _episodes = new EpisodeValue[8];
    private int _count;

    public LocalDate DateOfBirth { get; private set; }
    /// <summary>The episodes in input order (not necessarily in order of start).</summary>
    public ReadOnlySpan<EpisodeValue> Episodes => new(_episodes, 0, _count);
    public IReadOnlyList<Detention> Detentions { get; private set; } = [];
    public IReadOnlyList<LivingWithParent> LivingWithParent { get; private set; } = [];
    public IReadOnlyList<OtherCare> OtherCare { get; private set; } = [];
    public IReadOnlyList<Education> Education { get; private set; } = [];
    public IReadOnlyList<SupportRequest> SupportRequests { get; private set; } = [];
    public IReadOnlyList<HousingApplication> HousingApplications { get; private set; } = [];

    /// <summary>
    /// Whether the history has anything besides episodes. The short cuts read episodes alone and refuse any
    /// other history here, so a list added to <see cref="CareHistory"/> must be added to this test (the test
    /// "every list of a care history but the episodes sends a child to the full path" fails otherwise).
    /// </summary>
    public bool OnlyEpisodes => Detentions.Count == 0 && LivingWithParent.Count == 0 && OtherCare.Count == 0
        && Education.Count == 0 && SupportRequests.Count == 0 && HousingApplications.Count == 0;

    public static HistoryView Of(CareHistory h) => new HistoryView().Fill(h);

    public HistoryView Fill(CareHistory h)
    {
        DateOfBirth = h.DateOfBirth;
        Reserve(h.Episodes.Count);
        for (var i = 0; i < h.Episodes.Count; i++) _episodes[i] = EpisodeValue.Of(h.Episodes[i]);
        _count = h.Episodes.Count;
        (Detentions, LivingWithParent, OtherCare) = (h.Detentions, h.LivingWithParent, h.OtherCare);
        (Education, SupportRequests, HousingApplications) = (h.Education, h.SupportRequests, h.HousingApplications);
        return this;
    }

    /// <summary>A history of looked-after episodes and nothing else (the batch's form of a child).</summary>
    public HistoryView Fill(LocalDate dateOfBirth, ReadOnlySpan<EpisodeValue> episodes)
    {
        // The rest is the caller's to check, as for a CareHistory (the batch: RowChecker, CohortBuilder);
        // a missing legal status would otherwise fail deep in the rules with no word of which episode.
        for (var i = 0; i < episodes.Length; i++)
            if (episodes[i].LegalStatus is null)
                throw new ArgumentException($"episode {i + 1} has no legal status", nameof(episodes));
        DateOfBirth = dateOfBirth;
        Reserve(episodes.Length);
        episodes.CopyTo(_episodes);
        _count = episodes.Length;
        Detentions = []; LivingWithParent = []; OtherCare = []; Education = []; SupportRequests = [];
        HousingApplications = [];
        return this;
    }

    /// <summary>Lets go of the lists of the last child (a view kept by a thread holds no one's data).</summary>
    public void Clear()
    {
        Array.Clear(_episodes, 0, _count);
        _count = 0;
        if (_episodes.Length > CareLeaverEngine.KeptEpisodeCapacity) _episodes = new EpisodeValue[8];
        Detentions = []; LivingWithParent = []; OtherCare = []; Education = []; SupportRequests = [];
        HousingApplications = [];
    }

    private void Reserve(int n)
    {
        if (_episodes.Length < n) _episodes = new EpisodeValue[Math.Max(n, _episodes.Length * 2)];
    }
}
