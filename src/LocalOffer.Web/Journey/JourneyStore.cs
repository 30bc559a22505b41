using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;

namespace LocalOffer.Web.Journey;

/// <summary>
/// The adviser's answers, kept on the server for a bounded time, encrypted (issue 24, items 1 and 6).
/// A page used to carry them whole in its token, but 100 episodes make a token far past a form
/// value's 1 KB cap and a URL's 8 KB: the journey broke at about 28 episodes. Now a page carries a
/// short handle (22 characters). Each entry is encrypted and signed by Data Protection (keys in
/// memory) under a purpose naming the browser session, so a handle is nothing without its session
/// cookie (<see cref="JourneySession"/>), and an entry is deleted once older than its lifetime
/// (<see cref="DefaultLifetime"/>, setting <c>Journey:LifetimeHours</c>). The same answers in the
/// same session get the same handle, so page views do not add entries. The whole store is capped at
/// <see cref="MaxBytes"/>: past it the oldest entries go first. Nothing is written to disk; a
/// restart loses every entry (the adviser downloads a history to keep it).
/// </summary>
public sealed class JourneyStore
{
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromHours(8);
    public const long MaxBytes = 64L << 20;
    private const string Purpose = "LocalOffer.Web.JourneyStore.v1";
    private const int HandleChars = 22;

    private sealed record Entry(string Session, byte[] Sealed, DateTimeOffset Expires, long Order);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly IDataProtectionProvider _keys;
    private readonly TimeProvider _clock;
    private readonly byte[] _handleKey = RandomNumberGenerator.GetBytes(32);
    private readonly object _evicting = new();
    private readonly ITimer _sweeper;
    private long _bytes, _order;

    public TimeSpan Lifetime { get; }

    public JourneyStore(IDataProtectionProvider keys, IConfiguration config, TimeProvider clock)
    {
        _keys = keys;
        _clock = clock;
        var hours = config.GetValue<double?>("Journey:LifetimeHours");
        Lifetime = hours is > 0 and <= 24 * 7 ? TimeSpan.FromHours(hours.Value) : DefaultLifetime;
        // Expired answers are refused when asked for; the sweep also drops those never asked for again.
        _sweeper = clock.CreateTimer(_ => Sweep(), null, TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(5));
    }

    public int Count => _entries.Count;

    /// <summary>Keeps <paramref name="packed"/> for <paramref name="session"/>; returns its handle.</summary>
    public string Save(string session, byte[] packed, TimeSpan? lifetime = null)
    {
        var handle = Handle(session, packed);
        var now = _clock.GetUtcNow();
        if (_entries.TryGetValue(handle, out var old) && old.Session == session && old.Expires > now) return handle;
        var sealedBytes = Protector(session).Protect(packed);
        var entry = new Entry(session, sealedBytes, now + (lifetime ?? Lifetime), Interlocked.Increment(ref _order));
        _entries.AddOrUpdate(handle, entry, (_, previous) =>
        {
            Interlocked.Add(ref _bytes, -previous.Sealed.Length);
            return entry;
        });
        if (Interlocked.Add(ref _bytes, sealedBytes.Length) > MaxBytes) Evict(now);
        return handle;
    }

    /// <summary>The answers under a handle, or null: malformed, unknown, expired, or another session's.</summary>
    public byte[]? Load(string? session, string? handle)
    {
        if (session is null || !IsHandle(handle) || !_entries.TryGetValue(handle!, out var e)) return null;
        if (e.Expires <= _clock.GetUtcNow())
        {
            Remove(handle!, e);
            return null;
        }
        if (!CryptographicOperations.FixedTimeEquals(
                System.Text.Encoding.UTF8.GetBytes(e.Session), System.Text.Encoding.UTF8.GetBytes(session)))
            return null;
        try
        {
            return Protector(session).Unprotect(e.Sealed);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    /// <summary>The answers under a handle, removed as they are read: a ticket that works once.</summary>
    public byte[]? Take(string session, string handle)
    {
        var bytes = Load(session, handle);
        if (bytes is not null && _entries.TryGetValue(handle, out var e)) Remove(handle, e);
        return bytes;
    }

    /// <summary>A handle is exactly 22 URL-safe base64 characters: anything else (CR, LF, markup) is refused.</summary>
    public static bool IsHandle(string? s) =>
        s is { Length: HandleChars } && s.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private IDataProtector Protector(string session) => _keys.CreateProtector(Purpose, session);

    // Keyed by a secret made at start: a handle tells nothing of the answers, and cannot be guessed.
    private string Handle(string session, byte[] packed)
    {
        using var h = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _handleKey);
        h.AppendData(System.Text.Encoding.UTF8.GetBytes(session));
        h.AppendData([0]);
        h.AppendData(packed);
        return WebEncoders.Base64UrlEncode(h.GetHashAndReset())[..HandleChars];
    }

    private void Remove(string handle, Entry e)
    {
        if (_entries.TryRemove(new KeyValuePair<string, Entry>(handle, e))) Interlocked.Add(ref _bytes, -e.Sealed.Length);
    }

    /// <summary>Expired entries out, then the oldest until the store is back under its cap.</summary>
    private void Evict(DateTimeOffset now)
    {
        lock (_evicting)
        {
            foreach (var (k, e) in _entries)
                if (e.Expires <= now) Remove(k, e);
            if (Interlocked.Read(ref _bytes) <= MaxBytes) return;
            foreach (var (k, e) in _entries.OrderBy(p => p.Value.Order).ToList())
            {
                if (Interlocked.Read(ref _bytes) <= MaxBytes * 3 / 4) break;
                Remove(k, e);
            }
        }
    }

    /// <summary>Expired entries out; called now and then so an idle server does not keep old answers.</summary>
    public void Sweep()
    {
        var now = _clock.GetUtcNow();
        foreach (var (k, e) in _entries)
            if (e.Expires <= now) Remove(k, e);
    }
}
