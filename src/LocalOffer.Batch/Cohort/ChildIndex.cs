namespace LocalOffer.Batch.Cohort;

/// <summary>
/// The children of a cohort by key (ordinal), each key once with its child's number: what a
/// <c>Dictionary&lt;string, int&gt;</c> was, cheaper for a million keys (issue 30: its look-ups were about 5% of a
/// cold 1M `batch`'s CPU, on the thread that takes the rows in file order, mostly waiting on memory). Open
/// addressing with linear probing in one array of (hash, child + 1) pairs, never more than half full: a key is
/// usually one slot read, and its string is compared only when the hash is its own. The hash is the string's
/// own, randomised per process, so no file can choose keys that all fall in one run of slots.
/// </summary>
internal sealed class ChildIndex
{
    private long[] _slots = new long[1 << 10];
    private int _count;

    /// <summary>The number of the child with key <paramref name="id"/> in <paramref name="children"/>, or -1.</summary>
    public int Find(string id, ChildTable children)
    {
        var hash = id.GetHashCode();
        var mask = _slots.Length - 1;
        var i = hash & mask;
        for (var slot = _slots[i]; slot != 0; slot = _slots[i = (i + 1) & mask])
            if (Matches(slot, id, hash, children)) return (int)slot - 1;
        return -1;
    }

    /// <summary>
    /// The number of the child with key <paramref name="id"/>, or -1 and the key added for child number
    /// <paramref name="child"/> (the next one <paramref name="children"/> gets).
    /// </summary>
    public int FindOrAdd(string id, int child, ChildTable children)
    {
        var hash = id.GetHashCode();
        var mask = _slots.Length - 1;
        var i = hash & mask;
        for (var slot = _slots[i]; slot != 0; slot = _slots[i = (i + 1) & mask])
            if (Matches(slot, id, hash, children)) return (int)slot - 1;
        _slots[i] = Slot(hash, child);
        if (++_count * 2 > _slots.Length) Grow();
        return -1;
    }

    private static bool Matches(long slot, string id, int hash, ChildTable children) =>
        (int)(slot >> 32) == hash && string.Equals(children[(int)slot - 1].Id, id, StringComparison.Ordinal);

    private static long Slot(int hash, int child) => ((long)hash << 32) | (uint)(child + 1);

    /// <summary>Twice the slots, every pair moved by its hash alone (no string is read).</summary>
    private void Grow()
    {
        var old = _slots;
        _slots = new long[old.Length * 2];
        var mask = _slots.Length - 1;
        foreach (var slot in old)
        {
            if (slot == 0) continue;
            var i = (int)(slot >> 32) & mask;
            while (_slots[i] != 0) i = (i + 1) & mask;
            _slots[i] = slot;
        }
    }
}
