namespace LocalOffer.Core.Engine;

/// <summary>
/// One <typeparamref name="T"/> kept per thread and used again for each child of a batch (issue 14).
/// It is taken out while in use, so a call made inside another on the same thread gets one of its own
/// instead of overwriting the caller's; what is not given back is simply made again next time.
/// </summary>
internal static class PerThread<T> where T : class, new()
{
    [ThreadStatic] private static T? _kept;

    public static T Take()
    {
        var taken = _kept ?? new T();
        _kept = null;
        return taken;
    }

    public static void GiveBack(T used) => _kept = used;
}
