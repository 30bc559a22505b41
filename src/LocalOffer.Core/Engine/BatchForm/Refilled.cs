namespace LocalOffer.Core.Engine;

/// <summary>
/// A list refilled for each young person: its array is kept from one fill to the next (the batch keeps one
/// <see cref="PersonFacts"/> per thread: issue 14), so filling allocates nothing once it is large enough.
/// A mutable struct, held only as a field and passed by ref, never copied.
/// </summary>
internal struct Refilled<T>
{
    private T[]? _items;

    /// <summary>How many items the current fill holds.</summary>
    public int Count { get; private set; }

    /// <summary>The items of the current fill: a view of the kept array, good until the next fill.</summary>
    public readonly ReadOnlySpan<T> Span => new(_items, 0, Count);

    /// <summary>The kept array's length (what a thread holds between fills).</summary>
    public readonly int Capacity => _items?.Length ?? 0;

    /// <summary>Empties the list for a new fill, with room for <paramref name="capacity"/> items.</summary>
    public void Reset(int capacity)
    {
        var length = _items?.Length ?? 0;
        if (length < capacity) _items = new T[Math.Max(capacity, 2 * length)];
        Count = 0;
    }

    /// <summary>Adds an item (the room was made by <see cref="Reset"/>).</summary>
    public void Add(T item) => _items![Count++] = item;

    /// <summary>The last item, to change in place.</summary>
    public readonly ref T Last => ref _items![Count - 1];

    /// <summary>The items of the current fill, to sort or join in place; then <see cref="Keep"/>.</summary>
    public readonly Span<T> Writable => new(_items, 0, Count);

    /// <summary>Keeps only the first <paramref name="n"/> items.</summary>
    public void Keep(int n) => Count = n;
}
