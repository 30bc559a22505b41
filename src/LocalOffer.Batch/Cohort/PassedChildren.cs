using LocalOffer.Core.Engine;
using LocalOffer.Core.Model;
using NodaTime;

namespace LocalOffer.Batch.Cohort;

/// <summary>
/// A return's children as the engine is given them, child by child: the built <see cref="Cohort"/>'s, or
/// those the episode rows have passed while the rest are read (<see cref="PassedChildren"/>).
/// </summary>
public interface ICohortChildren
{
    string ChildId(int i);
    LocalDate DateOfBirth(int i);
    /// <summary>
    /// Child <paramref name="i"/>'s episodes in this thread's buffer, valid until it asks for another.
    /// </summary>
    ReadOnlySpan<EpisodeValue> Episodes(int i);
    int RejectedRows(int i);
    CareHistory History(int i);
}

/// <summary>
/// The children the episode rows have passed (<see cref="CohortBuilder.EpisodesPassed"/>) as
/// <see cref="CohortBuilder.Build"/> will leave them, worked out on any thread while the rest of the return is
/// read, changing nothing: the episodes Build keeps, in its order (<see cref="CohortBuilder.KeptInOrder"/>, its
/// own way of deciding, not a restatement), and the rows it rejects counted with those rejected as read. Valid
/// for a child only while <see cref="CohortBuilder.EpisodesInCohortOrder"/> holds to the end of the read: a row
/// that comes later for a passed child changes it (issue 30: `indicators` checks again then).
/// </summary>
public sealed class PassedChildren(CohortBuilder builder) : ICohortChildren
{
    // Each thread's lists and buffers, used again for every child it asks about.
    [ThreadStatic] private static List<int>? _order;
    [ThreadStatic] private static List<(int, string)>? _dropped;
    [ThreadStatic] private static EpisodeValue[]? _values;

    public string ChildId(int i) => builder.Children[i].Id;
    public LocalDate DateOfBirth(int i) => builder.Children[i].DateOfBirth;

    public ReadOnlySpan<EpisodeValue> Episodes(int i)
    {
        var order = Kept(i, dropped: null);
        var buffer = _values ?? new EpisodeValue[8];
        if (buffer.Length < order.Count) buffer = new EpisodeValue[Math.Max(order.Count, buffer.Length * 2)];
        for (var k = 0; k < order.Count; k++) buffer[k] = builder.ValueOf(in builder.Episodes[order[k]]);
        _values = buffer.Length > CareLeaverEngine.KeptEpisodeCapacity ? null : buffer;
        return buffer.AsSpan(0, order.Count);
    }

    public int RejectedRows(int i)
    {
        var dropped = _dropped ??= [];
        dropped.Clear();
        Kept(i, dropped);
        return builder.Children[i].RejectedRows + dropped.Count;
    }

    public CareHistory History(int i)
    {
        var order = Kept(i, dropped: null);
        Episode[] episodes = order.Count == 0 ? [] : new Episode[order.Count];
        for (var k = 0; k < order.Count; k++) episodes[k] = builder.EpisodeOf(in builder.Episodes[order[k]]);
        return CohortBuilder.HistoryOf(in builder.Children[i], episodes);
    }

    private List<int> Kept(int i, List<(int, string)>? dropped)
    {
        var order = _order ??= [];
        builder.KeptInOrder(in builder.Children[i], order, dropped);
        return order;
    }
}
