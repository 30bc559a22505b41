using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace LocalOffer.Web;

/// <summary>
/// Every limit the web app puts on a client, in one place (docs/security.md lists them). A care
/// history is a few kilobytes; an adviser's browser opens a handful of connections. Anything far
/// beyond is refused early and cheaply, so one client cannot take the server down.
/// </summary>
public static class WebLimits
{
    public const long MaxBodyBytes = 64 * 1024;
    /// <summary>
    /// Open connections at once: far above any office's use, below the process's file limit, about
    /// 6 KB each when idle. Beyond it a new connection is closed at once; idle ones are dropped after
    /// <see cref="KeepAlive"/>, so a flood of idle sockets shuts others out for seconds, not for good.
    /// </summary>
    public const int MaxConnections = 10_000;
    public static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan HeadersTimeout = TimeSpan.FromSeconds(10);
    /// <summary>A body slower than 240 bytes a second (after 5 s of grace) is cut off: 408.</summary>
    public const double MinBodyBytesPerSecond = 240;
    public static readonly TimeSpan MinRateGrace = TimeSpan.FromSeconds(5);
    public const int MaxHeaderCount = 50;
    public const int MaxHeaderBytes = 16 * 1024;
    public const int MaxRequestLineBytes = 8 * 1024;
    /// <summary>Form fields: 40 episodes of 5 fields and the other facts fit well within it.</summary>
    public const int MaxFormFields = 300;
    public const int MaxFormValueBytes = 1024;
    public const int MaxFormKeyBytes = 64;

    public static void Apply(KestrelServerLimits k)
    {
        k.MaxRequestBodySize = MaxBodyBytes;
        k.MaxConcurrentConnections = MaxConnections;
        k.MaxConcurrentUpgradedConnections = 0;
        k.KeepAliveTimeout = KeepAlive;
        k.RequestHeadersTimeout = HeadersTimeout;
        k.MinRequestBodyDataRate = new MinDataRate(MinBodyBytesPerSecond, MinRateGrace);
        k.MinResponseDataRate = new MinDataRate(240, TimeSpan.FromSeconds(5));
        k.MaxRequestHeaderCount = MaxHeaderCount;
        k.MaxRequestHeadersTotalSize = MaxHeaderBytes;
        k.MaxRequestLineSize = MaxRequestLineBytes;
        k.Http2.MaxStreamsPerConnection = 20;
    }
}
